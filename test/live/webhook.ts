/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookListener {
	/** The loopback URL of the listener. */
	url: string;
	/** The next JSON body POSTed to the listener (or an error after `timeoutMs`). */
	next: () => Promise<unknown>;
	close: () => Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0: any) and answers every POST with 200. */
export async function listenForWebhooks(port: number, timeoutMs: number): Promise<WebhookListener> {
	const waiting: Array<(body: unknown) => void> = [];
	const received: unknown[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			res.writeHead(200).end();
			let body: unknown = Buffer.concat(chunks).toString('utf8');
			try {
				body = JSON.parse(body as string);
			} catch {
				// Not JSON: kept as text.
			}
			const resolve = waiting.shift();
			if (resolve) resolve(body);
			else received.push(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: bound } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${bound}/`,
		next: async () =>
			received.length > 0
				? received.shift()
				: await new Promise((resolve, reject) => {
						const timer = setTimeout(() => reject(new Error('no webhook call arrived')), timeoutMs);
						waiting.push((body) => {
							clearTimeout(timer);
							resolve(body);
						});
					}),
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
