/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling */
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../test/emulator';
import { runInChild } from '../child';
import type { Figure } from '../report';
import { progress } from '../report';
import type { MemoryReport, MemoryRun } from './memory-child';

const MB = 1024 * 1024;
const SMALL = 5 * MB;
const LARGE = 500 * MB;
const CHILD = join(__dirname, 'memory-child.ts');

async function measure(
	emulator: Emulator,
	client: MemoryRun['client'],
	bytes: number,
): Promise<MemoryReport> {
	emulator.setKnobs({ runware: { resultBytes: bytes } });
	progress(`figure 4: ${client}, ${bytes / MB} MB video`);
	const { runwareUrl, useApiUrl, schemaUrl, runwareApiKey, useApiToken } = emulator;
	const api = { runwareUrl, useApiUrl, schemaUrl, runwareApiKey, useApiToken };
	const report = await runInChild<MemoryReport>(CHILD, { api, client } satisfies MemoryRun);
	if (report.fileSize !== bytes) {
		throw new Error(`The ${client} run stored ${report.fileSize} bytes, not ${bytes}`);
	}
	return report;
}

const mb = (bytes: number) => bytes / MB;

/** Figure 4: peak RSS of a run that downloads a 500 MB video into filesystem binary data, against a 5 MB one. */
export async function memoryOnLargeVideos(): Promise<Figure> {
	const emulator = await startEmulator({ knobs: { runware: { generationMs: 50 } } });
	try {
		const ours = {
			small: await measure(emulator, 'ours', SMALL),
			large: await measure(emulator, 'ours', LARGE),
		};
		const reference = {
			small: await measure(emulator, 'reference', SMALL),
			large: await measure(emulator, 'reference', LARGE),
		};
		const growth = (runs: typeof ours) => mb(runs.large.peakRss - runs.small.peakRss);
		return {
			id: 4,
			title: 'Memory on large videos',
			setup: `Peak RSS (sampled every 5 ms, each run in a fresh process) of a Runware run that downloads its video into filesystem binary data: ${mb(LARGE)} MB against ${mb(SMALL)} MB.`,
			measures: [
				{
					label: `peak RSS, ${mb(SMALL)} MB video`,
					unit: 'MB',
					ours: mb(ours.small.peakRss),
					reference: mb(reference.small.peakRss),
				},
				{
					label: `peak RSS, ${mb(LARGE)} MB video`,
					unit: 'MB',
					ours: mb(ours.large.peakRss),
					reference: mb(reference.large.peakRss),
					ideal: mb(ours.small.peakRss),
				},
				{
					label: `peak growth ${mb(SMALL)} → ${mb(LARGE)} MB`,
					unit: 'MB',
					ours: growth(ours),
					reference: growth(reference),
					ideal: 0,
				},
			],
			notes: [
				`Run times: ours ${ours.large.elapsedMs} ms, reference ${reference.large.elapsedMs} ms for the ${mb(LARGE)} MB video (loopback).`,
			],
			details: { ours, reference },
		};
	} finally {
		await emulator.close();
	}
}
