import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { model, RUNWARE_VIDEO, sentTasks, setup, videoRun, NODE_NAME, type Setup } from './setup';

const { properties } = new RunwareVideo().description;

/**
 * Every dropdown of the video settings filled by a loader: top level, or inside a collection (path
 * `collection.name`). Speech is left out: its voice has no model default, the user adds it to pick one.
 */
const loadedDropdowns = properties.flatMap((property): Array<[string, INodeProperties]> => {
	if (property.name === 'speech') return [];
	const loaded = (p: INodeProperties) => p.type === 'options' && p.typeOptions?.loadOptionsMethod;
	if (property.type === 'collection') {
		return (property.options as INodeProperties[])
			.filter(loaded)
			.map((option) => [`${property.name}.${option.name}`, option]);
	}
	return loaded(property) ? [[property.name, property]] : [];
});

describe('Runware Video: a node as the editor creates it', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('runs with nothing but a prompt, on its default model, sending only the duration the API requires', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({
				positivePrompt: 'A paper boat drifting down a rain gutter',
				duration: '',
				returnAs: 'url',
			}),
		);

		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({ status: 'success', model: 'google:veo@3.1-lite' });
		const [task] = sentTasks(env.emulator);
		// Duration's first entry, "Shortest (4 s)": Veo 3.1 Lite allows 4, 6 or 8 s and documents no default.
		expect(task).toMatchObject({ model: 'google:veo@3.1-lite', duration: 4 });
		for (const field of ['width', 'height', 'fps', 'resolution']) {
			expect(task).not.toHaveProperty(field);
		}
	});

	it('reads a Seed of 0 as "random": no seed is sent and Runware picks one', async () => {
		const seed = properties
			.find(({ name }) => name === 'options')
			?.options?.find((option) => 'name' in option && option.name === 'seed') as INodeProperties;
		expect(seed).toMatchObject({ displayName: 'Seed (0 = Random)', default: 0 });
		const result = await env.harness.runWorkflow(
			videoRun({
				model: model('klingai:5@3'),
				positivePrompt: 'A lighthouse in a storm',
				options: { seed: 0 },
				returnAs: 'url',
			}),
		);
		expect(result.error).toBeUndefined();
		const [task] = sentTasks(env.emulator);
		expect(task).not.toHaveProperty('seed');
		expect(result.output(NODE_NAME)[0].json).toMatchObject({ seed: expect.any(Number) });
	});

	it('keeps what most users set under Options and the rest under Advanced', () => {
		const names = (collection: string) =>
			(
				(properties.find(({ name }) => name === collection)?.options ?? []) as INodeProperties[]
			).map((option) => option.displayName);
		expect(names('options')).toEqual([
			'Include Cost',
			'Negative Prompt',
			'Number of Results',
			'Output Format',
			'Seed (0 = Random)',
		]);
		expect(names('advanced')).toEqual(
			expect.arrayContaining(['Speed Preset', 'Caching Settings (JSON)', 'Notify URL When Done']),
		);
		expect(names('advanced')).toHaveLength(13);
	});

	it('shows Duration and Dimensions up front, not behind "Add Setting"', () => {
		const topLevel = properties.map(({ name }) => name);
		expect(topLevel).toEqual(expect.arrayContaining(['duration', 'dimensions']));
		expect(loadedDropdowns.map(([path]) => path)).toEqual(
			expect.arrayContaining([
				'duration',
				'dimensions',
				'videoOptions.fps',
				'videoOptions.resolution',
			]),
		);
	});

	// A dropdown whose value is not among its options shows a red warning in the editor. A model nobody
	// describes has no known lengths, so its duration must be picked (the API requires one).
	it.each(['google:veo@3.1-lite', 'klingai:5@2', 'bytedance:2@2', 'acme:video@1'])(
		'offers each dropdown default among its options for %s (no red marks)',
		async (air) => {
			for (const [path, property] of loadedDropdowns) {
				if (air === 'acme:video@1' && path === 'duration') continue;
				const options: INodePropertyOptions[] = await env.harness.loadOptions({
					nodeType: RUNWARE_VIDEO,
					methodName: String(property.typeOptions?.loadOptionsMethod),
					parameters: { model: model(air) },
					credentials: ['runwareApi'],
					path: `parameters.${path}`,
				});
				expect({ path, has: options.some(({ value }) => value === property.default) }).toEqual({
					path,
					has: true,
				});
				expect(options[0].name).toMatch(/^(Model Default|Shortest \(\d+ s\))/);
			}
		},
	);
});
