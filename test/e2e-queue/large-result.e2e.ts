/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- the RSS figures are the test's report */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';

import { paddedMp4Length, paddedMp4Stream } from '../emulator/media/mp4';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { peakRssMb, resetPeakRss, rssMb, stackProcesses } from './support/memory';
import type { ServedVideo } from './support/stack';
import { expectRanOnWorkers, expectVideosInPostgres, workersThatRan } from './support/stack';
import { createManualWorkflow, RUNWARE_VIDEO, runManually } from './support/workflows';

const MB = 1024 * 1024;
const HASH_NODE = 'SHA-256 of the Video';

/** n8n's Crypto node: the SHA-256 of the item's `data` binary, read through n8n's binary data stream. */
const hashNode = {
	name: HASH_NODE,
	type: 'n8n-nodes-base.crypto',
	typeVersion: 2,
	parameters: {
		action: 'hash',
		type: 'SHA256',
		binaryData: true,
		binaryPropertyName: 'data',
		dataPropertyName: 'sha256',
		encoding: 'hex',
	},
};

/** Size and SHA-256 of the video the emulator serves for `bytes` (the sample padded with a `free` box). */
async function servedVideo(bytes: number): Promise<ServedVideo> {
	const fileSize = paddedMp4Length(bytes);
	const hash = createHash('sha256');
	await pipeline(paddedMp4Stream(fileSize), hash);
	return { fileSize, sha256: hash.digest('hex') };
}

/** RSS of one n8n process, MB: when the run started, its peak during the run, and the difference. */
interface Rss {
	start: number;
	peak: number;
	growth: number;
}

interface Run {
	/** By process: `main`, `worker-1`, `worker-2`. */
	rss: Record<string, Rss>;
	/** The worker that ran it. */
	worker: string;
}

/**
 * A manual run (offloaded to a worker) of Runware Video with Wait for Completion and Return As Binary File, then
 * n8n's Crypto node hashing the binary it stored: in queue mode binary data lives in Postgres (`binary_data`).
 */
describe('a 200 MB video in database binary mode', () => {
	const app = useN8nApp();
	const emulator = useEmulator({ knobs: { runware: { generationMs: 1000 } } });

	async function run(workflowId: string, bytes: number): Promise<Run> {
		emulator().setKnobs({ runware: { resultBytes: bytes } });
		const processes = stackProcesses();
		expect(processes.map((process) => process.name)).toEqual(['main', 'worker-1', 'worker-2']);
		const start = new Map<number, number>();
		for (const process of processes) {
			resetPeakRss(process.pid);
			start.set(process.pid, rssMb(process.pid));
		}
		const downloadsBefore = emulator().requestsTo('files').length;

		const executionId = await runManually(app().page, workflowId, 'Manual Trigger');
		await waitForExecution(app().page, executionId);
		const rss = Object.fromEntries(
			processes.map((process) => {
				const [before, peak] = [start.get(process.pid) ?? 0, peakRssMb(process.pid)];
				return [process.name, { start: before, peak, growth: peak - before }];
			}),
		);

		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		expectRanOnWorkers(executionId);
		const served = await servedVideo(bytes);
		const items = execution.output(RUNWARE_VIDEO.node);
		expect(items).toHaveLength(1);
		expectVideosInPostgres(executionId, items, served);
		// The next node read the stored binary back and got every byte the provider served.
		expect(execution.output(HASH_NODE).map((item) => item.json.sha256)).toEqual([served.sha256]);
		const downloads = emulator().requestsTo('files').slice(downloadsBefore);
		expect(downloads.map((request) => [request.method, request.status])).toEqual([['GET', 200]]);
		const [worker] = workersThatRan(executionId);
		return { rss, worker };
	}

	it('reaches the next node intact (SHA-256); peak RSS of main and the worker against a 5 MB video', async () => {
		const workflowId = await createManualWorkflow(
			app().page,
			'Queue e2e: a large video, hashed by the next node',
			RUNWARE_VIDEO,
			[hashNode],
		);
		const small = await run(workflowId, 5 * MB);
		const large = await run(workflowId, 200 * MB);

		const figures = (result: Run, name: string) => {
			const { start, peak, growth } = result.rss[name];
			return `${name} ${start} → ${peak} MB (+${growth})`;
		};
		const line = (label: string, result: Run) =>
			`${label}: ${figures(result, 'main')}; ran on ${figures(result, result.worker)}; ` +
			`idle ${Object.keys(result.rss)
				.filter((name) => name !== 'main' && name !== result.worker)
				.map((name) => figures(result, name))
				.join(', ')}`;
		console.log(
			[
				'RSS of the n8n processes, at the start of the run → peak during it (VmHWM, reset at the start):',
				line('5 MB video  ', small),
				line('200 MB video', large),
			].join('\n'),
		);
		// Main only queues the run and receives its result (binary data as database ids): flat.
		expect(large.rss.main.growth).toBeLessThan(small.rss.main.growth + 150);
		// No bound on the worker: n8n's database mode holds each file whole in memory (DatabaseManager.store reads the
		// node's stream into one Buffer for the bytea insert; getAsStream reads the row whole), so the worker grows
		// by several times the video's size whatever the node streams. The figures above show by how much.
	});
});
