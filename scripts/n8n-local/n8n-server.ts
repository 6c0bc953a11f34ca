/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/require-node-api-error */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { n8nBin } from './n8n-install';
import type { NodeRuntime } from './node-runtime';
import { filesFolder, localPaths } from './paths';
import { tail } from './process';

export interface N8nServerOptions {
	runtime: NodeRuntime;
	/** `N8N_USER_FOLDER`: data (sqlite, encryption key, community packages) lives in `<userFolder>/.n8n`. */
	userFolder: string;
	port: number;
	/** Port of the task-runner broker; two instances on one machine need different ones. */
	runnerBrokerPort: number;
	/** Receives n8n's console output. */
	logFile: string;
}

export interface N8nServer {
	/** Editor and REST base, e.g. `http://127.0.0.1:5678`. */
	readonly url: string;
	readonly logFile: string;
	/** Resolves when the n8n process has ended, for whatever reason. */
	readonly exited: Promise<void>;
	/** Resolves when n8n has exited (stops it with SIGTERM, then SIGKILL after a grace period). */
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 15_000;

/** Starts n8n on loopback with everything that would call the internet switched off; resolves once REST answers. */
export async function startN8n(options: N8nServerOptions): Promise<N8nServer> {
	const url = `http://127.0.0.1:${options.port}`;
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	fs.mkdirSync(localPaths.emptyExtensionsDir, { recursive: true });
	fs.mkdirSync(filesFolder(options.userFolder), { recursive: true });
	const log = fs.openSync(options.logFile, 'w');
	// Own process group: Ctrl-C reaches only the parent script, which then stops n8n in order.
	const child = spawn(options.runtime.node, [n8nBin, 'start'], {
		cwd: filesFolder(options.userFolder),
		env: { ...options.runtime.env, ...n8nEnvironment(options, url) },
		stdio: ['ignore', log, log],
		detached: true,
	});
	fs.closeSync(log);
	// Whatever way this script ends, n8n must not outlive it.
	const stopOnExit = () => child.kill('SIGTERM');
	process.on('exit', stopOnExit);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			process.off('exit', stopOnExit);
			resolve();
		}),
	);
	const server: N8nServer = {
		url,
		logFile: options.logFile,
		exited,
		stop: () => stopChild(child, exited),
	};
	try {
		await waitUntilReady(url, exited, options.logFile);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

function n8nEnvironment(options: N8nServerOptions, url: string): NodeJS.ProcessEnv {
	return {
		// As n8n runs for real users (and not NODE_ENV=test, which jest sets and which makes n8n exit silently).
		NODE_ENV: 'production',
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url,
		N8N_WEBHOOK_URL: `${url}/`,
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

async function waitUntilReady(url: string, exited: Promise<void>, logFile: string): Promise<void> {
	let hasExited = false;
	void exited.then(() => (hasExited = true));
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (hasExited)
			throw new Error(`n8n exited during startup; last lines of ${logFile}:\n${tail(logFile, 40)}`);
		// /healthz answers from the first second and REST routes answer "starting up" during migrations;
		// readiness turns 200 once migrations ran and every route is mounted.
		const ready = await fetch(`${url}/healthz/readiness`).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) return;
		await sleep(500);
	}
	throw new Error(`n8n did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	// The grace timer is cancelled once n8n is gone, so it does not keep this process alive.
	const grace = new AbortController();
	const stoppedInTime = await Promise.race([
		exited.then(() => true),
		sleep(STOP_GRACE_MS, false, { signal: grace.signal }).catch(() => true),
	]);
	grace.abort();
	if (!stoppedInTime) {
		child.kill('SIGKILL');
		await exited;
	}
}
