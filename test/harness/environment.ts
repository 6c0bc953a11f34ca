/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** n8n's user folder for harness runs; `.n8n/config` inside holds a test-only encryption key. */
const USER_FOLDER = path.join(tmpdir(), 'n8n-nodes-ai-video-harness');

/**
 * n8n-core creates its services lazily through @n8n/di and reads their configuration from the
 * environment at that moment, so this must run before the first execution. It keeps n8n quiet in
 * jest output and keeps `InstanceSettings`, which reads (or else writes) `<user folder>/.n8n/config`,
 * out of the real home folder. The file is written ahead, atomically, because jest workers start
 * in parallel and n8n would have each of them write it in place.
 */
export function prepareN8nEnvironment(): void {
	process.env.N8N_LOG_LEVEL ??= 'silent';
	if (process.env.N8N_USER_FOLDER !== undefined) return;

	const settingsFile = path.join(USER_FOLDER, '.n8n', 'config');
	if (!existsSync(settingsFile)) {
		mkdirSync(path.dirname(settingsFile), { recursive: true });
		const partFile = `${settingsFile}.${process.pid}`;
		const settings = { encryptionKey: randomBytes(24).toString('base64') };
		writeFileSync(partFile, JSON.stringify(settings), { mode: 0o600 });
		renameSync(partFile, settingsFile);
	}
	process.env.N8N_USER_FOLDER = USER_FOLDER;
}
