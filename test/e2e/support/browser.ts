/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

import { REPO_ROOT } from '../../../scripts/n8n-local/paths';
import type { E2eState } from './state';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export interface BrowserSession {
	context: BrowserContext;
	page: Page;
	/** Requests the browser tried to send off the machine (blocked). */
	blockedRequests: string[];
	close(): Promise<void>;
}

/** Headless Chromium with a fresh profile that can reach loopback only; relative URLs resolve against n8n. */
export async function openBrowser(state: E2eState): Promise<BrowserSession> {
	// n8n marks its elements with data-test-id (playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: state.chromiumPath,
		headless: true,
		args: CHROMIUM_ARGS,
		baseURL: state.n8nUrl,
		viewport: { width: 1440, height: 900 },
	});
	const blockedRequests: string[] = [];
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (isLoopback(url)) return await route.continue();
		blockedRequests.push(url);
		await route.abort('blockedbyclient');
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		blockedRequests,
		async close() {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

function isLoopback(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === 'data:' || protocol === 'blob:') return true;
	return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** A full-page screenshot in `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = path.join(ARTIFACTS_DIR, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}
