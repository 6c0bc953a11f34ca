/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { step } from './log';
import type { NodeRuntime } from './node-runtime';
import { N8N_OVERRIDES, N8N_VERSION, NODE_VERSION, localPaths, n8nAppDir } from './paths';
import { run } from './process';

/** One installed n8n version. */
export interface N8nInstall {
	version: string;
	/** The npm project n8n is installed in; n8n runs from here. */
	appDir: string;
	/** The n8n entry script. */
	bin: string;
}

/**
 * Installs n8n (the pinned version unless told otherwise) into `.n8n-local/n8n-<version>/` unless that install is
 * already complete.
 */
export async function ensureN8nInstalled(
	runtime: NodeRuntime,
	version = N8N_VERSION,
): Promise<N8nInstall> {
	const appDir = n8nAppDir(version);
	const install: N8nInstall = {
		version,
		appDir,
		bin: path.join(appDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	// What the install is made from; a different value means install again.
	const installKey = JSON.stringify({ n8n: version, node: NODE_VERSION, overrides: N8N_OVERRIDES });
	const completeMarker = path.join(appDir, '.complete');
	if (readIfExists(completeMarker) === installKey) return install;
	await step(`Installing n8n ${version} (first run only, several minutes)`, async () => {
		fs.mkdirSync(appDir, { recursive: true });
		fs.rmSync(completeMarker, { force: true });
		const appPackageJson = {
			name: 'n8n-local-app',
			private: true,
			dependencies: { n8n: version },
			overrides: N8N_OVERRIDES,
		};
		fs.writeFileSync(
			path.join(appDir, 'package.json'),
			`${JSON.stringify(appPackageJson, null, 2)}\n`,
		);
		// `npm ci` rejects lockfiles made with nested overrides (npm bug), hence `npm install`. Install scripts stay
		// off: the Kafka driver's would download and build librdkafka and roll the whole install back; every other
		// native module ships prebuilds except sqlite3, built below.
		await run(
			'npm',
			['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
			{ cwd: appDir, env: runtime.env, logName: `install-n8n-${version}` },
		);
		await ensureSqliteBinding(runtime, appDir);
		fs.writeFileSync(completeMarker, installKey);
	});
	return install;
}

/**
 * sqlite3's binding is N-API, so one build serves every Node version: it is cached in `.n8n-local/cache/` and
 * copied into later installs instead of being compiled again (its prebuilt download is not reachable).
 */
async function ensureSqliteBinding(runtime: NodeRuntime, appDir: string): Promise<void> {
	const sqliteDir = path.join(appDir, 'node_modules', 'sqlite3');
	const { version } = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')) as {
		version: string;
	};
	const binding = path.join(sqliteDir, 'build', 'Release', 'node_sqlite3.node');
	const cached = path.join(
		localPaths.cacheDir,
		`node_sqlite3-${version}-${process.platform}-${process.arch}.node`,
	);
	if (fs.existsSync(cached)) {
		fs.mkdirSync(path.dirname(binding), { recursive: true });
		fs.copyFileSync(cached, binding);
	} else {
		await step(`Compiling sqlite3 ${version}`, () =>
			run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
				cwd: appDir,
				env: { ...runtime.env, JOBS: String(os.availableParallelism()) },
				logName: 'build-sqlite3',
			}),
		);
		fs.mkdirSync(localPaths.cacheDir, { recursive: true });
		fs.copyFileSync(binding, cached);
	}
	await run(runtime.node, ['-e', "require('sqlite3')"], {
		cwd: appDir,
		env: runtime.env,
		logName: 'check-sqlite3',
	});
}

function readIfExists(file: string): string | undefined {
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
