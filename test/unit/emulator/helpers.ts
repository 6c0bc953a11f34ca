/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Emulator } from '../../emulator';

/** Response bodies are read loosely in these tests: the assertions check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

export { sleep };

export interface JsonResponse {
	status: number;
	headers: Headers;
	body: LooseJson;
}

async function asJson(response: Response): Promise<JsonResponse> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON (gateway pages, malformed replies): the raw text is kept.
	}
	return { status: response.status, headers: response.headers, body };
}

/** POSTs an array of tasks to the Runware endpoint with the emulator's key (or `key`). */
export async function runware(
	emulator: Emulator,
	tasks: unknown[],
	options: { key?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
	const response = await fetch(emulator.runwareUrl, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${options.key ?? emulator.runwareApiKey}`,
			'content-type': 'application/json',
			...options.headers,
		},
		body: JSON.stringify(tasks),
	});
	return asJson(response);
}

/** Calls a useapi.net path (under `useApiUrl`) with the emulator's token (or `token`). */
export async function useapi(
	emulator: Emulator,
	method: string,
	path: string,
	options: {
		json?: unknown;
		body?: Buffer;
		contentType?: string;
		token?: string;
		headers?: Record<string, string>;
	} = {},
): Promise<JsonResponse> {
	const headers: Record<string, string> = {
		authorization: `Bearer ${options.token ?? emulator.useApiToken}`,
		...options.headers,
	};
	if (options.json !== undefined) headers['content-type'] = 'application/json';
	if (options.contentType) headers['content-type'] = options.contentType;
	const response = await fetch(`${emulator.useApiUrl}${path}`, {
		method,
		headers,
		body:
			options.json !== undefined
				? JSON.stringify(options.json)
				: options.body && new Uint8Array(options.body),
	});
	return asJson(response);
}

export function videoTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		taskType: 'videoInference',
		taskUUID: randomUUID(),
		model: 'klingai:5@3',
		positivePrompt: 'a red fox running through snow',
		duration: 5,
		width: 1920,
		height: 1080,
		deliveryMethod: 'async',
		...overrides,
	};
}

export function getResponse(...taskUUIDs: string[]): Record<string, unknown>[] {
	return taskUUIDs.map((taskUUID) => ({ taskType: 'getResponse', taskUUID }));
}

export interface ReceivedCall {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	at: number;
}

/** A local HTTP receiver for webhooks, replyUrl callbacks and uploadEndpoint PUTs. */
export async function startReceiver(status = 200): Promise<{
	url: string;
	calls: ReceivedCall[];
	json(index: number): LooseJson;
	close(): Promise<void>;
}> {
	const calls: ReceivedCall[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			calls.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks),
				at: Date.now(),
			});
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		json: (index) => JSON.parse(calls[index].body.toString('utf8')),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Polls `predicate` every 10 ms until it holds (or fails after `timeoutMs`). */
export async function eventually(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) throw new Error('Condition not met in time');
		await sleep(10);
	}
}
