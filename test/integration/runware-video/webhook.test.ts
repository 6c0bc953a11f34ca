import type { IDataObject } from 'n8n-workflow';

import type { EmulatorEvent } from '../../emulator';
import { model, sentTasks, setup, videoRun, NODE_NAME, type Setup } from './setup';

const NODE_ID = 'runware-video-node';

const run = (
	parameters: IDataObject = {},
	items?: Array<{ json: IDataObject }>,
	onError?: 'continueRegularOutput',
) =>
	videoRun(
		{
			model: model('klingai:5@3'),
			positivePrompt: 'A hot air balloon over a canyon',
			waitMode: 'webhook',
			returnAs: 'url',
			...parameters,
		},
		items,
		{ id: NODE_ID, ...(onError ? { onError } : {}) },
	);

type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

describe('Runware Video: resume on webhook', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
		await env.harness.listenForResume();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	const callbacks = () =>
		env.emulator.events.filter((event): event is CallbackEvent => event.type === 'callback');

	it('passes its resume URL as webhookURL, waits, and continues when Runware calls back', async () => {
		const started = Date.now();
		const result = await env.harness.runWorkflow(run({ waitingOptions: { timeoutMinutes: 30 } }));
		expect(result.status).toBe('waiting');
		expect(result.waitTill?.getTime()).toBeGreaterThanOrEqual(started + 30 * 60_000);
		expect(result.waitTill?.getTime()).toBeLessThan(Date.now() + 30 * 60_000 + 1000);
		const [task] = sentTasks(env.emulator);
		expect(task.webhookURL).toBe(result.resume?.resumeUrl);
		// While waiting, the node shows the submitted task.
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			taskUUID: task.taskUUID,
			status: 'waiting',
		});

		const resumed = await env.harness.awaitResumedRun(result.resume!, 10_000);
		expect(resumed.error).toBeUndefined();
		const output = resumed.output(NODE_NAME);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({
			taskUUID: task.taskUUID,
			videoUUID: expect.any(String),
			videoURL: expect.any(String),
			seed: expect.any(Number),
			model: 'klingai:5@3',
			status: 'success',
		});
		const callback = await env.emulator.waitForEvent((event) => event.type === 'callback');
		expect(callback).toMatchObject({ result: 200, taskId: task.taskUUID });
	});

	it("takes a task's end only from a callback signed with the resume token; any other is refused or re-read", async () => {
		env.emulator.setKnobs({ runware: { callbacks: 'never', generationMs: 60_000 } });
		const result = await env.harness.runWorkflow(run());
		const [task] = sentTasks(env.emulator);
		const fakeSuccess = (taskUUID: unknown) => ({
			data: [
				{
					taskType: 'videoInference',
					taskUUID,
					status: 'success',
					videoUUID: 'forged',
					videoURL: 'https://attacker.example/video.mp4',
				},
			],
		});
		const signedUrl = result.resume?.resumeUrl;
		const unsignedUrl = result.resume?.resumeUrl.split('?')[0];

		const unsigned = await env.harness.resumeWithWebhook(result.resume!, {
			url: unsignedUrl,
			body: fakeSuccess(task.taskUUID),
		});
		expect(unsigned.reply.statusCode).toBe(401);
		expect(unsigned.result.status).toBe('waiting');
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(0);

		// Signed, but about a task this run did not start: only a prompt to look.
		const otherTask = await env.harness.resumeWithWebhook(result.resume!, {
			url: signedUrl,
			body: fakeSuccess('7f0c3d5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f'),
		});
		expect(otherTask.reply).toEqual({ statusCode: 200, body: { received: true, waiting: true } });
		expect(otherTask.result.status).toBe('waiting');
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(1);

		env.emulator.forceOutcome(String(task.taskUUID), 'success', { immediately: true });
		const confirmed = await env.harness.resumeWithWebhook(result.resume!, {
			url: result.resume?.resumeUrl,
			body: {},
		});
		expect(confirmed.result.error).toBeUndefined();
		expect(confirmed.result.output(NODE_NAME)[0].json.videoURL).toContain(env.emulator.url);
	});

	it('refuses an early forged callback without the resume token', async () => {
		env.emulator.setKnobs({ runware: { callbacks: 'forged' } });
		const result = await env.harness.runWorkflow(run());
		const resumed = await env.harness.awaitResumedRun(result.resume!, 10_000);
		expect(resumed.output(NODE_NAME)[0].json.videoUUID).not.toMatch(/forged/);
		expect(callbacks().find((event) => event.forged)?.result).toBe(401);
	});

	it('continues only once every task of the run has ended, in input order', async () => {
		env.emulator.setKnobs({ runware: { callbacks: 'never', generationMs: 60_000 } });
		const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const result = await env.harness.runWorkflow(run({}, items));
		const [first, second] = sentTasks(env.emulator).map((task) => String(task.taskUUID));
		const callBack = async () =>
			await env.harness.resumeWithWebhook(result.resume!, {
				url: result.resume?.resumeUrl,
				body: {},
			});

		env.emulator.forceOutcome(second, 'success', { immediately: true });
		const early = await callBack();
		expect(early.reply.body).toEqual({ received: true, waiting: true });
		expect(early.result.status).toBe('waiting');

		env.emulator.forceOutcome(first, 'success', { immediately: true });
		const resumed = (await callBack()).result;
		const output = resumed.output(NODE_NAME);
		expect(output.map((item) => item.json.taskUUID)).toEqual([first, second]);
		expect(output.map((item) => item.json.status)).toEqual(['success', 'success']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
	});

	it('refuses several results per item, which a resumed node could not pair to their items', async () => {
		const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const result = await env.harness.runWorkflow(
			run({ options: { numberResults: 2 } }, items, 'continueRegularOutput'),
		);
		expect(result.status).toBe('success');
		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.json.error)).toEqual([
			'Resume on Webhook gives one video per item: set Number of Results to 1',
			'Resume on Webhook gives one video per item: set Number of Results to 1',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(env.emulator.requests).toHaveLength(0);
	});

	it('resumes with the failure of a failed task', async () => {
		env.emulator.queueOutcomes('runware', 'failure', 'success');
		const items = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const result = await env.harness.runWorkflow(run({}, items, 'continueRegularOutput'));
		const resumed = await env.harness.awaitResumedRun(result.resume!, 10_000);

		const output = resumed.output(NODE_NAME);
		expect(output[0].json).toMatchObject({
			error: expect.stringContaining('timeoutProvider'),
			taskUUID: expect.any(String),
		});
		expect(output[1].json.status).toBe('success');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('keeps an item that failed before the wait through the resume, in its place', async () => {
		const items = [{ json: { duration: 7 } }, { json: { duration: 5 } }];
		const result = await env.harness.runWorkflow(
			run({ duration: '={{ $json.duration }}' }, items, 'continueRegularOutput'),
		);
		expect(result.status).toBe('waiting');
		const resumed = await env.harness.awaitResumedRun(result.resume!, 10_000);
		const output = resumed.output(NODE_NAME);
		expect(output[0].json.error).toContain('duration 7 is not supported');
		expect(output[1].json.status).toBe('success');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sentTasks(env.emulator)).toHaveLength(1);
	});

	it('keeps items that failed before the wait and does not wait when nothing was sent', async () => {
		const items = [{ json: { duration: 7 } }];
		const result = await env.harness.runWorkflow(
			run({ duration: '={{ $json.duration }}' }, items, 'continueRegularOutput'),
		);
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)[0].json.error).toContain('duration 7 is not supported');
		expect(env.emulator.requests).toHaveLength(0);
	});
});
