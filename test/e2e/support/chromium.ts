/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';

import { step } from '../../../scripts/n8n-local/log';
import { REPO_ROOT } from '../../../scripts/n8n-local/paths';
import { run } from '../../../scripts/n8n-local/process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, installed with apt-get when missing; CHROMIUM_PATH picks another build. */
export async function ensureChromium(): Promise<string> {
	const found = findChromium();
	if (found) return found;
	await step('Installing Chromium with apt-get (first run only)', async () => {
		const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const apt = async (args: string[]) => {
			const [command, ...rest] = [...asRoot, 'apt-get', ...args];
			await run(command, rest, { cwd: REPO_ROOT, env, logName: 'install-chromium' });
		};
		await apt(['update']);
		await apt(['install', '-y', '--no-install-recommends', 'chromium']);
	});
	const installed = findChromium();
	if (!installed)
		throw new Error('apt-get installed chromium, but no chromium executable was found');
	return installed;
}

function findChromium(): string | undefined {
	const configured = process.env.CHROMIUM_PATH;
	if (configured) {
		if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
		return configured;
	}
	return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}
