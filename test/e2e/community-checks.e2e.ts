/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { readPackageManifest } from '../../scripts/n8n-local/package-install';
import { REPO_ROOT } from '../../scripts/n8n-local/paths';
import { e2eState } from './support/state';

function runTool(tool: string, args: string[]): { status: number | null; output: string } {
	const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', tool), args, {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		// Jest sets NODE_ENV=test, which puts eslint-plugin-n8n-nodes-base in its own test mode: it then takes every
		// file for a trigger node and reports rules that do not apply. The tools must run as on a developer's machine.
		env: { ...process.env, NODE_ENV: undefined },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("n8n's community package checks (offline)", () => {
	// `n8n-node lint` itself runs in `npm test`.
	it('declares strict mode, so `n8n-node lint` also enforces the cloud rules', () => {
		expect(readPackageManifest().n8n.strict).toBe(true);
	});

	it("passes @n8n/scan-community-package's lint rules on the source and on the packed tarball", () => {
		const scan = runTool('tsx', ['scripts/community-scan.ts', e2eState().tarball]);
		expect({ status: scan.status, output: scan.status === 0 ? '' : scan.output }).toEqual({
			status: 0,
			output: '',
		});
	});
});
