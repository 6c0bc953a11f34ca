/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IHttpRequestMethods } from 'n8n-workflow';

import type { Delivery } from './engine';
import type { WebhookRequest } from './waiting-webhooks';

export interface ResumeListener {
	origin: string;
	close(): Promise<void>;
}

type Deliver = (request: WebhookRequest & { url: string }) => Promise<Delivery>;

/**
 * A loopback HTTP server answering on n8n's `/webhook-waiting/...` paths, so a service that calls
 * a node's resume URL back resumes the execution for real.
 */
export async function listenForResume(deliver: Deliver): Promise<ResumeListener> {
	const server = createServer((request, response) => {
		void handle(request, deliver).then(
			({ reply }) => {
				response.writeHead(reply.statusCode, { 'content-type': 'application/json' });
				response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
			},
			(error: unknown) => {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: error instanceof Error ? error.message : 'Error' }));
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: async () => await closeServer(server) };
}

async function handle(request: IncomingMessage, deliver: Deliver): Promise<Delivery> {
	const headers = Object.fromEntries(
		Object.entries(request.headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(', ') : (value ?? ''),
		]),
	);
	return await deliver({
		method: (request.method ?? 'GET') as IHttpRequestMethods,
		url: request.url ?? '/',
		headers,
		body: parseBody(await readBody(request), headers['content-type']),
	});
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** n8n's body parser for the content types a provider callback uses. */
function parseBody(raw: string, contentType = ''): unknown {
	if (raw === '') return {};
	if (contentType.includes('json')) return JSON.parse(raw) as unknown;
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	return raw;
}

async function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve, reject) =>
		server.close((error) => (error ? reject(error) : resolve())),
	);
}
