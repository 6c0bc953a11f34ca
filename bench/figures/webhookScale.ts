import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../test/harness';
import { items, nodeOutputAt, oneNode, startBenchEnv, TYPES, type BenchEnv } from '../env';
import type { Figure, Measure } from '../report';
import { progress } from '../report';
import { benchMs, NODE_WAITING, REFERENCE_POLL_SECONDS, SCALE, worldSeconds } from '../scale';

/** Real-world generation times, spread evenly over 20–80 s and dealt out of creation order. */
const SHORTEST_SECONDS = 20;
const LONGEST_SECONDS = 80;
const RUNWAY = { tasks: 20, route: 'useapi' };
const RUNWARE = { tasks: 100, route: 'runware' };
const NODE_ID = 'bench-webhook-scale-node';
const PROMPT = '={{ "A lighthouse in a storm, take " + $json.index }}';

interface Run {
	requests: number;
	/** From the last task's end (emulator) to the node's output, bench ms. */
	lastLatencyMs: number;
}

async function measure(
	env: BenchEnv,
	route: string,
	tasks: number,
	type: string,
	parameters: INodeParameters,
	webhook: boolean,
): Promise<Run> {
	await env.emulator.reset();
	const spreading = spreadDurations(env, tasks);
	const workflow = oneNode(type, parameters, items(tasks), webhook ? NODE_ID : undefined);
	const first = await env.harness.runWorkflow({ ...workflow, timeoutMs: 600_000 });
	const result: RunResult = webhook
		? await env.harness.awaitResumedRun(first.resume!, 600_000)
		: first;
	await spreading;
	const lastDone = Math.max(
		...env.emulator.events.filter((event) => event.type === 'taskDone').map((event) => event.at),
	);
	const requests = env.emulator.requestsTo(route).length;
	return { requests, lastLatencyMs: nodeOutputAt(result) - lastDone };
}

/** Makes the n-th created task take the (7n mod count)-th of evenly spread durations, as each one is created. */
async function spreadDurations(env: BenchEnv, count: number): Promise<void> {
	for (let index = 0; index < count; index++) {
		const event = await env.emulator.waitForEvent(
			() =>
				env.emulator.events.filter((candidate) => candidate.type === 'taskCreated').length > index,
			600_000,
		);
		const created = env.emulator.events.filter((candidate) => candidate.type === 'taskCreated');
		const share = ((index * 7) % count) / (count - 1);
		const seconds = SHORTEST_SECONDS + (LONGEST_SECONDS - SHORTEST_SECONDS) * share;
		if (event.type === 'taskCreated') {
			env.emulator.forceOutcome(created[index].taskId, 'success', { afterMs: benchMs(seconds) });
		}
	}
}

function rows(label: string, tasks: number, ours: Run, reference: Run): Measure[] {
	return [
		{
			label: `${label}: requests per task`,
			unit: 'requests',
			ours: ours.requests / tasks,
			reference: reference.requests / tasks,
			ideal: label.startsWith('Runway') ? 1 : 0.02,
		},
		{
			label: `${label}: last task's end to output`,
			unit: 's',
			ours: ours.lastLatencyMs / 1000,
			reference: worldSeconds(reference.lastLatencyMs),
			ideal: 0,
		},
	];
}

/** Figure 7: Resume on Webhook with many tasks in one execution, as users run it. */
export async function webhookAtScale(): Promise<Figure> {
	const env = await startBenchEnv({
		accounts: [
			{ email: 'one@runway.test', maxJobs: 10 },
			{ email: 'two@runway.test', maxJobs: 10 },
		],
		knobs: {
			runware: { generationMs: 3_600_000 },
			useapi: { generationMs: 3_600_000 },
		},
	});
	try {
		await env.harness.listenForResume();
		const reference = (provider: string, model: string) => ({
			provider,
			model,
			prompt: PROMPT,
			pollSeconds: REFERENCE_POLL_SECONDS * SCALE,
		});
		progress(`figure 7: ${RUNWAY.tasks} Runway tasks in one execution, Resume on Webhook`);
		const runwayParameters = {
			model: 'gen4.5',
			text_prompt: PROMPT,
			waitMode: 'webhook',
			downloadVideo: false,
			waitingOptions: NODE_WAITING,
		};
		const runway = await measure(
			env,
			RUNWAY.route,
			RUNWAY.tasks,
			TYPES.runwayVideo,
			runwayParameters,
			true,
		);
		progress(`figure 7: ${RUNWAY.tasks} Runway tasks, reference`);
		const runwayRef = await measure(
			env,
			RUNWAY.route,
			RUNWAY.tasks,
			TYPES.reference,
			reference('runway', 'gen4.5'),
			false,
		);
		progress(`figure 7: ${RUNWARE.tasks} Runware tasks in one execution, Resume on Webhook`);
		const runwareParameters = {
			model: { __rl: true, mode: 'list', value: 'openai:3@1' },
			positivePrompt: PROMPT,
			waitMode: 'webhook',
			downloadVideo: false,
			waitingOptions: NODE_WAITING,
		};
		const runware = await measure(
			env,
			RUNWARE.route,
			RUNWARE.tasks,
			TYPES.runwareVideo,
			runwareParameters,
			true,
		);
		progress(`figure 7: ${RUNWARE.tasks} Runware tasks, reference`);
		const runwareRef = await measure(
			env,
			RUNWARE.route,
			RUNWARE.tasks,
			TYPES.reference,
			reference('runware', 'openai:3@1'),
			false,
		);
		return {
			id: 7,
			title: 'Resume on Webhook at the size users run it',
			setup: `One execution of ${RUNWAY.tasks} Runway tasks (two accounts, 10 jobs each) and one of ${RUNWARE.tasks} Runware tasks, each task taking ${SHORTEST_SECONDS}–${LONGEST_SECONDS} s (spread evenly, not in creation order), in Resume on Webhook mode; the reference polls every ${REFERENCE_POLL_SECONDS} s, one item after the other.`,
			measures: [
				...rows(`Runway, ${RUNWAY.tasks} tasks`, RUNWAY.tasks, runway, runwayRef),
				...rows(`Runware, ${RUNWARE.tasks} tasks`, RUNWARE.tasks, runware, runwareRef),
			],
			notes: [
				"Requests: every request to the provider's API during the execution (creates, status reads, callbacks' confirmations), not file downloads.",
				"Ours, last task's end to output: real seconds (callback, confirmation and resume are not scaled waits); the reference's: real-world seconds (its polling is scaled).",
			],
			details: { runway, runwayRef, runware, runwareRef },
		};
	} finally {
		await env.close();
	}
}
