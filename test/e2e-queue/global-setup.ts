/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { LOCAL_ROOT } from '../../scripts/n8n-local/paths';
import { launchQueueStack } from '../../scripts/n8n-local/queue';
import { setUpE2e } from '../e2e/support/setup';
import { serveStackControl } from './control';

/** Workers of the stack: more than one, so the tests see executions spread as in production. */
const WORKERS = 2;

/** A fresh queue-mode stack (Postgres, Redis, main, two workers) as `npm start -- --queue` starts it. */
export default async function globalSetup(): Promise<void> {
	await setUpE2e('Starting n8n in queue mode for the e2e tests', async (prepared, options) => {
		const root = path.join(LOCAL_ROOT, 'e2e-queue');
		fs.rmSync(root, { recursive: true, force: true });
		const stack = await launchQueueStack(prepared, {
			...options,
			root,
			workers: WORKERS,
			logPrefix: 'e2e-queue',
		});
		const control = await serveStackControl(stack);
		return {
			instance: stack.main,
			userFolder: path.join(root, 'main'),
			stop: async () => {
				await control.close();
				await stack.stop();
			},
			queue: {
				postgres: {
					psql: stack.postgres.psql,
					host: stack.postgres.host,
					port: stack.postgres.port,
					database: stack.postgres.database,
					user: stack.postgres.user,
				},
				mainLog: stack.main.server.logFile,
				workerLogs: stack.workers.map((worker) => worker.logFile),
				controlUrl: control.url,
			},
		};
	});
}
