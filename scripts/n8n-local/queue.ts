/* eslint-disable @n8n/community-nodes/require-node-api-error */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Daemon } from './daemon';
import type { LaunchOptions, LocalInstance, PreparedInstall } from './instance';
import { launchInstance, startInstanceServer } from './instance';
import { step } from './log';
import type { N8nServer } from './n8n-server';
import { startN8n } from './n8n-server';
import { installPackageTarball } from './package-install';
import { localPaths } from './paths';
import { freePort } from './ports';
import type { LocalPostgres } from './postgres';
import { startPostgres } from './postgres';
import type { LocalRedis } from './redis';
import { startRedis } from './redis';

export interface QueueStackOptions
	extends Pick<LaunchOptions, 'port' | 'runnerBrokerPort' | 'owner' | 'emulator' | 'live'> {
	/** Holds Postgres's cluster, the encryption key and each n8n process's user folder. */
	root: string;
	workers: number;
	/** Executions each worker runs at once (n8n's default: 10). */
	workerConcurrency?: number;
	/** Log files are `<logPrefix>-main.log`, `<logPrefix>-worker-1.log`… in `.n8n-local/logs/`. */
	logPrefix: string;
}

/** n8n in queue mode: Postgres, Redis, one main process (editor, REST, webhooks) and workers. */
export interface QueueStack {
	postgres: LocalPostgres;
	redis: LocalRedis;
	main: LocalInstance;
	workers: N8nServer[];
	/** Resolves with the name of the first of the processes started at launch that ends. */
	firstExit: Promise<string>;
	/** Ends worker `index` (0-based) at once with SIGKILL, with every process it started, as a killed container. */
	killWorker(index: number): Promise<void>;
	/** Starts worker `index` again if it has ended (new ports, same user folder; its log goes on). */
	restartWorker(index: number): Promise<N8nServer>;
	/** Stops main (SIGTERM) and starts it again on the same port: n8n's startup recovery runs. */
	restartMain(): Promise<N8nServer>;
	/** Stops Redis (SIGTERM) and starts it again on the same port and folder: the queue's jobs are lost with it. */
	restartRedis(): Promise<LocalRedis>;
	/** Stops the workers, then main, then Redis and Postgres. */
	stop(): Promise<void>;
}

/**
 * Starts the stack. The package is installed on every n8n process (each has its own user folder), as queue mode
 * requires; all share one encryption key, the database and the queue; manual runs go to the workers too.
 */
