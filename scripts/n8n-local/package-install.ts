/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { step } from './log';
import { cleanEnv } from './node-runtime';
import { REPO_ROOT, localPaths, n8nDataDir } from './paths';
import { run } from './process';

interface PackageManifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[]; strict?: boolean };
}

export function readPackageManifest(): PackageManifest {
	return JSON.parse(
		fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
	) as PackageManifest;
}

/** Builds the package and packs it the way `npm publish` would; returns the tarball's path. */
export async function buildAndPackPackage(): Promise<string> {
	const { name, version } = readPackageManifest();
	// CI sets it once `npm test` has built dist/ from the same tree: no second build of the same files.
	if (process.env.N8N_LOCAL_PACKAGE_BUILT !== '1') {
		await step('Building the package (n8n-node build)', () =>
			run(path.join(REPO_ROOT, 'node_modules', '.bin', 'n8n-node'), ['build'], {
				cwd: REPO_ROOT,
				// CI and NO_COLOR keep the CLI's spinner and colours out of the log.
				env: { ...cleanEnv(), CI: 'true', NO_COLOR: '1' },
				logName: 'build-package',
			}),
		);
	}
	fs.mkdirSync(localPaths.cacheDir, { recursive: true });
	await run('npm', ['pack', '--pack-destination', localPaths.cacheDir], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
		logName: 'pack-package',
	});
	return path.join(
		localPaths.cacheDir,
		`${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`,
	);
}

/**
 * Installs a packed tarball as n8n installs a community package: unpacked into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, which n8n scans at startup. Skipped when the same tarball is
 * already there. Returns whether anything changed.
 */
export async function installPackageTarball(tarball: string, userFolder: string): Promise<boolean> {
	const { name } = readPackageManifest();
	const nodesDir = path.join(n8nDataDir(userFolder), 'nodes');
	const target = path.join(nodesDir, 'node_modules', name);
	const marker = path.join(nodesDir, `.${name.replace('/', '__')}.tarball-sha256`);
	// npm pack writes fixed timestamps, so an unchanged package gives the same bytes.
	const digest = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
	if (
		fs.existsSync(target) &&
		fs.existsSync(marker) &&
		fs.readFileSync(marker, 'utf8') === digest
	) {
		return false;
	}
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	// The package has no runtime dependencies (a community-package rule), so unpacking is the whole install;
	// n8n-workflow and zod resolve to n8n's own copies.
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		cwd: nodesDir,
		logName: 'install-package',
	});
	fs.writeFileSync(marker, digest);
	return true;
}
