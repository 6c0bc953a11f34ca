/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { ensureN8nInstalled } from './n8n-local/n8n-install';
import { ensureNodeRuntime } from './n8n-local/node-runtime';
import { postgresBinDir } from './n8n-local/postgres';
import { redisServerPath } from './n8n-local/redis';
import { ensureChromium } from '../test/e2e/support/chromium';

/**
 * `npm run test:e2e:install`: installs what the end-to-end tests need and starts nothing: Node 24 with n8n, Chromium,
 * Postgres and Redis (each only when missing). CI runs it beside the unit tests: it is mostly downloading.
 */
async function main(): Promise<void> {
	// apt-get takes one package list at a time, so Chromium, Postgres and Redis come one after the other.
	const system = (async () => {
		await ensureChromium();
		await postgresBinDir();
		await redisServerPath();
	})();
	await Promise.all([ensureNodeRuntime().then(ensureN8nInstalled), system]);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
