/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/* eslint-disable @n8n/community-nodes/require-node-api-error */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { aptInstall } from './apt';
import type { Daemon } from './daemon';
import { startDaemon } from './daemon';
import { step } from './log';
import { run } from './process';

/** Debian installs each Postgres major version's programs here. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
/** Postgres refuses to run as root; a root script runs it as this account (Debian's package creates it). */
const SERVICE_ACCOUNT = 'postgres';
const READY_TIMEOUT_MS = 60_000;

export interface PostgresOptions {
	/** The cluster's data folder; created with initdb when it holds none. */
	dataDir: string;
	port: number;
	logFile: string;
	/** Database (and owner role) n8n uses; created when missing. */
	database: string;
}

/** Where n8n's database is and how to query it (plain data: it can be handed to another process). */
export interface PostgresConnection {
	/** The psql client of the same Postgres version. */
	psql: string;
	host: string;
	port: number;
	database: string;
	user: string;
}

export interface LocalPostgres extends Daemon, PostgresConnection {}

/** Runs SQL with psql and returns its unaligned, tuples-only output (fields separated by `|`). */
export function psqlQuery(connection: PostgresConnection, sql: string): string {
	const { psql, host, port, user, database } = connection;
	return execFileSync(
		psql,
		[
			'-h',
			host,
			'-p',
			String(port),
			'-U',
			user,
			'-d',
			database,
			'-XAtq',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	).trim();
}

/**
 * Adds the traverse (search) permission for other accounts to `dir` and its parents where it lacks: a checkout in a
 * private folder (`mktemp -d` makes them 0700) would keep the service account from reaching its data folder. Nothing
 * becomes listable or readable.
 */
function letOthersTraverse(dir: string): void {
	for (let current = dir; ; current = path.dirname(current)) {
		const { mode } = fs.statSync(current);
		if ((mode & 0o001) === 0) fs.chmodSync(current, (mode & 0o7777) | 0o001);
		if (path.dirname(current) === current) return;
	}
}

/**
 * Postgres on 127.0.0.1 only, with trust authentication (loopback, a local test stack), in a data folder of its own.
 * Uses the machine's Postgres programs; installs Debian's `postgresql` when there are none. Started as the
 * `postgres` account when this script runs as root.
 */
export async function startPostgres(options: PostgresOptions): Promise<LocalPostgres> {
	const bin = await postgresBinDir();
	const user = serviceUser();
	const asService = user ? { uid: user.uid, gid: user.gid } : undefined;
	const role = options.database;
	if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
		await step('Creating the Postgres cluster', async () => {
			fs.rmSync(options.dataDir, { recursive: true, force: true });
			// Only the data folder is private (initdb requires it); the service account must traverse its parents.
			fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
			fs.mkdirSync(options.dataDir, { mode: 0o700 });
			if (user) {
				fs.chownSync(options.dataDir, user.uid, user.gid);
				letOthersTraverse(path.dirname(options.dataDir));
			}
			await run(
				path.join(bin, 'initdb'),
				['-D', options.dataDir, '-U', role, '--auth=trust', '--encoding=UTF8', '--no-locale'],
				{ cwd: options.dataDir, logName: 'postgres-initdb', user: asService },
			);
		});
	}
	const host = '127.0.0.1';
	const connection: PostgresConnection = {
		psql: path.join(bin, 'psql'),
		host,
		port: options.port,
		database: options.database,
		user: role,
	};
	// The maintenance database exists from initdb on; n8n's is created below.
	const maintenance = { ...connection, database: 'postgres' };
	const daemon = await startDaemon(
		path.join(bin, 'postgres'),
		[
			'-D',
			options.dataDir,
			'-c',
			`listen_addresses=${host}`,
			'-c',
			`port=${options.port}`,
			// TCP only: no socket in /var/run/postgresql, which may not exist or belong to another cluster.
			'-c',
			'unix_socket_directories=',
			// A commit returns before its WAL reaches the disk: n8n's first start (hundreds of migrations) is much
			// faster; a machine crash can lose the last moments, never corrupt the cluster.
			'-c',
			'synchronous_commit=off',
		],
		{
			name: 'Postgres',
			cwd: options.dataDir,
			env: { ...process.env, LC_ALL: 'C' },
			logFile: options.logFile,
			user: asService,
			// Fast shutdown: ends open sessions instead of waiting for them (SIGTERM waits).
			stopSignal: 'SIGINT',
			isReady: async () => psqlQuery(maintenance, 'SELECT 1') === '1',
			readyTimeoutMs: READY_TIMEOUT_MS,
		},
	);
	try {
		const exists = psqlQuery(
			maintenance,
			`SELECT 1 FROM pg_database WHERE datname = '${options.database}'`,
		);
		if (exists !== '1') psqlQuery(maintenance, `CREATE DATABASE "${options.database}"`);
	} catch (error) {
		await daemon.stop();
		throw error;
	}
	return { ...daemon, ...connection };
}

/** The folder with initdb, postgres and psql: Debian's newest version, else the ones on PATH, else installed. */
export async function postgresBinDir(): Promise<string> {
	const found = findPostgresBinDir();
	if (found) return found;
	await aptInstall(['postgresql'], 'install-postgresql');
	const installed = findPostgresBinDir();
	if (!installed) throw new Error('apt-get installed postgresql, but no initdb/postgres was found');
	return installed;
}

function findPostgresBinDir(): string | undefined {
	const complete = (dir: string) =>
		['initdb', 'postgres', 'psql'].every((name) => fs.existsSync(path.join(dir, name)));
	const versions = fs.existsSync(DEBIAN_POSTGRES_ROOT)
		? fs
				.readdirSync(DEBIAN_POSTGRES_ROOT)
				.filter((name) => /^\d+$/.test(name))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const candidates = [
		...versions.map((version) => path.join(DEBIAN_POSTGRES_ROOT, version, 'bin')),
		...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
	];
	return candidates.find(complete);
}

/** The account Postgres runs as when this script is root; none (this script's own) otherwise. */
function serviceUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const entry = execFileSync('getent', ['passwd', SERVICE_ACCOUNT], { encoding: 'utf8' }).split(
		':',
	);
	return { uid: Number(entry[2]), gid: Number(entry[3]) };
}
