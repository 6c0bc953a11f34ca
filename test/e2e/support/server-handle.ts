/* eslint-disable @n8n/community-nodes/no-restricted-globals */

interface Stoppable {
	stop(): Promise<void>;
}

/** What the global setup started; jest gives global setup and teardown one shared global object. */
const holder = globalThis as typeof globalThis & { n8nE2eRunning?: Stoppable };

export function rememberRunning(running: Stoppable): void {
	holder.n8nE2eRunning = running;
}

export async function stopRemembered(): Promise<void> {
	await holder.n8nE2eRunning?.stop();
	holder.n8nE2eRunning = undefined;
}
