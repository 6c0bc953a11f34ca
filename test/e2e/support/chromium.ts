/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';

import { aptInstall } from '../../../scripts/n8n-local/apt';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, installed with apt-get when missing; CHROMIUM_PATH picks another build. */
export async function ensureChromium(): Promise<string> {
	const found = findChromium();
	if (found) return found;
	await aptInstall(['chromium'], 'install-chromium');
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
