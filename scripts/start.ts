/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/require-node-api-error */
/**
 * `npm start`: this package inside a real n8n on http://127.0.0.1:5678, with the local API emulator behind both
 * credentials (or the real services when RUNWARE_API_KEY / USEAPI_API_KEY are set) and the example workflows
 * imported. Ctrl-C, or SIGINT/SIGTERM to the `npm start` process, stops everything it started: the script is
 * `exec tsx …`, so npm's forwarded signal reaches tsx (which relays it here) instead of ending a shell in between.
 *
 * Options: `--queue` runs n8n in queue mode (Postgres, Redis, main and two workers, each with the package);
 * `--n8n-version <version>` picks another n8n than the pinned one.
 *
 * Environment: N8N_LOCAL_PORT (default 5678; the task-runner broker takes the next port),
 * N8N_LOCAL_EMULATOR_PORT (default 5680), N8N_LOCAL_USER_FOLDER (default .n8n-local/home: n8n's data, workflows
 * and credentials), RUNWARE_API_KEY, USEAPI_API_KEY, USEAPI_EMAIL.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startEmulator } from '../test/emulator';
import { liveKeysFromEnvironment } from './n8n-local/credentials';
import type { LaunchOptions, LocalInstance, PreparedInstall } from './n8n-local/instance';
import { launchInstance, prepareInstall } from './n8n-local/instance';
import { say, seconds } from './n8n-local/log';
import { LOCAL_ROOT, N8N_VERSION, localPaths } from './n8n-local/paths';
import { assertPortFree } from './n8n-local/ports';
import type { OwnerAccount } from './n8n-local/provision';
import { LOCAL_OWNER, testCredential } from './n8n-local/provision';
import { launchQueueStack } from './n8n-local/queue';

const n8nPort = Number(process.env.N8N_LOCAL_PORT ?? 5678);
const emulatorPort = Number(process.env.N8N_LOCAL_EMULATOR_PORT ?? 5680);
const userFolder = process.env.N8N_LOCAL_USER_FOLDER ?? path.join(LOCAL_ROOT, 'home');
const QUEUE_WORKERS = 2;

/** What Ctrl-C does: while starting, exit (exit hooks stop what started); once running, stop everything in order. */
let onStopSignal = (): void => process.exit(130);
process.on('SIGINT', () => onStopSignal());
process.on('SIGTERM', () => onStopSignal());

/** What runs: a main instance to show, how to stop it all, and a promise that settles when a part dies. */
interface Running {
	instance: LocalInstance;
	extraLines: string[];
	stop(): Promise<void>;
	firstExit: Promise<string>;
}

async function main(): Promise<void> {
	const { values: args } = parseArgs({
		options: {
			queue: { type: 'boolean', default: false },
			'n8n-version': { type: 'string', default: N8N_VERSION },
		},
	});
	const started = Date.now();
	await assertPortFree(n8nPort, 'n8n');
	await assertPortFree(n8nPort + 1, 'n8n task-runner broker');
	await assertPortFree(emulatorPort, 'API emulator');
	const prepared = await prepareInstall(args['n8n-version']);
	const emulator = await startEmulator({ port: emulatorPort });
	const launch: LaunchOptions = {
		userFolder,
		port: n8nPort,
		runnerBrokerPort: n8nPort + 1,
		logFile: path.join(localPaths.logsDir, 'n8n.log'),
		owner: LOCAL_OWNER,
		emulator,
		live: liveKeysFromEnvironment(process.env),
	};
	let running: Running;
	try {
		running = args.queue
			? await startQueueMode(prepared, launch)
			: await startSingle(prepared, launch);
	} catch (error) {
		await emulator.close();
		throw error;
	}

	let stopping = false;
	const stopAll = async (code: number): Promise<void> => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the emulator…');
		await running.stop();
		await emulator.close();
		process.exit(code);
	};
	onStopSignal = () => void stopAll(0);
	void running.firstExit.then((name) => {
		if (stopping) return;
		say(`${name} exited on its own`);
		void stopAll(1);
	});

	await printSummary(running, prepared, LOCAL_OWNER, emulator.url);
	say(`Ready in ${seconds(started)}. Press Ctrl-C to stop.`);
}

async function startSingle(prepared: PreparedInstall, launch: LaunchOptions): Promise<Running> {
	const instance = await launchInstance(prepared, launch);
	return {
		instance,
		extraLines: [],
		stop: () => instance.server.stop(),
		firstExit: instance.server.exited.then(() => `n8n (${instance.server.logFile})`),
	};
}

async function startQueueMode(prepared: PreparedInstall, launch: LaunchOptions): Promise<Running> {
	const stack = await launchQueueStack(prepared, {
		...launch,
		root: path.join(LOCAL_ROOT, 'queue'),
		workers: QUEUE_WORKERS,
		logPrefix: 'queue',
	});
	const relative = (file: string) => path.relative(process.cwd(), file);
	return {
		instance: stack.main,
		extraLines: [
			`  Mode:      queue (EXECUTIONS_MODE=queue): executions run on ${stack.workers.length} workers`,
			...stack.workers.map(
				(worker, index) =>
					`  Worker ${index + 1}:  ${worker.url}/healthz  log ${relative(worker.logFile)}`,
			),
			`  Postgres:  ${stack.postgres.host}:${stack.postgres.port} database ${stack.postgres.database}, user ${stack.postgres.user}  log ${relative(stack.postgres.logFile)}`,
			`  Redis:     ${stack.redis.host}:${stack.redis.port}  log ${relative(stack.redis.logFile)}`,
		],
		stop: () => stack.stop(),
		firstExit: stack.firstExit,
	};
}

async function printSummary(
	running: Running,
	prepared: PreparedInstall,
	owner: OwnerAccount,
	emulatorUrl: string,
): Promise<void> {
	const { instance } = running;
	const lines = [
		'',
		`  n8n:       ${instance.server.url}  (n8n ${prepared.n8n.version})`,
		`  Login:     ${owner.email}  /  ${owner.password}`,
		`  Emulator:  ${emulatorUrl}`,
		`  n8n log:   ${path.relative(process.cwd(), instance.server.logFile)}`,
		...running.extraLines,
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
