/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { launchInstance } from '../../scripts/n8n-local/instance';
import { LOCAL_ROOT, localPaths } from '../../scripts/n8n-local/paths';
import { setUpE2e } from './support/setup';

/** A fresh n8n instance (single process, SQLite) for the e2e tests. */
export default async function globalSetup(): Promise<void> {
	await setUpE2e('Starting n8n for the e2e tests', async (prepared, options) => {
		const userFolder = path.join(LOCAL_ROOT, 'e2e', 'home');
		fs.rmSync(userFolder, { recursive: true, force: true });
		const instance = await launchInstance(prepared, {
			...options,
			userFolder,
			logFile: path.join(localPaths.logsDir, 'n8n-e2e.log'),
		});
		return { instance, userFolder, stop: () => instance.server.stop() };
	});
}
