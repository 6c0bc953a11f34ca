/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { N8nServer } from '../../../scripts/n8n-local/n8n-server';

/** The n8n the global setup started; jest gives global setup and teardown one shared global object. */
const holder = globalThis as typeof globalThis & { n8nE2eServer?: N8nServer };

export function rememberServer(server: N8nServer): void {
	holder.n8nE2eServer = server;
}

export async function stopRememberedServer(): Promise<void> {
	await holder.n8nE2eServer?.stop();
	holder.n8nE2eServer = undefined;
}
