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

// The small video's runs are repeated, ours and the reference's in turn: a fresh process's RSS before any run
// varies by several MB from one start to the next, as much as the runs differ.
const SMALL_RUNS = 3;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The median run by peak RSS, and the medians of peak RSS and of the run's own growth (peak minus start). */
function summary(runs: MemoryReport[]) {
	const peak = median(runs.map((run) => run.peakRss));
	return {
		...runs.find((run) => run.peakRss === peak)!,
		growth: median(runs.map((run) => run.peakRss - run.baselineRss)),
		runs,
	};
}

async function smallRuns(emulator: Emulator) {
	const runs = { ours: [] as MemoryReport[], reference: [] as MemoryReport[] };
	for (let round = 0; round < SMALL_RUNS; round++) {
		runs.ours.push(await measure(emulator, 'ours', SMALL));
		runs.reference.push(await measure(emulator, 'reference', SMALL));
	}
	return { ours: summary(runs.ours), reference: summary(runs.reference) };
}

/** Figure 4: peak RSS of a run that downloads a 500 MB video into filesystem binary data, against a 5 MB one. */
export async function memoryOnLargeVideos(): Promise<Figure> {
	const emulator = await startEmulator({ knobs: { runware: { generationMs: 50 } } });
	try {
		const small = await smallRuns(emulator);
		const ours = { small: small.ours, large: await measure(emulator, 'ours', LARGE) };
		const reference = {
			small: small.reference,
			large: await measure(emulator, 'reference', LARGE),
		};
		const growth = (runs: typeof ours) => mb(runs.large.peakRss - runs.small.peakRss);
		return {
			id: 4,
			title: 'Memory on large videos',
			setup: `Peak RSS (sampled every 5 ms, each run in a fresh process) of a Runware run that downloads its video into filesystem binary data: ${mb(LARGE)} MB against ${mb(SMALL)} MB.`,
			measures: [
				{
					label: `peak RSS, ${mb(SMALL)} MB video (median of ${SMALL_RUNS})`,
					unit: 'MB',
					ours: mb(ours.small.peakRss),
					reference: mb(reference.small.peakRss),
				},
				{
					label: `the run's own growth, ${mb(SMALL)} MB video (median of ${SMALL_RUNS})`,
					unit: 'MB',
					ours: mb(ours.small.growth),
					reference: mb(reference.small.growth),
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
				`The run's own growth: peak RSS minus the process's RSS just before the run (modules loaded, the same for both clients); for ${mb(SMALL)} MB the reference holds the whole file, ours streams it.`,
				`Run times: ours ${ours.large.elapsedMs} ms, reference ${reference.large.elapsedMs} ms for the ${mb(LARGE)} MB video (loopback).`,
			],
			details: { ours, reference },
		};
	} finally {
		await emulator.close();
	}
}
