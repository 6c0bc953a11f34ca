/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The checks of `npx @n8n/scan-community-package` that work offline, on this repository and its packed tarball.
 * The real scanner downloads the published tarball and the GitHub source its npm provenance names, then lints
 * both with the rules below; only the download and provenance steps are left out here.
 *
 * Usage: `npx tsx scripts/community-scan.ts [package.tgz]` (without a tarball it builds and packs the package).
 * Exits 1 when a check fails.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { AnalysisResult } from '@n8n/scan-community-package/scanner/scanner.mjs';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

import { say } from './n8n-local/log';
import { buildAndPackPackage } from './n8n-local/package-install';
import { REPO_ROOT } from './n8n-local/paths';
import { run } from './n8n-local/process';

/** The tarball as the scanner sees it: unpacked, its compiled JavaScript and package.json linted. */
async function scanTarball(tarball: string): Promise<AnalysisResult> {
	const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'community-scan-'));
	try {
		await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], {
			cwd: unpacked,
			logName: 'community-scan-unpack',
		});
		return await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	} finally {
		fs.rmSync(unpacked, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const tarball = process.argv[2] ? path.resolve(process.argv[2]) : await buildAndPackPackage();
	const checks: Array<[string, AnalysisResult]> = [
		[
			'source (package.json, nodes/, credentials/)',
			await analyzePackage(REPO_ROOT, SOURCE_FILE_PATTERNS),
		],
		[`tarball (${path.basename(tarball)})`, await scanTarball(tarball)],
	];
	for (const [subject, result] of checks) {
		say(`scan-community-package rules on the ${subject}: ${result.passed ? 'passed' : 'FAILED'}`);
		if (!result.passed) process.stdout.write(`${result.message ?? ''}\n${result.details ?? ''}\n`);
	}
	process.exit(checks.every(([, result]) => result.passed) ? 0 : 1);
}

main().catch((error: unknown) => {
	say(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
