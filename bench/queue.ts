/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench tooling that starts n8n and prints to the terminal */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { PreparedInstall } from '../scripts/n8n-local/instance';
import { prepareInstall } from '../scripts/n8n-local/instance';
import type { QueueStack } from '../scripts/n8n-local/queue';
import type { N8nRest } from '../scripts/n8n-local/rest';
import type { Emulator } from '../test/emulator';
import { startEmulator } from '../test/emulator';
import type { StoredExecution } from '../test/e2e/support/executions';
import { executionRecord } from '../test/e2e/support/executions';
import type { ListedExecution } from './queue-workflow';
import {
	awaitAll,
	createWorkflow,
	FINISHED,
	ITEMS,
	launchBenchStack,
	triggerAll,
	VIDEO_NODE,
} from './queue-workflow';
import { median, progress } from './report';
import { benchMs, NODE_WAITING } from './scale';

// npm run bench:queue: n8n in queue mode, 10 production executions of 20 Runware items each, triggered together,
// on 1 worker and on 2 workers; wall time until all have finished and requests per task.

const EXECUTIONS = 10;
/** Real-world generation time of each video (bench time: scaled, see bench/scale.ts). */
const GENERATION_SECONDS = 80;
/** Measured batches per stack, after one untimed execution (n8n's first run loads the nodes, warms Postgres…). */
const REPEATS = 3;

interface Setup {
	workers: number;
	/** Executions each worker runs at once. */
	concurrency: number;
}

/** n8n's default worker concurrency, then one execution at a time per worker, where workers must share the load. */
const SETUPS: Setup[] = [
	{ workers: 1, concurrency: 10 },
	{ workers: 2, concurrency: 10 },
	{ workers: 1, concurrency: 1 },
	{ workers: 2, concurrency: 1 },
];

interface Batch {
	/** From the first trigger to the last execution's end, bench ms. */
	wallMs: number;
	submits: number;
	polls: number;
	/** The batch's executions started by each worker, from the workers' logs. */
	perWorker: number[];
	/** Most executions running at the same time, from their start and end times. */
	mostAtOnce: number;
}

interface Run extends Setup {
	batches: Batch[];
}

/** Every execution succeeded with one video URL per item. */
async function checkOutputs(rest: N8nRest, executions: ListedExecution[]): Promise<void> {
	for (const { id } of executions) {
		const record = executionRecord(await rest.call<StoredExecution>('GET', `/executions/${id}`));
		const urls = record.output(VIDEO_NODE).filter((item) => typeof item.json.videoURL === 'string');
		if (record.status !== 'success' || urls.length !== ITEMS)
			throw new Error(
				`Execution ${id}: ${record.status}${record.error ? ` (${record.error})` : ''}, ${urls.length} of ${ITEMS} videos`,
			);
	}
}

/** The largest number of executions whose [start, end] intervals overlap. */
function mostAtOnce(executions: ListedExecution[]): number {
	const edges = executions.flatMap((run) => [
		{ at: Date.parse(run.startedAt ?? ''), change: 1 },
		{ at: Date.parse(run.stoppedAt ?? ''), change: -1 },
	]);
	edges.sort((a, b) => a.at - b.at || a.change - b.change);
	let running = 0;
	let most = 0;
	for (const edge of edges) {
		running += edge.change;
		most = Math.max(most, running);
	}
	return most;
}

