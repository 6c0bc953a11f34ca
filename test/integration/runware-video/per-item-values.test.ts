import { model, NODE_NAME, sentTasks, setup, videoRun, type Setup } from './setup';

/**
 * The node reads a parameter that holds no expression once for all items; one with an expression anywhere in it (or
 * above it, in its collection) is read for each item. Each item's request must carry its own values.
 */
describe('Runware Video: values per item', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('sends each item its own values from expressions, nested in collections too, and the fixed ones to all', async () => {
		const items = [1, 2, 3].map((n) => ({
			json: {
				prompt: `Shot ${n} of a koi pond`,
				seed: 100 + n,
				image: `https://example.com/${n}.png`,
			},
		}));
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('klingai:5@3'),
					positivePrompt: '={{ $json.prompt }}',
					duration: 5,
					options: { seed: '={{ $json.seed }}', negativePrompt: 'blurry frames' },
					frameImages: { frameImage: [{ source: 'text', inputImage: '={{ $json.image }}' }] },
					waitMode: 'submit',
				},
				items,
			),
		);

		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME)).toHaveLength(3);
		const tasks = sentTasks(env.emulator);
		expect(
			tasks.map(({ positivePrompt, seed, negativePrompt, duration }) => ({
				positivePrompt,
				seed,
				negativePrompt,
				duration,
			})),
		).toEqual(
			[1, 2, 3].map((n) => ({
				positivePrompt: `Shot ${n} of a koi pond`,
				seed: 100 + n,
				negativePrompt: 'blurry frames',
				duration: 5,
			})),
		);
		// The frame image (an expression inside a list inside a collection) differs per item.
		expect(tasks.map((task) => JSON.stringify(task))).toEqual(
			[1, 2, 3].map((n) => expect.stringContaining(`https://example.com/${n}.png`)),
		);
	});
});
