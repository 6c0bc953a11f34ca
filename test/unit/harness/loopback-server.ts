/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

export type Handler = (
	request: RecordedRequest,
	response: ServerResponse,
	raw: IncomingMessage,
) => void | Promise<void>;

export interface LoopbackServer {
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and lets the test answer it. */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
	const requests: RecordedRequest[] = [];
	const server = createServer((raw, response) => {
		const chunks: Buffer[] = [];
		raw.on('data', (chunk: Buffer) => chunks.push(chunk));
		raw.on('end', () => {
			const request: RecordedRequest = {
				method: raw.method ?? '',
				path: raw.url ?? '',
				headers: raw.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(request);
			void Promise.resolve(handler(request, response, raw)).catch((error: unknown) => {
				response.writeHead(500).end(String(error));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
	response.writeHead(statusCode, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}
