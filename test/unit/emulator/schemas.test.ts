import {
	durationChoices,
	findRunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
import type { Emulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import type { LooseJson } from './helpers';
import { runware, videoTask } from './helpers';

describe('Runware model schemas', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator();
	});

	afterEach(async () => {
		await emulator.reset();
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('serves a fixture at resolve/<AIR> in Runware’s shape, without auth, cacheable', async () => {
		const response = await fetch(`${emulator.schemaUrl}/resolve/openai:3@2`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		const schema = (await response.json()) as LooseJson;
		expect(schema.requestSchema.properties.duration.enum).toEqual([4, 8, 12, 16, 20]);
		expect(schema.requestSchema.allOf[0].oneOf[0].properties).toEqual({
			width: { const: 1280 },
			height: { const: 720 },
		});
		expect(schema.responseSchema.properties.videoURL).toBeDefined();
		expect(schema.documentation).toMatch(/^https:\/\/runware\.ai\/docs\//);
		expect(emulator.requestsTo('schema')[0].headers.authorization).toBeUndefined();
	});

	it('has a catalogue model whose schema durations differ from the catalogue', () => {
		const model = findRunwareModel('openai:3@2');
		expect(model).toBeDefined();
		expect(durationChoices(model!)).toEqual({ values: [4, 8, 12] });
	});

	it('accepts a URL-encoded AIR and answers 404 for an unknown one', async () => {
		const encoded = await fetch(
			`${emulator.schemaUrl}/resolve/${encodeURIComponent('acme:video@1')}`,
		);
		expect(encoded.status).toBe(200);
		const unknown = await fetch(`${emulator.schemaUrl}/resolve/klingai:5@3`);
		expect(unknown.status).toBe(404);
	});

	it('serves schemas registered at run time until reset', async () => {
		const schema = {
			requestSchema: {
				properties: { model: { const: 'test:clip@1' }, duration: { minimum: 1, maximum: 3 } },
			},
			responseSchema: {},
			documentation: 'https://runware.ai/docs/models/test-clip',
		};
		emulator.registerSchema(schema);
		const served = await fetch(`${emulator.schemaUrl}/resolve/test:clip@1`);
		expect(await served.json()).toEqual(schema);
		await emulator.reset();
		expect((await fetch(`${emulator.schemaUrl}/resolve/test:clip@1`)).status).toBe(404);
	});

	describe('the API judges by the schema where one exists', () => {
		const sora = (overrides: Record<string, unknown>) =>
			videoTask({ model: 'openai:3@2', width: 1792, height: 1024, ...overrides });

		it('accepts a duration only the schema allows and refuses one it does not', async () => {
			const accepted = await runware(emulator, [sora({ duration: 16 })]);
			expect(accepted.status).toBe(200);
			const refused = await runware(emulator, [sora({ duration: 6 })]);
			expect(refused.body.errors[0]).toEqual(
				expect.objectContaining({ code: 'unsupportedDuration', allowedValues: [4, 8, 12, 16, 20] }),
			);
		});

		it('refuses a size outside the oneOf pairs and a field the schema does not declare', async () => {
			const size = await runware(emulator, [sora({ duration: 4, width: 1024, height: 1024 })]);
			expect(size.body.errors[0]).toEqual(
				expect.objectContaining({
					code: 'unsupportedDimensions',
					allowedValues: ['1280x720', '720x1280', '1792x1024', '1024x1792'],
				}),
			);
			const undeclared = await runware(emulator, [sora({ duration: 4, seed: 7 })]);
			expect(undeclared.body.errors[0]).toEqual(
				expect.objectContaining({ code: 'unsupportedParameter', parameter: 'seed' }),
			);
		});

		it('validates a model outside the catalogue from its schema alone', async () => {
			const acme = (overrides: Record<string, unknown>) =>
				videoTask({ model: 'acme:video@1', width: 1024, height: 576, ...overrides });
			expect((await runware(emulator, [acme({ duration: 12, fps: 30 })])).status).toBe(200);
			const cases: Array<[Record<string, unknown>, string]> = [
				[{ duration: 13 }, 'unsupportedDuration'],
				[{ duration: 2.5 }, 'unsupportedDuration'],
				[{ fps: 25 }, 'unsupportedFps'],
				[{ width: 1000 }, 'unsupportedWidth'],
				[{ resolution: '4k' }, 'unsupportedResolution'],
				[{ outputFormat: 'MOV' }, 'invalidOutputFormat'],
				[{ duration: undefined }, 'missingDuration'],
			];
			for (const [overrides, code] of cases) {
				const response = await runware(emulator, [acme(overrides)]);
				expect({ overrides, code: response.body.errors?.[0]?.code }).toEqual({ overrides, code });
			}
		});

		it('switches validation when a test registers a different schema for the AIR', async () => {
			emulator.registerSchema({
				requestSchema: {
					properties: {
						model: { const: 'acme:video@1' },
						deliveryMethod: { const: 'async' },
						positivePrompt: { type: 'string' },
						duration: { enum: [3] },
					},
				},
			});
			const response = await runware(emulator, [
				{
					...videoTask({ model: 'acme:video@1', duration: 5 }),
					width: undefined,
					height: undefined,
				},
			]);
			expect(response.body.errors[0]).toEqual(
				expect.objectContaining({ code: 'unsupportedDuration', allowedValues: [3] }),
			);
		});
	});
});
