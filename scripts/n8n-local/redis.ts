/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { aptInstall } from './apt';
import type { Daemon } from './daemon';
import { startDaemon } from './daemon';

const READY_TIMEOUT_MS = 30_000;

export interface RedisOptions {
	port: number;
	/** Working folder (Redis writes nothing there: persistence is off). */
	dataDir: string;
	logFile: string;
	/** Add to the log file (Redis started again) instead of starting it afresh. */
	appendLog?: boolean;
}

export interface LocalRedis extends Daemon {
	host: string;
	port: number;
}

/**
 * Redis on 127.0.0.1 only, without persistence (n8n's queue holds only jobs of the running stack), from the
 * machine's `redis-server`; installs Debian's when there is none.
 */
export async function startRedis(options: RedisOptions): Promise<LocalRedis> {
	const server = await redisServerPath();
	const host = '127.0.0.1';
	fs.mkdirSync(options.dataDir, { recursive: true });
	const daemon = await startDaemon(
		server,
		[
			'--bind',
			host,
			'--port',
			String(options.port),
			'--dir',
			options.dataDir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{
			name: 'Redis',
			cwd: options.dataDir,
			env: process.env,
			logFile: options.logFile,
			appendLog: options.appendLog,
			isReady: () => answersPing(host, options.port),
			readyTimeoutMs: READY_TIMEOUT_MS,
		},
	);
	return { ...daemon, host, port: options.port };
}

/** Sends PING in Redis's protocol and checks for PONG. */
async function answersPing(host: string, port: number): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const socket = net.connect({ host, port });
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('latin1');
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

export async function redisServerPath(): Promise<string> {
	const found = findOnPath('redis-server');
	if (found) return found;
	await aptInstall(['redis-server'], 'install-redis');
	const installed = findOnPath('redis-server');
	if (!installed) throw new Error('apt-get installed redis-server, but no redis-server was found');
	return installed;
}

function findOnPath(name: string): string | undefined {
	return [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin']
		.filter(Boolean)
		.map((dir) => path.join(dir, name))
		.find((file) => fs.existsSync(file));
}
