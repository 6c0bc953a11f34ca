import type { EmulatorEvent } from '../../test/emulator';
import {
	FIRST_ACCOUNT,
	items,
	NODE_NAME,
	oneNode,
	startBenchEnv,
	TYPES,
	type BenchEnv,
} from '../env';
import type { Figure } from '../report';
import { progress } from '../report';
import { benchMs, NODE_WAITING, REFERENCE_POLL_SECONDS, SCALE, worldSeconds } from '../scale';

const JOBS = 20;
const MAX_JOBS = 2;
/** Real-world time of one Runway job. */
const JOB_SECONDS = 60;
const PROMPT = '={{ "A city at night, shot " + $json.index }}';

interface Throughput {
	wallMs: number;
	creates: number;
	busyAnswers: number;
	peakRunning: number;
}

type TaskEvent = Extract<EmulatorEvent, { type: 'taskCreated' | 'taskDone' }>;

function peakRunning(events: readonly EmulatorEvent[]): number {
	let running = 0;
	let peak = 0;
	const changes = events
		.filter(
			(event): event is TaskEvent => event.type === 'taskCreated' || event.type === 'taskDone',
		)
		.map((event) => ({ at: event.at, delta: event.type === 'taskCreated' ? 1 : -1 }))
		.sort((a, b) => a.at - b.at || a.delta - b.delta);
	for (const change of changes) {
		running += change.delta;
		peak = Math.max(peak, running);
	}
	return peak;
}

async function measure(env: BenchEnv, type: string, parameters: object): Promise<Throughput> {
	await env.emulator.reset();
	const started = Date.now();
	const result = await env.harness.runWorkflow({
		...oneNode(type, { ...parameters }, items(JOBS)),
		timeoutMs: 600_000,
	});
	const wallMs = Date.now() - started;
	const done = result
		.output(NODE_NAME)
		.filter((item) => item.json.status === 'SUCCEEDED' || item.json.url);
	if (done.length !== JOBS) throw new Error(`${type}: ${done.length} of ${JOBS} jobs finished`);
	const creates = env.emulator.requestsTo('useapi.create');
	return {
		wallMs,
		creates: creates.filter((request) => request.status === 200).length,
		busyAnswers: creates.filter((request) => request.status === 429).length,
		peakRunning: peakRunning(env.emulator.events),
	};
}

/** Figure 3: 20 Runway jobs on an account that runs 2 at a time. */
export async function throughputUnderLimit(): Promise<Figure> {
	const env = await startBenchEnv(
		{
			accounts: [{ email: FIRST_ACCOUNT, maxJobs: MAX_JOBS }],
			knobs: { useapi: { generationMs: benchMs(JOB_SECONDS), callbacks: 'never' } },
		},
		{ credentialEmail: FIRST_ACCOUNT },
	);
	try {
		progress(`figure 3: ${JOBS} Runway jobs, ${MAX_JOBS} at a time, ours`);
		const ours = await measure(env, TYPES.runwayVideo, {
			model: 'gen4.5',
			text_prompt: PROMPT,
			returnAs: 'url',
			waitingOptions: NODE_WAITING,
		});
		progress(`figure 3: ${JOBS} Runway jobs, reference (one after the other)`);
		const reference = await measure(env, TYPES.reference, {
			provider: 'runway',
			model: 'gen4.5',
			prompt: PROMPT,
			pollSeconds: REFERENCE_POLL_SECONDS * SCALE,
		});
		const idealSeconds = Math.ceil(JOBS / MAX_JOBS) * JOB_SECONDS;
		return {
			id: 3,
			title: 'Throughput under an account limit',
			setup: `${JOBS} Runway jobs of ${JOB_SECONDS} s, the account runs ${MAX_JOBS} at a time (429 beyond); ideal: ceil(${JOBS}/${MAX_JOBS})·T = ${idealSeconds} s.`,
			measures: [
				{
					label: 'wall time',
					unit: 's',
					ours: worldSeconds(ours.wallMs),
					reference: worldSeconds(reference.wallMs),
					ideal: idealSeconds,
				},
				{
					label: 'creates accepted',
					unit: 'tasks',
					ours: ours.creates,
					reference: reference.creates,
					ideal: JOBS,
				},
				{
					label: 'jobs running at once (peak)',
					unit: 'jobs',
					ours: ours.peakRunning,
					reference: reference.peakRunning,
					ideal: MAX_JOBS,
					lowerIsBetter: false,
				},
			],
			notes: [
				`Ours also got ${ours.busyAnswers} 429 answers (nothing created), each followed by waiting for a slot of its own run to free up.`,
			],
			details: { ours, reference },
		};
	} finally {
		await env.close();
	}
}
