import { items, NODE_NAME, oneNode, startBenchEnv, TYPES, type BenchEnv } from '../env';
import type { Figure } from '../report';
import { progress } from '../report';
import { benchMs, NODE_WAITING, nodePollTimes, REFERENCE_POLL_SECONDS, SCALE } from '../scale';

const TASKS = 100;
/** Real-world generation time of each task. */
const GENERATION_SECONDS = 8;
const MODEL = 'openai:3@1';
const PROMPT = '={{ "A lighthouse in a storm, take " + $json.index }}';

interface Count {
	submits: number;
	polls: number;
}

function runwareRequests(env: BenchEnv): Count {
	return {
		submits: env.emulator.requestsTo('runware.videoInference').length,
		polls: env.emulator.requestsTo('runware.getResponse').length,
	};
}

async function measure(env: BenchEnv, type: string, parameters: object): Promise<Count> {
	await env.emulator.reset();
	const result = await env.harness.runWorkflow({
		...oneNode(type, { ...parameters }, items(TASKS)),
		timeoutMs: 600_000,
	});
	const finished = result.output(NODE_NAME).filter((item) => item.json.videoURL ?? item.json.url);
	if (finished.length !== TASKS)
		throw new Error(`${type}: ${finished.length} of ${TASKS} tasks finished`);
	return runwareRequests(env);
}

/** Figure 1: HTTP requests (submits + polls) per finished task, 100 Runware tasks in one run. */
export async function requestsPerTask(): Promise<Figure> {
	const env = await startBenchEnv({
		knobs: { runware: { generationMs: benchMs(GENERATION_SECONDS) } },
	});
	try {
		progress('figure 1: 100 Runware tasks, ours');
		const ours = await measure(env, TYPES.runwareVideo, {
			model: { __rl: true, mode: 'list', value: MODEL },
			positivePrompt: PROMPT,
			duration: 4,
			returnAs: 'url',
			waitingOptions: NODE_WAITING,
		});
		progress('figure 1: 100 Runware tasks, reference (one after the other)');
		const reference = await measure(env, TYPES.reference, {
			provider: 'runware',
			model: MODEL,
			prompt: PROMPT,
			pollSeconds: REFERENCE_POLL_SECONDS * SCALE,
		});
		const rounds = nodePollTimes(GENERATION_SECONDS).length;
		const ideal = { submits: 1, polls: rounds };
		const perTask = (count: Count) => (count.submits + count.polls) / TASKS;
		return {
			id: 1,
			title: 'Requests per finished task',
			setup: `${TASKS} Runware tasks of ${GENERATION_SECONDS} s in one run; ideal: 1 submit for the batch + 1 poll round per backoff step (${rounds}) for all tasks together.`,
			measures: [
				{
					label: 'requests per task',
					unit: 'requests',
					ours: perTask(ours),
					reference: perTask(reference),
					ideal: perTask(ideal),
				},
				{
					label: 'submit requests',
					unit: 'requests',
					...countsOf('submits', ours, reference, ideal),
				},
				{ label: 'poll requests', unit: 'requests', ...countsOf('polls', ours, reference, ideal) },
			],
			notes: [
				'Ours sends at most 50 tasks per request (submit and getResponse), so 100 tasks take 2 requests per round.',
			],
			details: { ours, reference, ideal },
		};
	} finally {
		await env.close();
	}
}

function countsOf(key: keyof Count, ours: Count, reference: Count, ideal: Count) {
	return { ours: ours[key], reference: reference[key], ideal: ideal[key] };
}
