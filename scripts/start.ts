/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/require-node-api-error */
/**
 * `npm start`: this package inside a real n8n on http://127.0.0.1:5678, with the local API emulator behind both
 * credentials (or the real services when RUNWARE_API_KEY / USEAPI_API_KEY are set) and the example workflows
 * imported. Ctrl-C, or SIGINT/SIGTERM to the `npm start` process, stops everything it started: the script is
 * `exec tsx …`, so npm's forwarded signal reaches tsx (which relays it here) instead of ending a shell in between.
 *
 * Environment: N8N_LOCAL_PORT (default 5678; the task-runner broker takes the next port),
 * N8N_LOCAL_EMULATOR_PORT (default 5680), N8N_LOCAL_USER_FOLDER (default .n8n-local/home: n8n's data, workflows
 * and credentials), RUNWARE_API_KEY, USEAPI_API_KEY, USEAPI_EMAIL.
 */
import * as path from 'node:path';

import { startEmulator } from '../test/emulator';
import { liveKeysFromEnvironment } from './n8n-local/credentials';
import type { LocalInstance } from './n8n-local/instance';
import { launchInstance, prepareInstall } from './n8n-local/instance';
import { say, seconds } from './n8n-local/log';
import { LOCAL_ROOT, localPaths } from './n8n-local/paths';
import { assertPortFree } from './n8n-local/ports';
import type { OwnerAccount } from './n8n-local/provision';
import { LOCAL_OWNER, testCredential } from './n8n-local/provision';

const n8nPort = Number(process.env.N8N_LOCAL_PORT ?? 5678);
const emulatorPort = Number(process.env.N8N_LOCAL_EMULATOR_PORT ?? 5680);
const userFolder = process.env.N8N_LOCAL_USER_FOLDER ?? path.join(LOCAL_ROOT, 'home');

/** What Ctrl-C does: while starting, exit (n8n's exit hook stops it); once running, stop everything in order. */
let onStopSignal = (): void => process.exit(130);
process.on('SIGINT', () => onStopSignal());
process.on('SIGTERM', () => onStopSignal());

async function main(): Promise<void> {
	const started = Date.now();
	await assertPortFree(n8nPort, 'n8n');
	await assertPortFree(n8nPort + 1, 'n8n task-runner broker');
	await assertPortFree(emulatorPort, 'API emulator');
	const prepared = await prepareInstall();
	const emulator = await startEmulator({ port: emulatorPort });
	let instance: LocalInstance;
	try {
		instance = await launchInstance(prepared, {
			userFolder,
			port: n8nPort,
			runnerBrokerPort: n8nPort + 1,
			logFile: path.join(localPaths.logsDir, 'n8n.log'),
			owner: LOCAL_OWNER,
			emulator,
			live: liveKeysFromEnvironment(process.env),
		});
	} catch (error) {
		await emulator.close();
		throw error;
	}

	let stopping = false;
	const stopAll = async (code: number): Promise<void> => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the emulator…');
		await instance.server.stop();
		await emulator.close();
		process.exit(code);
	};
	onStopSignal = () => void stopAll(0);
	void instance.server.exited.then(() => {
		if (stopping) return;
		say(`n8n exited on its own; see ${instance.server.logFile}`);
		void stopAll(1);
	});

	await printSummary(instance, LOCAL_OWNER, emulator.url);
	say(`Ready in ${seconds(started)}. Press Ctrl-C to stop.`);
}

async function printSummary(
	instance: LocalInstance,
	owner: OwnerAccount,
	emulatorUrl: string,
): Promise<void> {
	const lines = [
		'',
		`  n8n:       ${instance.server.url}`,
		`  Login:     ${owner.email}  /  ${owner.password}`,
		`  Emulator:  ${emulatorUrl}`,
		`  n8n log:   ${path.relative(process.cwd(), instance.server.logFile)}`,
		'  Credentials:',
	];
	for (const credential of instance.credentials) {
		const result = await testCredential(instance.rest, credential, credential.data);
		const verdict = result.status === 'OK' ? 'connection OK' : `test failed: ${result.message}`;
		lines.push(`    ${credential.name} (${credential.type}) -> ${credential.target}, ${verdict}`);
	}
	lines.push(
		instance.examples.length > 0
			? '  Example workflows:'
			: '  Example workflows: none in examples/',
	);
	for (const example of instance.examples) {
		lines.push(
			`    ${instance.server.url}/workflow/${example.id}  ${example.name} (${example.outcome})`,
		);
	}
	process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
	say(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
