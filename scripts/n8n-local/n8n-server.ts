/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';

import type { Daemon } from './daemon';
import { answersOk, startDaemon } from './daemon';
import type { N8nInstall } from './n8n-install';
import type { NodeRuntime } from './node-runtime';
import { filesFolder, localPaths } from './paths';

export interface N8nServerOptions {
	runtime: NodeRuntime;
	n8n: N8nInstall;
	/**
	 * `start` (default): the main process, with editor, REST and webhooks on `port`. `worker`: a queue-mode worker
	 * that runs queued executions; `port` is its health-check server.
	 */
	command?: 'start' | 'worker';
	/** `N8N_USER_FOLDER`: data (sqlite, encryption key, community packages) lives in `<userFolder>/.n8n`. */
	userFolder: string;
	port: number;
	/** Port of the task-runner broker; two n8n processes on one machine need different ones. */
	runnerBrokerPort: number;
	/** Receives n8n's console output. */
	logFile: string;
	/** Add to the log file (a worker started again) instead of starting it afresh. */
	appendLog?: boolean;
	/**
	 * Base URL of the editor and webhooks, the process's own by default; a worker gets the main's, which it hands
	 * providers in resume URLs.
	 */
	publicUrl?: string;
	/** More settings, e.g. queue mode's database and Redis. */
	env?: NodeJS.ProcessEnv;
}

export interface N8nServer extends Daemon {
	/** Editor and REST base (a worker: its health-check server), e.g. `http://127.0.0.1:5678`. */
	readonly url: string;
}

const READY_TIMEOUT_MS = 180_000;

/** Starts n8n on loopback with everything that would call the internet switched off; resolves once it is ready. */
export async function startN8n(options: N8nServerOptions): Promise<N8nServer> {
	const url = `http://127.0.0.1:${options.port}`;
	fs.mkdirSync(localPaths.emptyExtensionsDir, { recursive: true });
	fs.mkdirSync(filesFolder(options.userFolder), { recursive: true });
	const command = options.command ?? 'start';
	const daemon = await startDaemon(options.runtime.node, [options.n8n.bin, command], {
		name: command === 'worker' ? 'n8n worker' : 'n8n',
		// n8n reads and writes files relative to the folder it runs in: the one folder it may use.
		cwd: filesFolder(options.userFolder),
		env: { ...options.runtime.env, ...n8nEnvironment(options, url), ...options.env },
		logFile: options.logFile,
		appendLog: options.appendLog,
		// Main: /healthz answers from the first second and REST routes answer "starting up" during migrations;
		// readiness turns 200 once migrations ran and every route is mounted. Worker: readiness turns 200 once its
		// database and Redis connections are up.
		isReady: () => answersOk(`${url}/healthz/readiness`),
		readyTimeoutMs: READY_TIMEOUT_MS,
	});
	return { ...daemon, url };
}

function n8nEnvironment(options: N8nServerOptions, url: string): NodeJS.ProcessEnv {
	const ownServer =
		options.command === 'worker'
			? {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(options.port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}
			: { N8N_PORT: String(options.port), N8N_LISTEN_ADDRESS: '127.0.0.1' };
	return {
		// As n8n runs for real users (and not NODE_ENV=test, which jest sets and which makes n8n exit silently).
		NODE_ENV: 'production',
		N8N_USER_FOLDER: options.userFolder,
		...ownServer,
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: options.publicUrl ?? url,
		N8N_WEBHOOK_URL: `${options.publicUrl ?? url}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.runnerBrokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		// Else the node panel asks api-staging.n8n.io for verified community nodes.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// Else boot asks api.n8n.io for MCP servers.
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Community packages load from `<userFolder>/.n8n/nodes`; nothing from ~/.n8n/custom.
		N8N_CUSTOM_EXTENSIONS: localPaths.emptyExtensionsDir,
		N8N_RESTRICT_FILE_ACCESS_TO: filesFolder(options.userFolder),
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
	};
}
