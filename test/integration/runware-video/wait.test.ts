import { model, sentTasks, setup, videoRun, NODE_NAME, type Setup } from './setup';

const prompt = 'A red fox running through fresh snow at sunrise';

describe('Runware Video: wait for completion', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('generates a video from a prompt and outputs its fields', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({
				model: model('klingai:5@3'),
				positivePrompt: prompt,
				duration: 5,
				dimensions: '1920x1080',
				options: { includeCost: true, seed: 42 },
				returnAs: 'url',
			}),
		);

		expect(result.error).toBeUndefined();
		const [item, ...rest] = result.output(NODE_NAME);
		expect(rest).toEqual([]);
		expect(item.json).toEqual({
			taskUUID: expect.any(String),
			videoUUID: expect.any(String),
			videoURL: expect.stringContaining(env.emulator.url),
			seed: 42,
			cost: expect.any(Number),
			model: 'klingai:5@3',
			status: 'success',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(sentTasks(env.emulator)).toEqual([
			{
				taskType: 'videoInference',
				taskUUID: item.json.taskUUID,
				deliveryMethod: 'async',
				model: 'klingai:5@3',
				positivePrompt: prompt,
				duration: 5,
				width: 1920,
				height: 1080,
				seed: 42,
				includeCost: true,
			},
		]);
	});

	it('leaves out cost unless asked for it', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({ model: model('openai:3@1'), positivePrompt: prompt, returnAs: 'url' }),
		);
		expect(result.output(NODE_NAME)[0].json).not.toHaveProperty('cost');
	});

	it('works with models of different capabilities and input shapes', async () => {
		const runs = [
			// Flat, fixed 6 s, 25 fps, one size.
			{ air: 'minimax:1@1', duration: 6, dimensions: '1366x768', videoOptions: { fps: 25 } },
			// Flat, a duration range in 0.1 s steps.
			{ air: 'bytedance:2@2', duration: 3.7, dimensions: '864x480' },
			// Nested inputs (Veo 3.1), 4/6/8 s.
			{ air: 'google:3@2', duration: 6, dimensions: '1280x720' },
			// No size at all: derived from the frame image (text-to-video not possible).
			{
				air: 'klingai:6@0',
				duration: 10,
				frameImages: {
					frameImage: [{ source: 'text', inputImage: 'https://example.com/first.png' }],
				},
			},
		];
		for (const { air, ...parameters } of runs) {
			const result = await env.harness.runWorkflow(
				videoRun({
					model: model(air),
					positivePrompt: prompt,
					returnAs: 'url',
					...parameters,
				}),
			);
			expect({ air, error: result.error?.message }).toEqual({ air, error: undefined });
			expect(result.output(NODE_NAME)[0].json).toMatchObject({ model: air, status: 'success' });
		}
		const tasks = sentTasks(env.emulator);
		expect(tasks.map((task) => task.model)).toEqual(runs.map((run) => run.air));
		expect(tasks[2]).not.toHaveProperty('frameImages');
		expect(tasks[3]).toMatchObject({
			frameImages: [{ inputImage: 'https://example.com/first.png' }],
		});
		expect(tasks[3]).not.toHaveProperty('width');
	});

	it('outputs one item per result, all paired to their input item', async () => {
		const items = [{ json: { scene: 'fox' } }, { json: { scene: 'cat' } }];
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('klingai:5@3'),
					positivePrompt: '={{ "A " + $json.scene + " in the snow" }}',
					options: { numberResults: 3 },
					returnAs: 'url',
				},
				items,
			),
		);

		const output = result.output(NODE_NAME);
		expect(output).toHaveLength(6);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 1 },
		]);
		expect(new Set(output.map((item) => item.json.videoUUID)).size).toBe(6);
		expect(new Set(output.slice(0, 3).map((item) => item.json.taskUUID)).size).toBe(1);
		expect(sentTasks(env.emulator).map((task) => task.positivePrompt)).toEqual([
			'A fox in the snow',
			'A cat in the snow',
		]);
	});

	it('waits until all results of a task are in', async () => {
		env.emulator.setKnobs({ runware: { itemStaggerMs: 300 } });
		const result = await env.harness.runWorkflow(
			videoRun({
				model: model('klingai:5@3'),
				positivePrompt: prompt,
				options: { numberResults: 4 },
				returnAs: 'url',
			}),
		);
		expect(result.output(NODE_NAME)).toHaveLength(4);
	});

	it('submits all items in one request and polls them together', async () => {
		const items = Array.from({ length: 5 }, (_, index) => ({ json: { index } }));
		const result = await env.harness.runWorkflow(
			videoRun({ model: model('openai:3@1'), positivePrompt: prompt, returnAs: 'url' }, items),
		);

		expect(result.output(NODE_NAME)).toHaveLength(5);
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
		const polls = env.emulator.requestsTo('runware.getResponse');
		const firstPoll = polls[0].body?.kind === 'json' ? (polls[0].body.value as unknown[]) : [];
		expect(firstPoll).toHaveLength(5);
		expect(polls.length).toBeLessThan(10);
	});

	it('splits a very large run into batches of 50 tasks per request', async () => {
		const items = Array.from({ length: 55 }, (_, index) => ({ json: { index } }));
		const result = await env.harness.runWorkflow(
			videoRun({ model: model('openai:3@1'), positivePrompt: prompt, returnAs: 'url' }, items),
		);

		expect(result.output(NODE_NAME)).toHaveLength(55);
		const taskCounts = (route: string) =>
			env.emulator
				.requestsTo(route)
				.map((request) =>
					request.body?.kind === 'json' ? (request.body.value as unknown[]).length : 0,
				);
		expect(taskCounts('runware.videoInference')).toEqual([50, 5]);
		expect(taskCounts('runware.getResponse').slice(0, 2)).toEqual([50, 5]);
	});

	it('fails the item with the reason Runware gives for a failed task', async () => {
		for (const failureShape of ['errors', 'embedded'] as const) {
			env.emulator.setKnobs({ runware: { failureShape } });
			env.emulator.queueOutcomes('runware', 'moderated');
			const result = await env.harness.runWorkflow(
				videoRun({ model: model('openai:3@1'), positivePrompt: prompt, returnAs: 'url' }),
			);
			expect(result.error?.message).toContain('providerContentPolicyViolation');
			expect(result.error?.description).toContain(
				'Provider said: The request was rejected by the provider safety filter.',
			);
		}
	});

	it('reports provider validation errors with their allowed values', async () => {
		// A model outside the catalogue: only the API document's generic ranges are checked before sending.
		const result = await env.harness.runWorkflow(
			videoRun({
				model: { __rl: true, mode: 'id', value: 'acme:video@1' },
				positivePrompt: prompt,
				duration: 5,
				videoOptions: { fps: 25 },
				returnAs: 'url',
			}),
		);
		expect(result.error?.message).toMatch(/^Runware error \w+: /);
		expect(result.error?.description).toContain('Parameter: fps');
		expect(result.error?.description).toContain('Allowed values: 24, 30');
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(0);
	});

	it('gives each item its own outcome with continue on fail', async () => {
		env.emulator.queueOutcomes('runware', 'success', 'failure');
		const items = [{ json: { duration: 5 } }, { json: { duration: 5 } }, { json: { duration: 7 } }];
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('klingai:5@3'),
					positivePrompt: prompt,
					duration: '={{ $json.duration }}',
					returnAs: 'url',
				},
				items,
				{ onError: 'continueRegularOutput' },
			),
		);

		expect(result.error).toBeUndefined();
		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.status).toBe('success');
		expect(output[1].json).toMatchObject({
			error: expect.stringContaining('timeoutProvider'),
			taskUUID: expect.any(String),
		});
		expect(output[2].json.error).toBe(
			'duration 7 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed 5, 10',
		);
		expect(sentTasks(env.emulator)).toHaveLength(2);
	});

	it('stops at the timeout and names the task that is still running', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 60_000 } });
		const result = await env.harness.runWorkflow(
			videoRun({
				model: model('openai:3@1'),
				positivePrompt: prompt,
				returnAs: 'url',
				waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.01 },
			}),
		);
		const [task] = sentTasks(env.emulator);
		expect(result.error?.message).toMatch(
			new RegExp(`^Runware task ${String(task.taskUUID)} was still running after 1 s`),
		);
		expect(result.error?.description).toContain('Poll Task node');
	});

	it('stops waiting when the execution is cancelled', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 60_000 } });
		const started = Date.now();
		const result = await env.harness.runWorkflow({
			...videoRun({ model: model('openai:3@1'), positivePrompt: prompt, returnAs: 'url' }),
			cancelAfterMs: 500,
		});
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
