import { stopRememberedServer } from './support/server-handle';

export default async function globalTeardown(): Promise<void> {
	await stopRememberedServer();
}