/** Triggers `count` executions of a fresh workflow together and awaits them; every one must succeed. */
async function batch(stack: QueueStack, emulator: Emulator, count: number): Promise<Batch> {
	const { rest, credentials, server } = stack.main;
	const credential = credentials.find((item) => item.type === 'runwareApi');
	if (!credential) throw new Error('The stack has no Runware credential');
	const workflow = await createWorkflow(rest, credential.id, {
		waitMode: 'wait',
		returnAs: 'url',
		waitingOptions: NODE_WAITING,
	});
	await emulator.reset();
	emulator.setKnobs({ runware: { generationMs: benchMs(GENERATION_SECONDS) } });
	const startedAt = await triggerAll(server.url, workflow.hook, count);
	const executions = await Promise.race([
		awaitAll(rest, workflow.id, count, FINISHED),
		stack.firstExit.then((name) => {
			throw new Error(`${name} exited during the run`);
		}),
	]);
	await checkOutputs(rest, executions);
	const perWorker = stack.workers.map((worker) => {
		const log = fs.readFileSync(worker.logFile, 'utf8');
		return executions.filter(({ id }) => log.includes(`Worker started execution ${id} (job`))
			.length;
	});
	return {
		wallMs: Math.max(...executions.map((run) => Date.parse(run.stoppedAt ?? ''))) - startedAt,
		submits: emulator.requestsTo('runware.videoInference').length,
		polls: emulator.requestsTo('runware.getResponse').length,
		perWorker,
		mostAtOnce: mostAtOnce(executions),
	};
}

async function measure(prepared: PreparedInstall, emulator: Emulator, setup: Setup): Promise<Run> {
	const label = `${setup.workers} worker(s), concurrency ${setup.concurrency}`;
	progress(`queue: starting a stack with ${label}`);
	const stack = await launchBenchStack(prepared, emulator, {
		name: 'bench-queue',
		workers: setup.workers,
		workerConcurrency: setup.concurrency,
		logPrefix: `bench-queue-w${setup.workers}-c${setup.concurrency}`,
	});
	try {
		progress(`queue: one untimed execution on ${label}`);
		await batch(stack, emulator, 1);
		const batches: Batch[] = [];
		for (let repeat = 1; repeat <= REPEATS; repeat++) {
			progress(
				`queue: ${EXECUTIONS} executions × ${ITEMS} items on ${label} (${repeat}/${REPEATS})`,
			);
			batches.push(await batch(stack, emulator, EXECUTIONS));
		}
		return { ...setup, batches };
	} finally {
		await stack.stop();
	}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wall = (run: Run) => median(run.batches.map((item) => item.wallMs));
const perTask = (run: Run) =>
	median(run.batches.map((item) => (item.submits + item.polls) / (EXECUTIONS * ITEMS))).toFixed(3);
const mostAtOnceOf = (run: Run) => Math.max(...run.batches.map((item) => item.mostAtOnce));
const split = (run: Run) => run.batches.map((item) => item.perWorker.join('+')).join(', ');

function row(label: string, one: Run, two: Run): string {
	return `| ${label} | ${seconds(wall(one))} | ${seconds(wall(two))} | ${(wall(one) / wall(two)).toFixed(2)}× | ${perTask(one)} / ${perTask(two)} | ${mostAtOnceOf(one)} / ${mostAtOnceOf(two)} | ${split(two)} |`;
}

const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

async function main(): Promise<void> {
	const loadBefore = loadAverage();
	const prepared = await prepareInstall();
	const emulator = await startEmulator();
	const runs: Run[] = [];
	try {
		for (const setup of SETUPS) runs.push(await measure(prepared, emulator, setup));
	} finally {
		await emulator.close();
	}
	const loadAfter = loadAverage();
	const find = (workers: number, concurrency: number) =>
		runs.find((run) => run.workers === workers && run.concurrency === concurrency)!;
	console.log(
		`${EXECUTIONS} executions × ${ITEMS} Runware items, generation ${GENERATION_SECONDS} s world = ${seconds(benchMs(GENERATION_SECONDS))} bench; ${os.cpus().length} cores, load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`,
	);
	console.log(
		`Medians of ${REPEATS} batches per stack:\n\n| worker concurrency | wall, 1 worker | wall, 2 workers | ratio (1 / 2) | requests per task (1 / 2 workers) | most executions at once (1 / 2) | executions per worker, 2 workers (each batch) |`,
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	for (const concurrency of [10, 1])
		console.log(row(String(concurrency), find(1, concurrency), find(2, concurrency)));
	const file = path.join(__dirname, 'queue-results.json');
	const record = {
		cores: os.cpus().length,
		loadBefore,
		loadAfter,
		generationMs: benchMs(GENERATION_SECONDS),
		runs,
	};
	fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
	console.log(`\nRaw numbers (every batch): ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
