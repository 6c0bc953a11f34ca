import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../test/harness';
import { nodeOutputAt, oneNode, startBenchEnv, TYPES, type BenchEnv } from '../env';
import type { Figure, Measure } from '../report';
import { median, progress } from '../report';
import { benchMs, NODE_WAITING, REFERENCE_POLL_SECONDS, SCALE, worldSeconds } from '../scale';

const SAMPLES = 24;
/** Real-world generation times, spread evenly over this range so that they fall anywhere between checks. */
const SHORTEST_SECONDS = 20;
const LONGEST_SECONDS = 80;
const MODEL = 'openai:3@1';
const NODE_ID = 'bench-latency-node';

const durations = Array.from(
	{ length: SAMPLES },
	(_, index) => SHORTEST_SECONDS + ((LONGEST_SECONDS - SHORTEST_SECONDS) * index) / (SAMPLES - 1),
);

interface Sample {
	latencyMs: number;
	requests: number;
}

interface Variant {
	parameters: INodeParameters;
	type: string;
	webhook?: boolean;
}

async function taskCreatedAfter(env: BenchEnv, count: number): Promise<string> {
	const event = await env.emulator.waitForEvent(
		() =>
			env.emulator.events.filter((candidate) => candidate.type === 'taskCreated').length > count,
		30_000,
	);
	const created = env.emulator.events.filter((candidate) => candidate.type === 'taskCreated');
	return event.type === 'taskCreated' ? created[count].taskId : '';
}

/**
 * Starts one single-task run per duration, all running at once; each task is made to take its duration.
 * The latency of a task is from the emulator marking it done to the node handing over its output.
 */
async function sampleLatencies(env: BenchEnv, variant: Variant): Promise<Sample[]> {
	await env.emulator.reset();
	const runs: Array<Promise<{ result: RunResult; taskId: string }>> = [];
	for (const [index, seconds] of durations.entries()) {
		const before = env.emulator.events.filter((event) => event.type === 'taskCreated').length;
		const workflow = oneNode(
			variant.type,
			variant.parameters,
			[{ json: { index } }],
			variant.webhook ? NODE_ID : undefined,
		);
		const started = env.harness.runWorkflow({ ...workflow, timeoutMs: 120_000 });
		const taskId = await taskCreatedAfter(env, before);
		// The task takes its own length, and reports progress accordingly, as a real task does.
		env.emulator.forceOutcome(taskId, 'success', { afterMs: benchMs(seconds) });
		runs.push(
			started.then(async (first) => ({
				taskId,
				result: variant.webhook ? await env.harness.awaitResumedRun(first.resume!, 120_000) : first,
			})),
		);
	}
	const finished = await Promise.all(runs);
	return finished.map(({ result, taskId }) => {
		const done = env.emulator.events.find(
			(event) => event.type === 'taskDone' && event.taskId === taskId,
		);
		const polls = env.emulator
			.requestsTo('runware.getResponse')
			.filter((request) => JSON.stringify(request.body).includes(taskId)).length;
		return { latencyMs: nodeOutputAt(result) - (done?.at ?? Number.NaN), requests: 1 + polls };
	});
}

type Seconds = (ms: number) => number;
const realSeconds: Seconds = (ms) => ms / 1000;
const medianOf = (samples: Sample[], seconds: Seconds) =>
	seconds(median(samples.map((s) => s.latencyMs)));
const worstOf = (samples: Sample[], seconds: Seconds) =>
	seconds(Math.max(...samples.map((s) => s.latencyMs)));
const requestsPerTask = (samples: Sample[]) => median(samples.map((s) => s.requests));

/**
 * `oursIn`: how our latencies become seconds. Polling latencies are scaled waits (real-world seconds again);
 * a callback's latency is processing only (the callback, one read, the resume), which no scale applies to.
 */
function rows(
	label: string,
	ours: Sample[],
	reference: Sample[],
	oursIn: Seconds = worldSeconds,
): Measure[] {
	return [
		{
			label: `${label}: median latency`,
			unit: 's',
			ours: medianOf(ours, oursIn),
			reference: medianOf(reference, worldSeconds),
			ideal: 0,
		},
		{
			label: `${label}: worst latency`,
			unit: 's',
			ours: worstOf(ours, oursIn),
			reference: worstOf(reference, worldSeconds),
			ideal: 0,
		},
		{
			label: `${label}: requests per task`,
			unit: 'requests',
			ours: requestsPerTask(ours),
			reference: requestsPerTask(reference),
			ideal: 2,
		},
	];
}

/** Figure 2: time from a task's completion to the node's output, polling and Resume on Webhook. */
export async function completionLatency(): Promise<Figure> {
	const env = await startBenchEnv({ knobs: { runware: { generationMs: 3_600_000 } } });
	try {
		await env.harness.listenForResume();
		const runware = (waitMode: string, waitingOptions = NODE_WAITING): Variant => ({
			type: TYPES.runwareVideo,
			webhook: waitMode === 'webhook',
			parameters: {
				model: { __rl: true, mode: 'list', value: MODEL },
				positivePrompt: 'A paper boat on a river',
				duration: 4,
				waitMode,
				returnAs: 'url',
				waitingOptions,
			},
		});
		progress(`figure 2: ${SAMPLES} single-task runs per client`);
		const reference = await sampleLatencies(env, {
			type: TYPES.reference,
			parameters: {
				provider: 'runware',
				model: MODEL,
				prompt: 'A paper boat on a river',
				pollSeconds: REFERENCE_POLL_SECONDS * SCALE,
			},
		});
		const polling = await sampleLatencies(env, runware('wait'));
		const pollingAt10 = await sampleLatencies(
			env,
			runware('wait', { ...NODE_WAITING, maxPollSeconds: REFERENCE_POLL_SECONDS * SCALE }),
		);
		const webhook = await sampleLatencies(env, runware('webhook'));
		return {
			id: 2,
			title: 'Completion-to-output latency',
			setup: `${SAMPLES} Runware tasks of ${SHORTEST_SECONDS}–${LONGEST_SECONDS} s, one per run, all runs at once; from the emulator marking a task done to the node's output. Reference: checks every ${REFERENCE_POLL_SECONDS} s.`,
			measures: [
				...rows('resume on webhook (ours unscaled)', webhook, reference, realSeconds),
				...rows('polling, default schedule', polling, reference),
				...rows('polling, longest interval 10 s', pollingAt10, reference),
			],
			notes: [
				'Default schedule: first check after 5 s, then ×1.5 up to 20 s apart until the task reports progress; then checks aimed at the end that progress predicts (a coarse early forecast is sharpened by one check shortly before).',
				"Resume on webhook, ours: real seconds, not divided by the scale (nothing in a callback's latency is a scaled wait); the reference's latencies are its scaled polling, in real-world seconds.",
				'Requests per task: the submit and the checks that named the task (a poll round of ours checks every pending task of its run in one request).',
			],
			details: {
				durationsSeconds: durations,
				latenciesSeconds: {
					webhookUnscaled: webhook.map((s) => realSeconds(s.latencyMs)),
					polling: polling.map((s) => worldSeconds(s.latencyMs)),
					pollingAt10: pollingAt10.map((s) => worldSeconds(s.latencyMs)),
					reference: reference.map((s) => worldSeconds(s.latencyMs)),
				},
			},
		};
	} finally {
		await env.close();
	}
}
