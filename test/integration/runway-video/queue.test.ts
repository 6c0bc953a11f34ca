import type { EmulatorEvent } from '../../emulator';
import { FIRST, NODE_NAME, sentCreates, setup, videoRun, type Setup } from './setup';

const GENERATION_MS = 1500;

type TaskEvent = Extract<EmulatorEvent, { type: 'taskCreated' | 'taskDone' }>;

/** Most tasks of the emulator that ran at the same time. */
function peakConcurrency(events: readonly EmulatorEvent[]): number {
	const changes = events
		.filter(
			(event): event is TaskEvent => event.type === 'taskCreated' || event.type === 'taskDone',
		)
		.map((event) => ({ at: event.at, delta: event.type === 'taskCreated' ? 1 : -1 }))
		.sort((a, b) => a.at - b.at || a.delta - b.delta);
	let running = 0;
	let peak = 0;
	for (const change of changes) {
		running += change.delta;
		peak = Math.max(peak, running);
	}
	return peak;
}

const prompts = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ json: { prompt: `Scene ${index + 1}` } }));

describe('Runway Video: the create queue under a busy account', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({
			accounts: [{ email: FIRST, maxJobs: 2 }],
			credentialEmail: FIRST,
			// A 429 asks for 30 s: only a freed slot of the run's own tasks lets the queue go on sooner.
			knobs: { useapi: { generationMs: GENERATION_MS, retryAfterSeconds: 30, callbacks: 'never' } },
		});
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('runs N items two at a time in about ceil(N/2)·T, creating each task once', async () => {
		const items = 6;
		const started = Date.now();
		const result = await env.harness.runWorkflow(
			videoRun({ model: 'gen4.5', text_prompt: '={{ $json.prompt }}' }, prompts(items)),
		);
		const elapsed = Date.now() - started;
		expect(result.error).toBeUndefined();

		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.json.status)).toEqual(Array(items).fill('SUCCEEDED'));
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: items }, (_, item) => ({ item })),
		);
		expect(new Set(output.map((item) => item.json.taskId)).size).toBe(items);

		const creates = env.emulator.requestsTo('useapi.create');
		const accepted = creates.filter((request) => request.status === 200);
		expect(accepted).toHaveLength(items);
		expect(creates.filter((request) => request.status === 429).length).toBeGreaterThan(0);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(items);
		expect(sentCreates(env.emulator).map((body) => body.text_prompt)).toEqual(
			expect.arrayContaining(prompts(items).map((item) => item.json.prompt)),
		);
		expect(peakConcurrency(env.emulator.events)).toBe(2);

		// Every task after the first two was created right after one of the run's tasks ended.
		const doneTimes = env.emulator.events.flatMap((event) =>
			event.type === 'taskDone' ? [event.at] : [],
		);
		for (const request of accepted.slice(2)) {
			const lastDone = Math.max(...doneTimes.filter((at) => at <= request.time));
			expect(request.time - lastDone).toBeLessThan(1000);
		}
		// ceil(6/2)·T = 4.5 s; one task after the other would take 9 s, waiting out each 429 over 60 s.
		expect(elapsed).toBeLessThan(items * GENERATION_MS * 0.75);
	});

	it('sends maxJobs and keeps to it', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(
				{ model: 'gen4.5', text_prompt: '={{ $json.prompt }}', options: { maxJobs: 1 } },
				prompts(3),
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME).map((item) => item.json.status)).toEqual([
			'SUCCEEDED',
			'SUCCEEDED',
			'SUCCEEDED',
		]);
		expect(sentCreates(env.emulator).every((body) => body.maxJobs === 1)).toBe(true);
		expect(peakConcurrency(env.emulator.events)).toBe(1);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(3);
	});

	it('waits out a 429 of Runway itself and sends the item again', async () => {
		env.emulator.injectFaults({
			route: 'useapi.create',
			status: 429,
			body: {
				error:
					'You have too many tasks running or pending. Please wait for some of them to finish before starting more.',
				retryAfter: 0.3,
			},
		});
		const result = await env.harness.runWorkflow(
			videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
		);
		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME)[0].json.status).toBe('SUCCEEDED');
		const creates = env.emulator.requestsTo('useapi.create');
		expect(creates.map((request) => request.status)).toEqual([429, 200]);
		expect(creates[1].time - creates[0].time).toBeGreaterThanOrEqual(250);
	});

	it('fails an item that found no free slot within its time, saying nothing was created', async () => {
		env.emulator.setKnobs({ useapi: { retryAfterSeconds: 0.2 } });
		env.emulator.injectFaults({ route: 'useapi.create', status: 429, times: 1000 });
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: 'gen4.5',
					text_prompt: 'A city',
					waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.02 },
				},
				[{ json: {} }],
				{ onError: 'continueRegularOutput' },
			),
		);
		const [item] = result.output(NODE_NAME);
		expect(item.json.error).toContain(`Not submitted: ${FIRST} stayed busy for`);
		expect(item.json.description).toContain('Nothing was submitted for this item, so it is safe to run it again');
		expect(item.json.description).toContain('is busy executing');
		const creates = env.emulator.requestsTo('useapi.create');
		expect(creates.length).toBeGreaterThan(2);
		expect(creates.every((request) => request.status === 429)).toBe(true);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(0);
	});

	it('stops waiting for a slot when the execution is cancelled', async () => {
		env.emulator.setKnobs({ useapi: { generationMs: 60_000 } });
		const started = Date.now();
		const result = await env.harness.runWorkflow({
			...videoRun({ model: 'gen4.5', text_prompt: '={{ $json.prompt }}' }, prompts(3)),
			cancelAfterMs: 800,
		});
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(2);
	});

	it.each([
		['a dropped connection', { drop: 'after' as const }],
		['a server error', { status: 500 }],
		['an answer that is not JSON', { malformed: true }],
	])('never resends a create whose outcome is unknown, nor sends the next one (%s)', async (_, fault) => {
		env.emulator.injectFaults({ route: 'useapi.create', ...fault });
		const result = await env.harness.runWorkflow(
			videoRun({ model: 'gen4.5', text_prompt: '={{ $json.prompt }}' }, prompts(2), {
				onError: 'continueRegularOutput',
			}),
		);
		const [first, second] = result.output(NODE_NAME);
		expect(first.json.error).toContain('not resent: the task may have been created anyway');
		expect(first.json.description).toContain('was not sent again');
		expect(second.json.error).toMatch(/^Not submitted: the create request of item 0 .* got no clear answer/);
		expect(second.json.description).toContain('safe to run it again');
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(1);
	});
});
