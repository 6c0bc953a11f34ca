import { model, sentTasks, setup, videoRun, NODE_NAME, type Setup } from './setup';

const run = (extra: Record<string, unknown> = {}) =>
	videoRun({
		model: model('openai:3@1'),
		positivePrompt: 'A paper boat drifting down a rain gutter',
		returnAs: 'url',
		...extra,
	});

describe('Runware Video: submitting without paying twice', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('does not resend a create whose answer was lost, and follows the task Runware started', async () => {
		env.emulator.injectFaults({ route: 'runware.videoInference', drop: 'after' });
		const result = await env.harness.runWorkflow(run());

		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME)[0].json.status).toBe('success');
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
		expect(env.emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(1);
	});

	it('fails the item without resending when Runware never started the task', async () => {
		env.emulator.injectFaults({ route: 'runware.videoInference', drop: 'before' });
		const result = await env.harness.runWorkflow(run());

		const [task] = sentTasks(env.emulator);
		expect(result.error?.message).toMatch(
			new RegExp(
				`^The Runware task ${String(task.taskUUID)} was not resent: its submission ended without a clear answer \\(.+\\), and Runware does not know the task$`,
			),
		);
		expect(result.error?.description).toContain('never sent again');
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
	});

	it('treats a server error on create as an unknown outcome', async () => {
		env.emulator.injectFaults({ route: 'runware.videoInference', status: 500 });
		const result = await env.harness.runWorkflow(run());

		expect(result.error?.message).toContain('was not resent');
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(1);
	});

	it('retries a create the API refused with 429, since it provably did not start', async () => {
		env.emulator.injectFaults({ route: 'runware.videoInference', status: 429 });
		const result = await env.harness.runWorkflow(run());

		expect(result.output(NODE_NAME)[0].json.status).toBe('success');
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(2);
	});

	it('fails every item of a request refused for the account, naming the reason', async () => {
		env.emulator.injectFaults({ route: 'runware.videoInference', status: 402 });
		const result = await env.harness.runWorkflow(run());
		expect(result.error?.message).toContain('insufficientCredits');
		expect(result.error?.description).toContain('not enough balance');
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(0);
	});

	it('fails only the items Runware rejected when others of the request were accepted', async () => {
		const items = [
			{ json: { air: 'openai:3@1', duration: 4 } },
			{ json: { air: 'nobody:video@1', duration: 5 } },
		];
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: { __rl: true, mode: 'id', value: '={{ $json.air }}' },
					positivePrompt: 'A lighthouse in a storm',
					duration: '={{ $json.duration }}',
					returnAs: 'url',
				},
				items,
				{ onError: 'continueRegularOutput' },
			),
		);

		const output = result.output(NODE_NAME);
		expect(output[0].json.status).toBe('success');
		expect(output[1].json.error).toBe(
			'Runware error unknownModel: Model nobody:video@1 does not exist or is not a video model.',
		);
		expect(env.emulator.requestsTo('runware.videoInference')).toHaveLength(1);
	});
});
