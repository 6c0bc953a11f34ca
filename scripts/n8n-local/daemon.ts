/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/require-node-api-error */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { tail } from './process';

export interface DaemonOptions {
	/** What it is, for messages ("n8n", "Postgres"…). */
	name: string;
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Receives the process's output. */
	logFile: string;
	/** Add to the log file instead of starting it afresh (a process started again after a restart). */
	appendLog?: boolean;
	/** Run as another user (a root script starting Postgres, which refuses to run as root). */
	user?: { uid: number; gid: number };
	/** The signal that makes it shut down cleanly (SIGTERM unless said otherwise). */
	stopSignal?: NodeJS.Signals;
	/** How it tells it is ready to serve; polled every half second. */
	isReady: () => Promise<boolean>;
	readyTimeoutMs: number;
}

/** A long-running process this script started, in its own process group, stopped with this script. */
export interface Daemon {
	readonly name: string;
	readonly logFile: string;
	readonly pid: number;
	/** Resolves when the process has ended, for whatever reason. */
	readonly exited: Promise<void>;
	/** Resolves when the process has exited (stop signal, then SIGKILL after a grace period). */
	stop(): Promise<void>;
}

const STOP_GRACE_MS = 15_000;

/** Starts a process and resolves once it is ready; if it dies or is not ready in time, stops it and throws. */
export async function startDaemon(
	command: string,
	args: string[],
	options: DaemonOptions,
): Promise<Daemon> {
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const log = fs.openSync(options.logFile, options.appendLog ? 'a' : 'w');
	// Own process group: Ctrl-C reaches only the parent script, which then stops everything in order.
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', log, log],
		detached: true,
		...options.user,
	});
	fs.closeSync(log);
	const stopSignal = options.stopSignal ?? 'SIGTERM';
	// Whatever way this script ends, the process must not outlive it.
	const stopOnExit = () => child.kill(stopSignal);
	process.on('exit', stopOnExit);
	let hasExited = false;
	const exited = new Promise<void>((resolve) => {
		const done = () => {
			hasExited = true;
			process.off('exit', stopOnExit);
			resolve();
		};
		child.once('exit', done);
		// A command that cannot be started at all emits only `error`.
		child.once('error', done);
	});
	const stop = async (): Promise<void> => {
		if (hasExited) return;
		child.kill(stopSignal);
		// The grace timer is cancelled once the process is gone, so it does not keep this script alive.
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
	};
	const daemon: Daemon = {
		name: options.name,
		logFile: options.logFile,
		pid: child.pid ?? -1,
		exited,
		stop,
	};
	const deadline = Date.now() + options.readyTimeoutMs;
	try {
		for (;;) {
			if (hasExited) {
				throw new Error(
					`${options.name} exited during startup; last lines of ${options.logFile}:\n${tail(options.logFile, 40)}`,
				);
			}
			if (await options.isReady().catch(() => false)) return daemon;
			if (Date.now() > deadline) {
				throw new Error(
					`${options.name} was not ready within ${options.readyTimeoutMs / 1000} s; see ${options.logFile}`,
				);
			}
			await sleep(500);
		}
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Whether an HTTP GET of the URL answers 2xx. */
export async function answersOk(url: string): Promise<boolean> {
	return await fetch(url).then(
		(response) => response.ok,
		() => false,
	);
}
