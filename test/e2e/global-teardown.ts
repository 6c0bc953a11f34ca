import { stopRemembered } from './support/server-handle';

export default async function globalTeardown(): Promise<void> {
	await stopRemembered();
}
