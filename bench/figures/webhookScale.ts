import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../test/harness';
import { items, nodeOutputAt, oneNode, startBenchEnv, TYPES, type BenchEnv } from '../env';
import type { Figure, Measure } from '../report';
import { progress } from '../report';
import { benchMs, NODE_WAITING, REFERENCE_POLL_SECONDS, SCALE, worldSeconds } from '../scale';

/** Real-world generation times, spread evenly over 20–80 s and dealt out of creation order. */
const SHORTEST_SECONDS = 20;
const LONGEST_SECONDS = 80;
interface Workload {
	label: string;
	tasks: number;
	/** Emulator route prefix of the provider's API. */
	route: string;
	type: string;
	/** Requests per task with no status read at all: the creates, or the batched submits. */
	ideal: number;
}

const RUNWAY: Workload = {
	label: 'Runway',
	tasks: 20,
	route: 'useapi',
	type: TYPES.runwayVideo,
	ideal: 1,
};
const RUNWARE: Workload = {
	label: 'Runware',
	tasks: 100,
	route: 'runware',
	type: TYPES.runwareVideo,
	ideal: 2 / 100,
};
const NODE_ID = 'bench-webhook-scale-node';
const PROMPT = '={{ "A lighthouse in a storm, take " + $json.index }}';

interface Run {
	requests: number;
	/** From the last task's end (emulator) to the node's output, bench ms. */
	lastLatencyMs: number;
}

async function measure(
	env: BenchEnv,
	workload: Workload,
	type: string,
	parameters: INodeParameters,
	webhook: boolean,
): Promise<Run> {
	await env.emulator.reset();
	const spreading = spreadDurations(env, workload.tasks);
	const workflow = oneNode(type, parameters, items(workload.tasks), webhook ? NODE_ID : undefined);
	const first = await env.harness.runWorkflow({ ...workflow, timeoutMs: 600_000 });
	const result: RunResult = webhook
		? await env.harness.awaitResumedRun(first.resume!, 600_000)
		: first;
	await spreading;
	const lastDone = Math.max(
		...env.emulator.events.filter((event) => event.type === 'taskDone').map((event) => event.at),
	);
	const requests = env.emulator.requestsTo(workload.route).length;
	return { requests, lastLatencyMs: nodeOutputAt(result) - lastDone };
}

/** Ours in Resume on Webhook mode, then the reference, on the same workload. */
async function oursAndReference(
	env: BenchEnv,
	workload: Workload,
	parameters: { ours: INodeParameters; reference: INodeParameters },
): Promise<[Run, Run]> {
	const { label, tasks } = workload;
	progress(`figure 7: ${tasks} ${label} tasks in one execution, Resume on Webhook`);
	const ours = await measure(
		env,
		workload,
		workload.type,
		{
			...parameters.ours,
			waitMode: 'webhook',
			returnAs: 'url',
			waitingOptions: NODE_WAITING,
		},
		true,
	);
	progress(`figure 7: ${tasks} ${label} tasks, reference`);
	const reference = await measure(env, workload, TYPES.reference, parameters.reference, false);
	return [ours, reference];
}

/** Makes the n-th created task take the (7n mod count)-th of evenly spread durations, as each one is created. */
async function spreadDurations(env: BenchEnv, count: number): Promise<void> {
	const created = () => env.emulator.events.filter((event) => event.type === 'taskCreated');
	for (let index = 0; index < count; index++) {
		await env.emulator.waitForEvent(() => created().length > index, 600_000);
		const event = created()[index];
		const share = ((index * 7) % count) / (count - 1);
		const seconds = SHORTEST_SECONDS + (LONGEST_SECONDS - SHORTEST_SECONDS) * share;
		if (event.type === 'taskCreated') {
			env.emulator.forceOutcome(event.taskId, 'success', { afterMs: benchMs(seconds) });
		}
	}
}

function rows(workload: Workload, ours: Run, reference: Run): Measure[] {
	const label = `${workload.label}, ${workload.tasks} tasks`;
	return [
		{
			label: `${label}: requests per task`,
			unit: 'requests',
			ours: ours.requests / workload.tasks,
			reference: reference.requests / workload.tasks,
			ideal: workload.ideal,
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
		const [runway, runwayRef] = await oursAndReference(env, RUNWAY, {
			ours: { model: 'gen4.5', text_prompt: PROMPT },
			reference: reference('runway', 'gen4.5'),
		});
		const [runware, runwareRef] = await oursAndReference(env, RUNWARE, {
			ours: {
				model: { __rl: true, mode: 'list', value: 'openai:3@1' },
				positivePrompt: PROMPT,
				duration: 4,
			},
			reference: reference('runware', 'openai:3@1'),
		});
		return {
			id: 7,
			title: 'Resume on Webhook at the size users run it',
			setup: `One execution of ${RUNWAY.tasks} Runway tasks (two accounts, 10 jobs each) and one of ${RUNWARE.tasks} Runware tasks, each task taking ${SHORTEST_SECONDS}–${LONGEST_SECONDS} s (spread evenly, not in creation order), in Resume on Webhook mode; the reference polls every ${REFERENCE_POLL_SECONDS} s, one item after the other.`,
			measures: [...rows(RUNWAY, runway, runwayRef), ...rows(RUNWARE, runware, runwareRef)],
			notes: [
				"Requests: every request to the provider's API during the execution (creates, status reads), not file downloads.",
				"Ours, last task's end to output: real seconds (callback and resume are not scaled waits); the reference's: real-world seconds (its polling is scaled).",
			],
			details: { runway, runwayRef, runware, runwareRef },
		};
	} finally {
		await env.close();
	}
}
