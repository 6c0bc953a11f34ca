/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling */
import { join } from 'node:path';

import { startEmulator } from '../../test/emulator';
import { runInChild } from '../child';
import { progress } from '../report';
import type { ResumeMemoryReport, ResumeMemoryRun } from './resumeMemory-child';

const MB = 1024 * 1024;
const EXECUTIONS = 5;
const ITEMS = 20;
const LARGE = 50 * MB;
const CHILD = join(__dirname, 'resumeMemory-child.ts');
/** Long enough for every execution to be waiting before its tasks end (they end together). */
const GENERATION_MS = 3000;

export interface ResumeMemoryRow extends ResumeMemoryReport {
	label: string;
	videoBytes: number;
	/** Video downloads the emulator served. */
	downloads: number;
}

/** One run in a fresh process against a fresh emulator whose videos have `bytes` (undefined: the bare sample). */
async function measure(label: string, bytes: number | undefined): Promise<ResumeMemoryRow> {
	const emulator = await startEmulator({
		knobs: { runware: { generationMs: GENERATION_MS, resultBytes: bytes } },
	});
	try {
		progress(`resume memory: ${EXECUTIONS} executions × ${ITEMS} items, ${label}`);
		const { runwareUrl, useApiUrl, schemaUrl, runwareApiKey, useApiToken } = emulator;
		const task: ResumeMemoryRun = {
			api: { runwareUrl, useApiUrl, schemaUrl, runwareApiKey, useApiToken },
			executions: EXECUTIONS,
			itemsPerExecution: ITEMS,
		};
		const report = await runInChild<ResumeMemoryReport>(CHILD, task);
		const videoBytes = report.storedBytes / Math.max(1, report.videos);
		if (report.videos !== EXECUTIONS * ITEMS || (bytes !== undefined && videoBytes !== bytes)) {
			throw new Error(`The ${label} run stored ${report.videos} videos of ${videoBytes} bytes`);
		}
		return { ...report, label, videoBytes, downloads: emulator.requestsTo('files').length };
	} finally {
		await emulator.close();
	}
}

/**
 * Peak RSS of the process that resumes 5 executions of 20 Runware items each (Resume on Webhook, every video
 * downloaded into filesystem binary data): 50 MB videos against the tiny sample. Streamed downloads keep it flat.
 */
export async function resumeMemory(): Promise<ResumeMemoryRow[]> {
	return [await measure('tiny videos', undefined), await measure(`${LARGE / MB} MB videos`, LARGE)];
}
