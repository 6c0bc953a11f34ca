/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench tooling that starts n8n and prints to the terminal */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { PreparedInstall } from '../scripts/n8n-local/instance';
import { prepareInstall } from '../scripts/n8n-local/instance';
import { LOCAL_ROOT } from '../scripts/n8n-local/paths';
import { freePort } from '../scripts/n8n-local/ports';
import { LOCAL_OWNER } from '../scripts/n8n-local/provision';
import type { QueueStack } from '../scripts/n8n-local/queue';
import { launchQueueStack } from '../scripts/n8n-local/queue';
import type { N8nRest } from '../scripts/n8n-local/rest';
import type { Emulator } from '../test/emulator';
import { startEmulator } from '../test/emulator';
import type { StoredExecution } from '../test/e2e/support/executions';
import { executionRecord } from '../test/e2e/support/executions';
import { median, progress } from './report';
import { benchMs, NODE_WAITING } from './scale';

// npm run bench:queue: n8n in queue mode, 10 production executions of 20 Runware items each, triggered together,
// on 1 worker and on 2 workers; wall time until all have finished and requests per task.

const EXECUTIONS = 10;
const ITEMS = 20;
/** Real-world generation time of each video (bench time: scaled, see bench/scale.ts). */
const GENERATION_SECONDS = 80;
const VIDEO_NODE = 'Generate Video';
const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const RUN_TIMEOUT_MS = 600_000;
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

interface ListedExecution {
	id: string;
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** Webhook (POST, answers at once) → one item per `body.prompts` entry → Runware Video, waiting, URLs out. */
async function createWorkflow(
	rest: N8nRest,
	credentialId: string,
): Promise<{ id: string; hook: string }> {
	const hook = `bench-queue-${randomUUID()}`;
	const at = (x: number) => [x * 240, 0];
	const created = await rest.call<{ id: string; versionId: string }>('POST', '/workflows', {
		name: `Bench: queue mode ${hook}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: at(0),
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} },
			},
			{
				name: 'Prompts',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: at(1),
				parameters: {
					fieldToSplitOut: 'body.prompts',
					options: { destinationFieldName: 'prompt' },
				},
			},
			{
				name: VIDEO_NODE,
				type: 'n8n-nodes-ai-video.runwareVideo',
				typeVersion: 1,
				position: at(2),
				credentials: { runwareApi: { id: credentialId, name: 'Runware' } },
				parameters: {
					model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
					positivePrompt: '={{ $json.prompt }}',
					duration: 5,
					dimensions: '1920x1080',
					waitMode: 'wait',
					returnAs: 'url',
					waitingOptions: NODE_WAITING,
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: VIDEO_NODE, type: 'main', index: 0 }]] },
		},
	});
	await rest.call('POST', `/workflows/${created.id}/activate`, { versionId: created.versionId });
	return { id: created.id, hook };
}

/**
 * Calls the production webhook `EXECUTIONS` times at once; returns when the calls were first sent. n8n registers an
 * activated workflow's webhooks shortly after answering the activation: calls answered 404 are sent again.
 */
async function triggerAll(baseUrl: string, hook: string, count: number): Promise<number> {
	const startedAt = Date.now();
	const call = async (execution: number): Promise<void> => {
		const prompts = Array.from(
			{ length: ITEMS },
			(_, item) => `A lighthouse in a storm, execution ${execution}, take ${item}`,
		);
		while (Date.now() < startedAt + 30_000) {
			const response = await fetch(`${baseUrl}/webhook/${hook}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ prompts }),
			});
			await response.text();
			if (response.ok) return;
			if (response.status !== 404)
				throw new Error(`The webhook answered ${response.status} to call ${execution}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`The webhook ${hook} was still not registered after 30 s`);
	};
	await Promise.all(Array.from({ length: count }, async (_, index) => await call(index)));
	return startedAt;
}

/** Polls n8n's execution list until the workflow's `count` executions have all finished. */
async function awaitAll(
	rest: N8nRest,
	workflowId: string,
	count: number,
): Promise<ListedExecution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const { results } = await rest.call<{ results: ListedExecution[] }>(
			'GET',
			`/executions?filter=${filter}`,
		);
		if (results.length === count && results.every((run) => FINISHED.includes(run.status)))
			return results;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`The ${count} executions had not all finished after ${RUN_TIMEOUT_MS / 1000} s`);
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
	const workflow = await createWorkflow(rest, credential.id);
	await emulator.reset();
	emulator.setKnobs({ runware: { generationMs: benchMs(GENERATION_SECONDS) } });
	const startedAt = await triggerAll(server.url, workflow.hook, count);
	const executions = await Promise.race([
		awaitAll(rest, workflow.id, count),
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
	const root = path.join(LOCAL_ROOT, 'bench-queue');
	fs.rmSync(root, { recursive: true, force: true });
	progress(`queue: starting a stack with ${label}`);
	const stack = await launchQueueStack(prepared, {
		port: await freePort(),
		runnerBrokerPort: await freePort(),
		owner: LOCAL_OWNER,
		emulator,
		live: {},
		root,
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
