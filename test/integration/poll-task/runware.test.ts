import { randomUUID } from 'node:crypto';

import { startNode, workflow } from '../../harness';
import { items, pollTask, runwareSubmit, runwareTasksPerRequest, setup, type Setup } from './setup';

describe('Poll Task: Runware', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({ binaryMode: 'filesystem' });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	const submitThenPoll = (parameters = {}, count = 1, submit = {}) =>
		workflow([startNode(items(count)), runwareSubmit(submit), pollTask('runware', parameters)]);

	it('waits for a submitted task and outputs the video as the video node does, as an MP4', async () => {
		const result = await env.harness.runWorkflow(
			submitThenPoll({ returnAs: 'binary', binaryPropertyName: 'video' }),
		);
		expect(result.error).toBeUndefined();
		const [submitted] = result.output('Runware Video');
		const [item, ...rest] = result.output('Poll Task');
		expect(rest).toEqual([]);
		expect(item.json).toEqual({
			taskUUID: submitted.json.taskUUID,
			videoUUID: expect.any(String),
			videoURL: expect.stringContaining(env.emulator.url),
			seed: expect.any(Number),
			model: 'openai:3@1',
			status: 'success',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary?.video).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${String(item.json.videoUUID)}.mp4`,
			id: expect.stringMatching(/^filesystem/),
		});
		const [download] = env.emulator.requestsTo('files');
		expect(download.headers.authorization).toBeUndefined();
	});

	it('polls 60 tasks in batched getResponse requests of at most 50, not one per task', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 600 } });
		const result = await env.harness.runWorkflow(submitThenPoll({}, 60));
		expect(result.error).toBeUndefined();
		const output = result.output('Poll Task');
		expect(output).toHaveLength(60);
		expect(output.every((item) => item.json.status === 'success')).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 60 }, (_, item) => ({ item })),
		);

		const batches = runwareTasksPerRequest(env.emulator, 'runware.getResponse');
		// Each round asks for every pending task: 50 in the first request, the other 10 in the second.
		expect(batches[0]).toHaveLength(50);
		expect(batches[1]).toHaveLength(10);
		expect(batches.every((batch) => batch.length <= 50)).toBe(true);
		// A round asks for each pending task once; a request naming a task already asked for starts the next round.
		// Every round takes as few requests as batches of 50 allow, however many tasks are still pending.
		const rounds: Array<Array<(typeof batches)[number]>> = [];
		for (const batch of batches) {
			const current = rounds[rounds.length - 1];
			const asked = new Set(current?.flat().map((task) => task.taskUUID));
			if (!current || batch.some((task) => asked.has(task.taskUUID))) rounds.push([batch]);
			else current.push(batch);
		}
		expect(rounds.length).toBeGreaterThanOrEqual(2);
		for (const round of rounds) {
			expect(round).toHaveLength(Math.ceil(round.flat().length / 50));
		}
		const polled = new Set(batches.flat().map((task) => task.taskUUID));
		expect(polled).toEqual(new Set(result.output('Runware Video').map((i) => i.json.taskUUID)));
	});

	it('checks once: a running task gives its status and progress, a finished one its video', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 1500 } });
		const submitted = await env.harness.runWorkflow(
			workflow([startNode(), runwareSubmit({ options: { numberResults: 2 } })]),
		);
		const task = submitted.output('Runware Video')[0].json;
		const check = () =>
			env.harness.runWorkflow(
				workflow([startNode([{ json: task }]), pollTask('runware', { operation: 'check' })]),
			);

		const running = await check();
		expect(running.output('Poll Task').map((item) => item.json)).toEqual([
			{
				taskUUID: task.taskUUID,
				model: 'openai:3@1',
				numberResults: 2,
				status: 'processing',
				progress: expect.any(Number),
			},
		]);
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(1);

		await env.emulator.waitForEvent(
			(event) => event.type === 'taskDone' && event.taskId === task.taskUUID,
		);
		const done = await check();
		const videos = done.output('Poll Task');
		expect(videos).toHaveLength(2);
		expect(videos.map((item) => item.json.status)).toEqual(['success', 'success']);
		expect(videos.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it("fails an item with Runware's reason, or outputs it as an error item with continue-on-fail", async () => {
		env.emulator.queueOutcomes('runware', 'success', 'moderated', 'success');
		const failing = await env.harness.runWorkflow(submitThenPoll({}, 3));
		expect(failing.status).toBe('error');
		expect(failing.error?.message).toContain('providerContentPolicyViolation');

		env.emulator.queueOutcomes('runware', 'success', 'moderated', 'success');
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(items(3)),
				runwareSubmit(),
				pollTask('runware', {}, { continueOnFail: true }),
			]),
		);
		const output = result.output('Poll Task');
		const tasks = result.output('Runware Video');
		expect(output.map((item) => item.json.status ?? 'failed')).toEqual([
			'success',
			'failed',
			'success',
		]);
		expect(output[1].json).toMatchObject({
			error: expect.stringContaining('providerContentPolicyViolation'),
			taskUUID: tasks[1].json.taskUUID,
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('names an unknown task and refuses an ID that is no task UUID without asking Runware', async () => {
		const unknown = randomUUID();
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([
					{ json: { taskUUID: unknown } },
					{ json: { taskUUID: 'not-a-uuid' } },
					{ json: {} },
				]),
				pollTask('runware', {}, { continueOnFail: true }),
			]),
		);
		const output = result.output('Poll Task');
		expect(output[0].json).toMatchObject({
			error: expect.stringContaining('taskFailedOrNotFound'),
			taskUUID: unknown,
		});
		expect(output[1].json.error).toBe('taskUUID "not-a-uuid" is not a Runware task UUID');
		expect(output[2].json.error).toBe('No taskUUID: the input item has none and none was entered');
		expect(output[2].json.description).toContain('Submit Only');
		const polled = runwareTasksPerRequest(env.emulator, 'runware.getResponse').flat();
		expect(polled.map((task) => task.taskUUID)).toEqual([unknown]);
	});

	it('takes a typed task UUID and the result count from the options', async () => {
		const submitted = await env.harness.runWorkflow(
			workflow([startNode(), runwareSubmit({ options: { numberResults: 3 } })]),
		);
		const taskUUID = String(submitted.output('Runware Video')[0].json.taskUUID);
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(),
				pollTask('runware', { taskUUID, runwareOptions: { numberResults: 3 } }),
			]),
		);
		const output = result.output('Poll Task');
		expect(output).toHaveLength(3);
		// Without the video node's item, the model is not known.
		expect(output[0].json).not.toHaveProperty('model');
	});

	it('stops at the timeout, naming the task still running', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 60_000 } });
		const result = await env.harness.runWorkflow(
			submitThenPoll({
				waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.01 },
			}),
		);
		const taskUUID = String(result.output('Runware Video')[0].json.taskUUID);
		expect(result.error?.message).toMatch(
			new RegExp(`^Runware task ${taskUUID} was still running after 1 s`),
		);
		expect(result.error?.description).toContain('Poll Task node');
	});

	it('stops waiting when the execution is cancelled', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 60_000 } });
		const started = Date.now();
		const result = await env.harness.runWorkflow({ ...submitThenPoll(), cancelAfterMs: 800 });
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(env.emulator.requestsTo('runware.getResponse').length).toBeGreaterThan(0);
	});
});
