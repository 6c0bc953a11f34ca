import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { FIRST, NODE_NAME, sentCreates, setup, videoRun, type Setup } from './setup';

const TASK_ID = /^user:1-runwayml:(first|second)@runway\.test-task:[0-9a-f-]{36}$/;

function taskReads(env: Setup) {
	return env.emulator.requestsTo('useapi.task');
}

describe('Runway Video: waiting modes', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({ knobs: { useapi: { generationMs: 300, callbacks: 'never' } } });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	describe('submit only', () => {
		it('outputs the taskId at once and reads no task', async () => {
			const result = await env.harness.runWorkflow(
				videoRun({
					model: 'veo-3.1',
					text_prompt: 'A paper boat',
					waitMode: 'submit',
					options: { replyRef: 'order-7' },
				}),
			);
			expect(result.error).toBeUndefined();
			const [item] = result.output(NODE_NAME);
			expect(item.json).toEqual(
				expect.objectContaining({
					taskId: expect.stringMatching(TASK_ID),
					status: 'PENDING',
					model: 'veo-3.1',
					replyRef: 'order-7',
				}),
			);
			expect(item.binary).toBeUndefined();
			expect(taskReads(env)).toHaveLength(0);
		});
	});

	describe('wait for completion', () => {
		it('reads the task with its id raw in the path', async () => {
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
			);
			const taskId = String(result.output(NODE_NAME)[0].json.taskId);
			expect(taskId).toMatch(TASK_ID);
			const paths = taskReads(env).map((request) => request.path);
			expect(paths.length).toBeGreaterThan(0);
			expect(new Set(paths)).toEqual(new Set([`/useapi/v1/runwayml/tasks/${taskId}`]));
		});

		it('fails the item with Runway moderation reason', async () => {
			env.emulator.queueOutcomes('useapi', 'moderated');
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'Something violent' }, [{ json: {} }], {
					onError: 'continueRegularOutput',
				}),
			);
			const [item] = result.output(NODE_NAME);
			expect(item.json.error).toMatch(/^Runway's moderation refused task user:1-runwayml:/);
			expect(item.json.error).toContain('Your input was flagged by our content moderation system');
			expect(item.json.error).toContain('SAFETY.INPUT.TEXT');
			expect(item.json.error).toContain('category VIOLENCE');
			expect(item.json.description).toContain('may suspend the account');
			expect(item.json.taskId).toMatch(TASK_ID);
		});

		it('fails the item with the reason of a FAILED task, and the others go on', async () => {
			env.emulator.queueOutcomes('useapi', 'failure', 'success');
			const result = await env.harness.runWorkflow(
				videoRun(
					{ model: 'gen4.5', text_prompt: '={{ $json.prompt }}' },
					[{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }],
					{ onError: 'continueRegularOutput' },
				),
			);
			const [failed, succeeded] = result.output(NODE_NAME);
			expect(failed.json.error).toContain(
				'failed: An unexpected error occurred while generating your video. (INTERNAL.BAD_OUTPUT.CODE01)',
			);
			expect(failed.pairedItem).toEqual({ item: 0 });
			expect(succeeded.json.status).toBe('SUCCEEDED');
			expect(succeeded.pairedItem).toEqual({ item: 1 });
		});

		it('fails the run on a FAILED task without continue-on-fail', async () => {
			env.emulator.queueOutcomes('useapi', 'failure');
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'one' }),
			);
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain('INTERNAL.BAD_OUTPUT.CODE01');
		});

		it('keeps waiting while the task is THROTTLED, PENDING or RUNNING', async () => {
			env.emulator.setKnobs({ useapi: { throttledMs: 400, generationMs: 600 } });
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
			);
			expect(result.error).toBeUndefined();
			expect(result.output(NODE_NAME)[0].json.status).toBe('SUCCEEDED');
			expect(taskReads(env).length).toBeGreaterThanOrEqual(3);
		});

		it('fails a CANCELLED task', async () => {
			env.emulator.injectFaults({
				route: 'useapi.task',
				status: 200,
				body: { taskId: 'user:1-runwayml:first@runway.test-task:x', status: 'CANCELLED' },
			});
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
			);
			expect(result.error?.message).toMatch(/^Runway task user:1-runwayml:.+ was cancelled$/);
		});

		it('keeps waiting through unknown statuses', async () => {
			env.emulator.injectFaults({
				route: 'useapi.task',
				status: 200,
				times: 3,
				body: { taskId: 'user:1-runwayml:first@runway.test-task:x', status: 'IN_REVIEW' },
			});
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
			);
			expect(result.error).toBeUndefined();
			expect(result.output(NODE_NAME)[0].json.status).toBe('SUCCEEDED');
			expect(taskReads(env).length).toBeGreaterThanOrEqual(4);
		});

		it('fails a task still running at the timeout, naming it for Poll Task', async () => {
			env.emulator.setKnobs({ useapi: { generationMs: 60_000 } });
			const result = await env.harness.runWorkflow(
				videoRun({
					model: 'gen4.5',
					text_prompt: 'A city',
					waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.02 },
				}),
			);
			expect(result.error?.message).toMatch(
				/^Runway task user:1-runwayml:.+ was still running after 1 s/,
			);
			expect(result.error?.description).toContain('Poll Task node');
			expect(env.emulator.requestsTo('useapi.create')).toHaveLength(1);
		});

		it('stops waiting when the execution is cancelled', async () => {
			env.emulator.setKnobs({ useapi: { generationMs: 60_000 } });
			const started = Date.now();
			const result = await env.harness.runWorkflow({
				...videoRun({ model: 'gen4.5', text_prompt: 'A city' }),
				cancelAfterMs: 500,
			});
			expect(result.status).toBe('canceled');
			expect(Date.now() - started).toBeLessThan(5000);
			const reads = taskReads(env).length;
			await sleep(600);
			expect(taskReads(env).length).toBe(reads);
		});
	});
});