export async function launchQueueStack(
	prepared: PreparedInstall,
	options: QueueStackOptions,
): Promise<QueueStack> {
	fs.mkdirSync(options.root, { recursive: true });
	const log = (name: string) => path.join(localPaths.logsDir, `${options.logPrefix}-${name}.log`);
	// Layers in start order (databases, main, workers); stopped in reverse, each layer's processes together.
	const layers: Daemon[][] = [[], [], []];
	const stopStarted = async () => {
		for (const layer of [...layers].reverse()) {
			await Promise.all(layer.splice(0).map(async (daemon) => await daemon.stop()));
		}
	};
	const started = <T extends Daemon>(layer: number, daemon: T): T => {
		layers[layer].push(daemon);
		return daemon;
	};
	try {
		// Postgres and Redis each on a port of their own, started together.
		const onFreePort = async <T extends Daemon>(start: (port: number) => Promise<T>): Promise<T> =>
			started(0, await start(await freePort()));
		const postgresLaunch = onFreePort(async (port) =>
			startPostgres({
				dataDir: path.join(options.root, 'postgres'),
				port,
				logFile: log('postgres'),
				database: 'n8n',
			}),
		);
		const redisOptions = (port: number) => ({
			dataDir: path.join(options.root, 'redis'),
			port,
			logFile: log('redis'),
		});
		const redisLaunch = onFreePort(async (port) => startRedis(redisOptions(port)));
		await step('Starting Postgres and Redis', () => allEnded([postgresLaunch, redisLaunch]));
		const [postgres, redis] = [await postgresLaunch, await redisLaunch];
		const env = queueEnvironment(options.root, postgres, redis);
		// Main and workers start together: each runs n8n's database migrations under n8n's migration lock, so the
		// first to take it migrates and the others find nothing left to do.
		const mainOptions = {
			...options,
			userFolder: path.join(options.root, 'main'),
			logFile: log('main'),
			env,
		};
		const mainLaunch = launchInstance(prepared, mainOptions).then((main) => {
			started(1, main.server);
			return main;
		});
		const endedWorkers = new WeakSet<N8nServer>();
		const startWorker = async (index: number, again: boolean): Promise<N8nServer> => {
			const userFolder = path.join(options.root, `worker-${index + 1}`);
			if (!again) await installPackageTarball(prepared.tarball, userFolder);
			const worker = await startN8n({
				runtime: prepared.runtime,
				n8n: prepared.n8n,
				command: 'worker',
				userFolder,
				port: await freePort(),
				runnerBrokerPort: await freePort(),
				logFile: log(`worker-${index + 1}`),
				appendLog: again,
				publicUrl: `http://127.0.0.1:${options.port}`,
				env: {
					...env,
					// The worker's own setting, read before its `--concurrency` flag.
					...(options.workerConcurrency === undefined
						? {}
						: { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(options.workerConcurrency) }),
				},
			});
			void worker.exited.then(() => endedWorkers.add(worker));
			return started(2, worker);
		};
		const workerLaunches = Array.from(
			{ length: options.workers },
			async (_, index) => await startWorker(index, false),
		);
		await step(`Starting n8n main and ${options.workers} workers (queue mode)`, () =>
			allEnded([mainLaunch, ...workerLaunches]),
		);
		const main = await mainLaunch;
		const workers = await Promise.all(workerLaunches);
		const processes = [postgres, redis, main.server, ...workers];
		const firstExit = Promise.race(
			processes.map(async (daemon) => {
				await daemon.exited;
				return `${daemon.name} (${daemon.logFile})`;
			}),
		);
		const stack: QueueStack = {
			postgres,
			redis,
			main,
			workers,
			firstExit,
			async killWorker(index) {
				const worker = workers[index];
				if (!worker) throw new Error(`The stack has no worker ${index}`);
				killGroup(worker.pid);
				await worker.exited;
			},
			async restartWorker(index) {
				if (!workers[index]) throw new Error(`The stack has no worker ${index}`);
				if (!endedWorkers.has(workers[index])) return workers[index];
				workers[index] = await startWorker(index, true);
				return workers[index];
			},
			async restartMain() {
				await main.server.stop();
				main.server = started(1, await startInstanceServer(prepared, mainOptions, true));
				return main.server;
			},
			async restartRedis() {
				await stack.redis.stop();
				stack.redis = started(
					0,
					await startRedis({ ...redisOptions(stack.redis.port), appendLog: true }),
				);
				return stack.redis;
			},
			stop: stopStarted,
		};
		return stack;
	} catch (error) {
		await stopStarted();
		throw error;
	}
}

/** SIGKILL to the process and the processes it started (its group: daemons lead their own). */
function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// The group has ended already.
	}
}

/**
 * Waits until every launch has ended and throws the first failure only then: a launch still under way when another
 * fails would otherwise be left running, unknown to the cleanup.
 */
async function allEnded(launches: Array<Promise<unknown>>): Promise<void> {
	const failed = (await Promise.allSettled(launches)).find(
		(result): result is PromiseRejectedResult => result.status === 'rejected',
	);
	if (failed) throw failed.reason;
}

/** Settings every n8n process of the stack shares. */
/** Postgres connections of each n8n process (n8n's default: 2). */
const POSTGRES_POOL_SIZE = 10;

function queueEnvironment(
	root: string,
	postgres: LocalPostgres,
	redis: LocalRedis,
): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: encryptionKey(root),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Each Resume on Webhook callback holds one of main's Postgres connections while the node stores its videos:
		// n8n's default pool of 2 starved main when many tasks ended together ("timeout exceeded when trying to
		// connect", callbacks answered 503). The README gives users the same advice.
		DB_POSTGRESDB_POOL_SIZE: String(POSTGRES_POOL_SIZE),
		// n8n 2.41's expression engine otherwise starts an isolate (~50 ms of CPU) for every call of a resume URL, even
		// one whose node evaluates no expression: main could not answer callbacks arriving together in time.
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
		// n8n does not support filesystem binary data in queue mode: the worker's files would not reach main.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** The stack's key (credentials are encrypted with it), made once and kept with its database. */
function encryptionKey(root: string): string {
	const file = path.join(root, 'encryption-key');
	if (!fs.existsSync(file))
		fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
	return fs.readFileSync(file, 'utf8').trim();
}
