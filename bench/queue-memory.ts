/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench tooling that starts n8n and prints to the terminal */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { PreparedInstall } from '../scripts/n8n-local/instance';
import { prepareInstall } from '../scripts/n8n-local/instance';
import { LOCAL_ROOT } from '../scripts/n8n-local/paths';
import type { Emulator } from '../test/emulator';
import { startEmulator } from '../test/emulator';
import type { StoredExecution } from '../test/e2e/support/executions';
import { executionRecord } from '../test/e2e/support/executions';
import {
	awaitAll,
	createWorkflow,
	FINISHED,
	ITEMS,
	launchBenchStack,
	triggerAll,
	VIDEO_NODE,
} from './queue-workflow';
import { progress } from './report';

// npm run bench:queue-memory: the main process's RSS in the real queue-mode stack while 5 Resume on Webhook
// executions of 20 Runware items each resume together (main runs the resume step: it downloads the videos and
// stores them as binary data in Postgres), with 50 MB videos and with the emulator's 10 KB sample.

const EXECUTIONS = 5;
const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 20;
const ENDS_APART_MS = 400;
const STACK_NAME = 'bench-queue-memory';

interface Figure {
	label: string;
	videoBytes?: number;
	/** Main's RSS while the executions wait, MB. */
	baselineMb: number;
	/** Highest RSS sampled from the first task's end to the last execution's end, MB. */
	peakMb: number;
	/** The kernel's high-water mark of main's RSS since it started (VmHWM), MB. */
	highWaterMb: number;
	seconds: number;
	videos: number;
}

/** A field of /proc/<pid>/status in MB (the kernel gives kB). */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const line = fs
		.readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith(`${field}:`));
	return Number(line?.split(/\s+/)[1] ?? NaN) / 1024;
}

async function measure(
	prepared: PreparedInstall,
	emulator: Emulator,
	label: string,
	videoBytes: number | undefined,
): Promise<Figure> {
	progress(`queue memory (${label}): starting main, 2 workers, Postgres and Redis`);
	const stack = await launchBenchStack(prepared, emulator, {
		name: STACK_NAME,
		workers: 2,
		logPrefix: STACK_NAME,
	});
	try {
		const { rest, credentials, server } = stack.main;
		const credential = credentials.find((item) => item.type === 'runwareApi');
		if (!credential) throw new Error('The stack has no Runware credential');
		const workflow = await createWorkflow(rest, credential.id, {
			waitMode: 'webhook',
			returnAs: 'binary',
		});
		await emulator.reset();
		// The tasks end when the bench says so, all together once every execution waits.
		emulator.setKnobs({ runware: { generationMs: 3_600_000, resultBytes: videoBytes } });
		progress(`queue memory (${label}): ${EXECUTIONS} executions × ${ITEMS} items, waiting`);
		await triggerAll(server.url, workflow.hook, EXECUTIONS);
		const waiting = await awaitAll(rest, workflow.id, EXECUTIONS, ['waiting']);
		// Each execution's tasks, as its video node lists them while it waits.
		const tasksOf = await Promise.all(
			waiting.map(async ({ id }) =>
				executionRecord(await rest.call<StoredExecution>('GET', `/executions/${id}`))
					.output(VIDEO_NODE)
					.map((item) => String(item.json.taskUUID)),
			),
		);
		if (tasksOf.flat().length !== EXECUTIONS * ITEMS)
			throw new Error(`${tasksOf.flat().length} tasks wait, not ${EXECUTIONS * ITEMS}`);
		const pid = stack.main.server.pid;
		const baselineMb = procStatusMb(pid, 'VmRSS');
		let peakMb = baselineMb;
		let sampling = true;
		const sampler = (async () => {
			while (sampling && fs.existsSync(`/proc/${pid}`)) {
				peakMb = Math.max(peakMb, procStatusMb(pid, 'VmRSS'));
				await sleep(SAMPLE_EVERY_MS);
			}
		})();
		progress(`queue memory (${label}): the tasks end, main resumes the executions`);
		const startedAt = Date.now();
		// The tasks end one by one, the executions' in turn, so that the five executions' last tasks end within two
		// seconds and their resumes overlap. Faster, main cannot keep up with the stores of
		// 50 MB videos: each callback holds one of its Postgres connections while it runs, and on a busy 2-core machine
		// 10 callbacks a second left many unanswered past the emulator's 10 s limit (Runware gives up after 3 tries).
		for (let item = 0; item < ITEMS; item++) {
			for (const tasks of tasksOf) {
				emulator.forceOutcome(tasks[item], 'success', { immediately: true });
				await sleep(ENDS_APART_MS);
			}
		}
		const executions = await awaitAll(rest, workflow.id, EXECUTIONS, FINISHED).finally(
			() => (sampling = false),
		);
		const seconds = (Date.now() - startedAt) / 1000;
		await sampler;
		const failed = executions.filter((run) => run.status !== 'success');
		if (failed.length > 0)
			throw new Error(`Executions ${failed.map((run) => `${run.id} ${run.status}`).join(', ')}`);
		const figure = {
			label,
			videoBytes,
			baselineMb,
			peakMb,
			highWaterMb: procStatusMb(pid, 'VmHWM'),
			seconds,
			videos: emulator.requestsTo('files').length,
		};
		progress(`queue memory (${label}): ${JSON.stringify(figure)}`);
		return figure;
	} finally {
		await stack.stop();
		fs.rmSync(path.join(LOCAL_ROOT, STACK_NAME), { recursive: true, force: true });
	}
}

const mb = (value: number) => value.toFixed(0);

async function main(): Promise<void> {
	const prepared = await prepareInstall();
	const emulator = await startEmulator();
	const figures: Figure[] = [];
	try {
		figures.push(await measure(prepared, emulator, 'tiny video (10 KB sample)', undefined));
		figures.push(await measure(prepared, emulator, '50 MB videos', 50 * MB));
	} finally {
		await emulator.close();
	}
	console.log(
		`Main process of n8n 2.41.1 in queue mode (2 workers, binary data in Postgres): ${EXECUTIONS} Resume on Webhook executions × ${ITEMS} Runware items resume together; ${os.cpus().length} cores\n`,
	);
	console.log(
		'| videos | downloads | main RSS waiting (MB) | main peak RSS (MB) | peak − waiting (MB) | VmHWM (MB) | resume time |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	for (const figure of figures)
		console.log(
			`| ${figure.label} | ${figure.videos} | ${mb(figure.baselineMb)} | ${mb(figure.peakMb)} | ${mb(figure.peakMb - figure.baselineMb)} | ${mb(figure.highWaterMb)} | ${figure.seconds.toFixed(1)} s |`,
		);
	const [tiny, large] = figures;
	console.log(
		`\nPeak ratio, 50 MB / tiny: ${(large.peakMb / tiny.peakMb).toFixed(2)}×; growth ratio: ${((large.peakMb - large.baselineMb) / (tiny.peakMb - tiny.baselineMb)).toFixed(1)}×`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