describe('Runway Video: resume on webhook', () => {
	let env: Setup;
	let origin: string;

	beforeAll(async () => {
		env = await setup({ knobs: { useapi: { generationMs: 400, progressCallbacks: 1 } } });
		origin = await env.harness.listenForResume();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	const webhookRun = (items: IDataObject[] = [{}], parameters: IDataObject = {}) =>
		videoRun(
			{
				model: 'gen4.5',
				text_prompt: '={{ $json.prompt ?? "A city" }}',
				waitMode: 'webhook',
				returnAs: 'binary',
				...parameters,
			},
			items.map((json) => ({ json })),
			{ onError: 'continueRegularOutput' },
		);

	async function callbacksDone(count: number) {
		await env.emulator.waitForEvent(
			() => env.emulator.events.filter((event) => event.type === 'callback').length >= count,
			5000,
		);
	}

	it('sends the resume URL as replyUrl and continues with the video once the task ends', async () => {
		const started = Date.now();
		const waiting = await env.harness.runWorkflow(webhookRun());
		expect(waiting.status).toBe('waiting');
		// The wait ends at the timeout (1 minute) at the latest.
		expect(waiting.waitTill?.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
		expect(waiting.waitTill?.getTime()).toBeGreaterThan(started + 50_000);
		const [pending] = waiting.output(NODE_NAME);
		expect(pending.json.taskId).toMatch(TASK_ID);
		const [body] = sentCreates(env.emulator);
		expect(String(body.replyUrl)).toMatch(new RegExp(`^${origin}/webhook-waiting/`));

		const resumed = await env.harness.awaitResumedRun(waiting.resume!);
		expect(resumed.status).toBe('success');
		const [item] = resumed.output(NODE_NAME);
		expect(item.json).toEqual(
			expect.objectContaining({
				taskId: pending.json.taskId,
				status: 'SUCCEEDED',
				model: 'gen4.5',
			}),
		);
		expect(item.binary?.data).toEqual(expect.objectContaining({ mimeType: 'video/mp4' }));
		expect(item.pairedItem).toEqual({ item: 0 });

		// The progress callback was answered without reading the task; the terminal one, signed with the execution's
		// resume token, is useapi.net's own word on the task and needs no read either.
		await callbacksDone(2);
		const callbacks = env.emulator.events.filter((event) => event.type === 'callback');
		expect(
			callbacks.map((event) => event.type === 'callback' && (event.body as IDataObject).status),
		).toEqual(['RUNNING', 'SUCCEEDED']);
		expect(callbacks.map((event) => event.type === 'callback' && event.result)).toEqual([200, 200]);
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(0);
	});

	it('refuses a forged terminal callback without the resume token and keeps waiting', async () => {
		env.emulator.setKnobs({ useapi: { callbacks: 'forged' } });
		const waiting = await env.harness.runWorkflow(webhookRun());
		const resumed = await env.harness.awaitResumedRun(waiting.resume!);
		const [item] = resumed.output(NODE_NAME);
		expect(item.json.status).toBe('SUCCEEDED');
		expect(String(item.json.videoURL)).not.toContain('forged');
		const forged = env.emulator.events.find((event) => event.type === 'callback' && event.forged);
		expect(forged).toMatchObject({ result: 401 });
		expect(env.emulator.requests.filter((request) => request.path.includes('forged'))).toEqual([]);
	});

	it('waits for every task of the run, failures included', async () => {
		env.emulator.setKnobs({ useapi: { progressCallbacks: 0 } });
		env.emulator.queueOutcomes('useapi', 'success', 'moderated');
		const waiting = await env.harness.runWorkflow(
			webhookRun([{ prompt: 'one' }, { prompt: 'two' }]),
		);
		expect(waiting.status).toBe('waiting');
		const resumed = await env.harness.awaitResumedRun(waiting.resume!);
		await callbacksDone(2);
		const [first, second] = resumed.output(NODE_NAME);
		expect(first.json.status).toBe('SUCCEEDED');
		expect(first.pairedItem).toEqual({ item: 0 });
		expect(second.json.error).toContain("Runway's moderation refused task");
		expect(second.pairedItem).toEqual({ item: 1 });
	});

	// Each callback carries the resume token: useapi.net's word on its task. The process that started the wait has
	// seen every callback since, so a task it has not heard of still runs: no task is read, in any order.
	it.each([
		['in the order they were created', [0, 1, 2]],
		['last first', [2, 1, 0]],
		['out of order', [1, 2, 0]],
	])('reads no task when tasks end %s', async (_order, endOrder) => {
		// As many tasks as the emulator's accounts run at once (2 + 1), so that none waits for a slot.
		const count = 3;
		env.emulator.setKnobs({ useapi: { progressCallbacks: 0, generationMs: 60_000 } });
		const waiting = await env.harness.runWorkflow(
			webhookRun(Array.from({ length: count }, (_, index) => ({ prompt: `take ${index}` }))),
		);
		expect(waiting.status).toBe('waiting');
		const ids = waiting.output(NODE_NAME).map((item) => String(item.json.taskId));
		expect(new Set(ids).size).toBe(count);
		endOrder.forEach((taskIndex, position) =>
			env.emulator.forceOutcome(ids[taskIndex], 'success', { afterMs: 300 + 500 * position }),
		);
		const resumed = await env.harness.awaitResumedRun(waiting.resume!);
		expect(resumed.output(NODE_NAME).map((item) => item.json.taskId)).toEqual(ids);
		expect(resumed.output(NODE_NAME).map((item) => item.json.status)).toEqual(
			Array(count).fill('SUCCEEDED'),
		);
		await callbacksDone(count);
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(0);
	});

	it('reads the tasks when a signed callback does not say which task ended', async () => {
		env.emulator.setKnobs({ useapi: { callbacks: 'never', generationMs: 60_000 } });
		const waiting = await env.harness.runWorkflow(
			webhookRun([{ prompt: 'one' }, { prompt: 'two' }]),
		);
		const ids = waiting.output(NODE_NAME).map((item) => String(item.json.taskId));
		const url = String(sentCreates(env.emulator)[0].replyUrl);
		const early = await env.harness.resumeWithWebhook(waiting.resume!, { url, body: {} });
		expect(early.result.status).toBe('waiting');
		// The last created is read first and still runs: one read.
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(1);
		ids.forEach((taskId) => env.emulator.forceOutcome(taskId, 'success', { immediately: true }));
		const done = await env.harness.resumeWithWebhook(waiting.resume!, { url, body: {} });
		expect(done.result.output(NODE_NAME).map((item) => item.json.status)).toEqual([
			'SUCCEEDED',
			'SUCCEEDED',
		]);
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(3);
	});

	it('delivers tasks that ended while the queue waited for a slot, then waits for the rest', async () => {
		const waiting = await env.harness.runWorkflow(
			webhookRun([{ prompt: 'one' }, { prompt: 'two' }], { email: FIRST, options: { maxJobs: 1 } }),
		);
		expect(waiting.status).toBe('waiting');
		// The first task ended while the second item waited for the slot (the queue read it before the second
		// create went through); both items wait, the first one's video is fetched after the wait.
		expect(waiting.output(NODE_NAME).map((item) => item.json.status)).toEqual([
			'waiting',
			'waiting',
		]);
		expect(env.emulator.requestsTo('useapi.create').map((request) => request.status)).toContain(
			429,
		);
		const routes = env.emulator.requests.map((request) => request.route);
		expect(routes.indexOf('useapi.task')).toBeLessThan(routes.lastIndexOf('useapi.create'));

		const resumed = await env.harness.awaitResumedRun(waiting.resume!);
		const output = resumed.output(NODE_NAME);
		expect(output.map((item) => item.json.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.every((item) => item.binary?.data !== undefined)).toBe(true);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(2);
	});
});
