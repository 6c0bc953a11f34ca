/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { localPaths } from './paths';

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Name of the log file under `.n8n-local/logs/` that receives the command's output. */
	logName: string;
	/** Run as another user (e.g. Postgres's initdb, which refuses root). */
	user?: { uid: number; gid: number };
}

/** Commands of `run` still running, each leading its own process group (the command and what it started). */
const running = new Set<ChildProcess>();

// A script stopped mid-step (SIGTERM to `npm start` during the build, say) takes its commands with it.
process.on('exit', () => {
	for (const child of running) {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGTERM');
		} catch {
			// The group ended meanwhile.
		}
	}
});

/** Runs a command with its output in a log file; on failure the error carries the log's tail. */
export async function run(command: string, args: string[], options: RunOptions): Promise<void> {
	fs.mkdirSync(localPaths.logsDir, { recursive: true });
	const logFile = path.join(localPaths.logsDir, `${options.logName}.log`);
	const log = fs.openSync(logFile, 'w');
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(command, args, {
				cwd: options.cwd,
				env: options.env ?? process.env,
				stdio: ['ignore', log, log],
				detached: true,
				...options.user,
			});
			running.add(child);
			child.once('exit', () => running.delete(child));
			child.on('error', reject);
			child.on('close', resolve);
		});
		if (code !== 0) {
			throw new Error(
				`${command} ${args.join(' ')} exited with ${code}; last lines of ${logFile}:\n${tail(logFile, 30)}`,
			);
		}
	} finally {
		fs.closeSync(log);
	}
}

export function tail(file: string, lines: number): string {
	if (!fs.existsSync(file)) return '';
	return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
