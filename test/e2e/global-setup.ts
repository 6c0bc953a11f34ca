/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { launchInstance, prepareInstall } from '../../scripts/n8n-local/instance';
import { step } from '../../scripts/n8n-local/log';
import { LOCAL_ROOT, localPaths } from '../../scripts/n8n-local/paths';
import { freePort } from '../../scripts/n8n-local/ports';
import { LOCAL_OWNER } from '../../scripts/n8n-local/provision';
import { startEmulator } from '../emulator';
import { ensureChromium } from './support/chromium';
import { rememberServer } from './support/server-handle';
import { publishE2eState } from './support/state';

/**
 * Once per run: Chromium, the n8n install and the packed package (in parallel), then a fresh n8n instance with
 * owner, credentials pointing at an emulator port and every example workflow. Tests start the emulator on that
 * port themselves, so each test file controls its own emulator state.
 */
export default async function globalSetup(): Promise<void> {
	const [chromiumPath, prepared] = await Promise.all([ensureChromium(), prepareInstall()]);
	const userFolder = path.join(LOCAL_ROOT, 'e2e', 'home');
	fs.rmSync(userFolder, { recursive: true, force: true });
	const emulator = await startEmulator();
	try {
		const instance = await step('Starting n8n for the e2e tests', async () =>
			launchInstance(prepared, {
				userFolder,
				port: await freePort(),
				runnerBrokerPort: await freePort(),
				logFile: path.join(localPaths.logsDir, 'n8n-e2e.log'),
				owner: LOCAL_OWNER,
				emulator,
				// Tests never touch the real services, whatever keys the environment holds.
				live: {},
			}),
		);
		rememberServer(instance.server);
		publishE2eState({
			n8nUrl: instance.server.url,
			userFolder,
			owner: LOCAL_OWNER,
			emulatorPort: Number(new URL(emulator.url).port),
			credentials: instance.credentials.map(({ id, name, type }) => ({ id, name, type })),
			examples: instance.examples,
			chromiumPath,
			tarball: prepared.tarball,
		});
	} finally {
		await emulator.close();
	}
}
