/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { QueueStack } from '../../scripts/n8n-local/queue';
import { e2eState } from '../e2e/support/state';

/**
 * The stack's processes are children of the global setup; tests (another module registry, maybe another process)
 * have them killed and restarted through this small loopback server, so the setup still stops whatever runs at the end.
 */
export type StackOrder =
	| { action: 'killWorker' | 'stopWorker' | 'restartWorker'; worker: number }
	| { action: 'restartRedis' | 'restartMain' };

async function obey(stack: QueueStack, order: StackOrder): Promise<void> {
	switch (order.action) {
		case 'killWorker':
			return await stack.killWorker(order.worker);
		case 'stopWorker':
			return await stack.workers[order.worker].stop();
		case 'restartWorker':
			await stack.restartWorker(order.worker);
			return;
		case 'restartRedis':
			await stack.restartRedis();
			return;
		case 'restartMain':
			await stack.restartMain();
			return;
	}
}

export interface StackControl {
	url: string;
	close(): Promise<void>;
}

/** Serves `POST /` with a JSON `StackOrder`; answers 204 once it is carried out, 500 with the error otherwise. */
export async function serveStackControl(stack: QueueStack): Promise<StackControl> {
	const server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		request.on('end', () => {
			obey(stack, JSON.parse(body) as StackOrder).then(
				() => response.writeHead(204).end(),
				(error: unknown) => response.writeHead(500).end(String(error)),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Has the global setup carry out an order on the stack; resolves once it is done (a worker restarted: ready). */
export async function orderStack(order: StackOrder): Promise<void> {
	const { queue } = e2eState();
	if (!queue) throw new Error('No queue-mode stack: run these tests with `npm run test:e2e:queue`');
	const response = await fetch(queue.controlUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(order),
		signal: AbortSignal.timeout(240_000),
	});
	if (response.status !== 204)
		throw new Error(`The stack refused ${JSON.stringify(order)}: ${await response.text()}`);
}
