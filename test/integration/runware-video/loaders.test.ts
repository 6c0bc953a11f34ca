import type { INodePropertyOptions } from 'n8n-workflow';

import {
	durationChoices,
	findRunwareModel,
	formatDimensionPair,
	fpsChoices,
	runwareModels,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
import { FEATURED_RUNWARE_MODELS } from '../../../nodes/RunwareVideo/description/featured';
import { listNumberChoices } from '../../../nodes/shared/providers/runware/modelOptions';
import { model, RUNWARE_VIDEO, setup, type Setup } from './setup';

function catalogued(air: string): RunwareModel {
	const entry = findRunwareModel(air);
	if (!entry) throw new Error(`${air} is not catalogued`);
	return entry;
}

/** A list's first entry (value ''): the field left unsent, or for Duration the length the node fills in. */
const MODEL_DEFAULT = {
	name: expect.stringMatching(/^Model Default( \(.+\))?$/),
	value: '',
	description: 'Not sent: the model uses its own default',
};
const FILLED_DURATION = {
	name: expect.stringMatching(/^(Model Default|Shortest) \(\d+(\.\d+)? s\)$/),
	value: '',
	description: expect.stringMatching(/^Sends \d+(\.\d+)? s$/),
};

/** The values offered after the first entry, if there is one (a model nobody describes must be given a duration). */
const values = (options: INodePropertyOptions[]) => {
	if (options[0]?.value !== '') return options.map((option) => option.value);
	expect(options[0]).toEqual(
		String(options[0].description).startsWith('Sends') ? FILLED_DURATION : MODEL_DEFAULT,
	);
	return options.slice(1).map((option) => option.value);
};

/** What the catalogue says, in the loaders' value format. */
function fromCatalogue(air: string) {
	const entry = catalogued(air);
	const durations = durationChoices(entry);
	const fps = fpsChoices(entry);
	return {
		getDurations: durations ? listNumberChoices(durations) : [],
		getFrameRates: fps ? listNumberChoices(fps) : [],
		getDimensions: entry.dimensions ? (entry.dimensions.pairs ?? []).map(formatDimensionPair) : [],
	};
}

describe('Runware Video: option loaders and model list', () => {
	describe.each([
		['without the model schema service', false],
		['with a model schema service that lacks these models', true],
	])('%s', (_title, schemas) => {
		let env: Setup;

		beforeAll(async () => {
			env = await setup({ schemas });
		});
		afterAll(async () => await env.close());

		const load = async (methodName: string, air: string) =>
			await env.harness.loadOptions({
				nodeType: RUNWARE_VIDEO,
				methodName,
				parameters: { model: model(air) },
				credentials: ['runwareApi'],
				path: 'parameters.duration',
			});

		it.each([
			'klingai:5@2',
			'minimax:3@1',
			'bytedance:2@2',
			'pixverse:1@1',
			'google:3@3',
			'lightricks:2@0',
			'klingai:6@0',
		])('offers exactly the catalogue values of %s', async (air) => {
			const expected = fromCatalogue(air);
			for (const method of ['getDurations', 'getFrameRates', 'getDimensions'] as const) {
				expect({ method, values: values(await load(method, air)) }).toEqual({
					method,
					values: expected[method],
				});
			}
		});
	});

	it('spells the choices out for people', async () => {
		const env = await setup();
		try {
			const load = async (methodName: string, air: string) =>
				await env.harness.loadOptions({
					nodeType: RUNWARE_VIDEO,
					methodName,
					parameters: { model: model(air) },
					credentials: ['runwareApi'],
				});
			expect(await load('getDimensions', 'google:3@3')).toEqual([
				{ ...MODEL_DEFAULT, name: 'Model Default (from the frame image)' },
				{ name: '1280x720 (16:9)', value: '1280x720' },
				{ name: '720x1280 (9:16)', value: '720x1280' },
				{ name: '1920x1080 (16:9)', value: '1920x1080' },
				{ name: '1080x1920 (9:16)', value: '1080x1920' },
				{ name: '3840x2160 (16:9)', value: '3840x2160' },
				{ name: '2160x3840 (9:16)', value: '2160x3840' },
			]);
			expect(await load('getDurations', 'minimax:3@1')).toEqual([
				{ name: 'Model Default (6 s)', value: '', description: 'Sends 6 s' },
				{ name: '6 s', value: 6 },
				{ name: '10 s', value: 10 },
			]);
			const seedance = values(await load('getDurations', 'bytedance:2@2'));
			expect([seedance[0], seedance[1], seedance.at(-1), seedance.length]).toEqual([
				1.2, 1.3, 12, 109,
			]);
			expect(await load('getFrameRates', 'pixverse:1@1')).toEqual([
				{ ...MODEL_DEFAULT, name: 'Model Default (16 fps)' },
				{ name: '16 fps', value: 16 },
				{ name: '24 fps', value: 24 },
			]);
			const voices = catalogued('pixverse:lipsync@1').speech;
			const voiceList = await load('getVoices', 'pixverse:lipsync@1');
			expect(voiceList.map(({ value }) => value)).toEqual(voices ? voices.voices : []);
			// A model nobody describes gets the API document's generic ranges.
			expect(values(await load('getDurations', 'acme:video@1'))).toEqual([
				1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
			]);
			expect(env.emulator.requests).toHaveLength(0);
		} finally {
			await env.close();
		}
	});

	describe('with the public model schema', () => {
		let env: Setup;

		beforeAll(async () => {
			env = await setup({ schemas: true });
		});
		afterAll(async () => await env.close());

		const load = async (methodName: string, air: string) =>
			values(
				await env.harness.loadOptions({
					nodeType: RUNWARE_VIDEO,
					methodName,
					parameters: { model: { __rl: true, mode: 'id', value: air } },
					credentials: ['runwareApi'],
				}),
			);

		it('prefers the schema over the catalogue, and reads it without credentials', async () => {
			expect(fromCatalogue('openai:3@2').getDurations).toEqual([4, 8, 12]);
			expect(await load('getDurations', 'openai:3@2')).toEqual([4, 8, 12, 16, 20]);
			expect(await load('getDimensions', 'openai:3@2')).toEqual([
				'1280x720',
				'720x1280',
				'1792x1024',
				'1024x1792',
			]);
			const reads = env.emulator.requestsTo('schema');
			expect(reads.map((read) => read.path)).toEqual(['/runware-schemas/resolve/openai:3@2']);
			expect(reads[0].headers.authorization).toBeUndefined();
		});

		it('caches the schema', async () => {
			const before = env.emulator.requestsTo('schema').length;
			await load('getFrameRates', 'openai:3@2');
			expect(env.emulator.requestsTo('schema')).toHaveLength(before);
		});

		it('describes a model outside the catalogue from its schema', async () => {
			expect(await load('getDurations', 'acme:video@1')).toEqual([
				2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
			]);
			expect(await load('getFrameRates', 'acme:video@1')).toEqual([24, 30]);
			expect(await load('getResolutions', 'acme:video@1')).toEqual(['540p', '720p', '1080p']);
			// Sizes are ranges in steps of 16: the common sizes that fit are offered.
			expect(await load('getDimensions', 'acme:video@1')).toEqual([
				'1440x1440',
				'1280x720',
				'720x1280',
				'960x960',
				'720x720',
				'512x512',
			]);
		});

		it('falls back to the catalogue when the schema service does not answer in time', async () => {
			env.emulator.registerSchema(
				{ requestSchema: { properties: { duration: { enum: [3] } } } },
				'vidu:1@1',
			);
			env.emulator.injectFaults({ route: 'schema', delayMs: 3500 });
			const started = Date.now();
			expect(await load('getDurations', 'vidu:1@1')).toEqual(
				fromCatalogue('vidu:1@1').getDurations,
			);
			expect(Date.now() - started).toBeLessThan(4500);
		});
	});

	describe('model list', () => {
		let env: Setup;

		beforeAll(async () => {
			env = await setup();
		});
		afterAll(async () => await env.close());

		const search = async (filter?: string) =>
			(
				await env.harness.listSearch({
					nodeType: RUNWARE_VIDEO,
					methodName: 'searchModels',
					credentials: ['runwareApi'],
					filter,
				})
			).results;

		it('lists every catalogued model: the most used first, then grouped by provider', async () => {
			const all = await search();
			expect(all).toHaveLength(runwareModels.length);
			const results = all.slice(FEATURED_RUNWARE_MODELS.length);
			expect(all.slice(0, FEATURED_RUNWARE_MODELS.length).map(({ value }) => value)).toEqual(
				FEATURED_RUNWARE_MODELS,
			);
			const providers = results.map((result) => result.name.split(' · ')[0]);
			const firstSeen = providers.filter(
				(provider, index) => providers.indexOf(provider) === index,
			);
			// Each provider's models come together, providers in alphabetical order.
			expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a.localeCompare(b)));
			expect(providers.filter((p, i) => i > 0 && p !== providers[i - 1])).toHaveLength(
				firstSeen.length - 1,
			);
			expect(all).toContainEqual({
				name: 'KlingAI · KlingAI 2.1 Pro (klingai:5@2)',
				value: 'klingai:5@2',
			});
		});

		it('filters by every word of the search, in name, provider or AIR', async () => {
			expect(await search('veo fast')).toEqual([
				{ name: 'Google · Google Veo 3.1 Fast (google:3@3)', value: 'google:3@3' },
				{ name: 'Google · Google Veo 3 Fast (google:3@1, legacy)', value: 'google:3@1' },
			]);
			expect((await search('klingai:5@')).map((result) => result.value)).toEqual([
				'klingai:5@3',
				'klingai:5@2',
				'klingai:5@1',
			]);
			expect(await search('no such model')).toEqual([]);
		});
	});
});
