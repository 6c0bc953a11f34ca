/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { AbstractConstructable, Container as ContainerInstance } from '@n8n/di';
import type { BinaryDataService } from 'n8n-core';
import { createRequire } from 'node:module';

type CoreLogger = ConstructorParameters<typeof BinaryDataService>[2];

/*
 * n8n-core 2.41 ships its own @n8n/di and @n8n/backend-common (newer than the copies hoisted for
 * @n8n/node-cli). Its services live in the container of *its* @n8n/di, so both modules are loaded
 * the way n8n-core resolves them; importing them by name would reach the other copies.
 */
const requireFromCore = createRequire(require.resolve('n8n-core'));

export const { Container } = requireFromCore('@n8n/di') as { Container: typeof ContainerInstance };

export const { Logger } = requireFromCore('@n8n/backend-common') as {
	Logger: AbstractConstructable<CoreLogger>;
};

/*
 * n8n-core creates its SSH clients manager in the first node run; its constructor starts an unref'd 60 s
 * interval and an 'exit' listener, which n8n removes at shutdown. Left running, they keep each test file's
 * whole module graph alive in the jest worker.
 */
const { SSHClientsManager } = requireFromCore('./execution-engine/ssh-clients-manager') as {
	SSHClientsManager: AbstractConstructable<{ onShutdown(): void }>;
};

/** What n8n does to its services at shutdown, for those a harness starts. */
export function shutDownCoreServices(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
