import {
	acceptedProviderSettings,
	acceptsField,
	dimensionChoices,
	durationChoices,
	findRunwareModel,
	formatDimensionPair,
	fpsChoices,
	maxMediaCount,
	parseRunwareModels,
	providerSettingsFields,
	resolutionChoices,
	runwareModels,
	runwareProviders,
	type RunwareModelInput,
} from '../../../nodes/shared/providers/runware/catalogue';
import { model } from './model';

/** "Curated video models" of the reference: the curated video models of Runware's registry (schema-map 20260722152433). */
const CURATED_AIRS = [
	'alibaba:happyhorse@1.0',
	'alibaba:happyhorse@1.1',
	'alibaba:wan@2.6',
	'alibaba:wan@2.6-flash',
	'alibaba:wan@2.7',
	'runware:201@1',
	'bria:60@1',
	'bytedance:2@1',
	'bytedance:2@2',
	'bytedance:5@1',
	'bytedance:5@2',
	'bytedance:seedance@1.5-pro',
	'bytedance:seedance@2.0',
	'bytedance:seedance@2.0-fast',
	'bytedance:seedance@2.0-mini',
	'creatify:aurora@0',
	'creatify:aurora@fast',
	'google:3@2',
	'google:3@3',
	'google:veo@3.1-lite',
	'google:gemini@omni-flash',
	'heygen:avatar@4',
	'heygen:avatar@5',
	'heygen:video-agent@0',
	'klingai:1@1',
	'klingai:1@2',
	'klingai:2@1',
	'klingai:2@2',
	'klingai:3@1',
	'klingai:3@2',
	'klingai:4@3',
	'klingai:5@1',
	'klingai:5@2',
	'klingai:5@3',
	'klingai:6@0',
	'klingai:6@1',
	'klingai:7@1',
	'klingai:avatar@2.0-pro',
	'klingai:avatar@2.0-standard',
	'klingai:kling-video@2.6-pro',
	'klingai:kling-video@2.6-standard',
	'klingai:kling-video@3-4k',
	'klingai:kling-video@3-pro',
	'klingai:kling-video@3-standard',
	'klingai:kling-video@3.0-turbo',
	'klingai:kling-video@o3-4k',
	'klingai:kling-video@o3-pro',
	'klingai:kling-video@o3-standard',
	'klingai:kling@o1',
	'klingai:kling@o1-standard',
	'lightricks:2@0',
	'lightricks:2@1',
	'lightricks:3@1',
	'lightricks:ltx@2',
	'lightricks:ltx@2.3',
	'lightricks:ltx@2.3-fast',
	'luma:ray@3.2',
	'minimax:1@1',
	'minimax:2@1',
	'minimax:2@3',
	'minimax:3@1',
	'minimax:4@1',
	'minimax:4@2',
	'openai:3@1',
	'openai:3@2',
	'pixverse:1@1',
	'pixverse:1@2',
	'pixverse:1@3',
	'pixverse:1@5',
	'pixverse:1@5-fast',
	'pixverse:1@6',
	'pixverse:1@7',
	'pixverse:1@8',
	'pixverse:lipsync@1',
	'pixverse:modify@0',
	'prunaai:p-video@0',
	'prunaai:p-video@animate',
	'prunaai:p-video@avatar',
	'prunaai:p-video@replace',
	'runware:190@1',
	'runway:1@1',
	'runway:1@2',
	'runway:2@1',
	'runway:aleph@2.0',
	'skywork:skyreels@v4',
	'sync:lipsync-2-pro@1',
	'sync:lipsync-2@1',
	'sync:lipsync@3',
	'sync:react-1@1',
	'veed:fabric@1.0-hosted',
	'vidu:1@0',
	'vidu:1@1',
	'vidu:1@5',
	'vidu:2@0',
	'vidu:3@1',
	'vidu:3@2',
	'vidu:4@1',
	'vidu:4@2',
	'xai:grok-imagine@video',
	'xai:grok-imagine@video-1.5',
];

const KLING_720P = ['1280x720', '720x720', '720x1280'];
const KLING_1080P = ['1920x1080', '1080x1080', '1080x1920'];

const sizes = (air: string) => dimensionChoices(model(air))?.map(formatDimensionPair);

describe('Runware model catalogue', () => {
	it('parses at load and covers every curated model of the registry', () => {
		expect(runwareModels.length).toBeGreaterThanOrEqual(CURATED_AIRS.length);
		const missing = CURATED_AIRS.filter((air) => findRunwareModel(air) === undefined);
		expect(missing).toEqual([]);
	});

	it('keeps legacy models apart from the registry ones', () => {
		const legacy = runwareModels.filter((entry) => entry.legacy).map((entry) => entry.air);
		expect(legacy).toEqual(expect.arrayContaining(['google:2@0', 'google:3@0', 'bytedance:1@1']));
		expect(legacy.filter((air) => CURATED_AIRS.includes(air))).toEqual([]);
	});

	it('has unique AIRs whose prefix is the providerSettings key', () => {
		const airs = runwareModels.map((entry) => entry.air);
		expect(new Set(airs).size).toBe(airs.length);
		for (const entry of runwareModels) expect(entry.air.split(':')[0]).toBe(entry.provider);
	});

	it('finds models by AIR, ignoring surrounding spaces, and not unknown ones', () => {
		expect(findRunwareModel(' klingai:5@2 ')?.name).toBe('KlingAI 2.1 Pro');
		expect(findRunwareModel('klingai:99@9')).toBeUndefined();
	});

	it('names every provider key', () => {
		const keys = runwareProviders.map((provider) => provider.key);
		for (const entry of runwareModels) expect(keys).toContain(entry.provider);
		expect(runwareProviders.find((p) => p.key === 'klingai')?.displayName).toBe('KlingAI');
		expect(runwareProviders.every((p) => p.displayName.length > 0)).toBe(true);
	});

	describe('rejects a bad entry at load', () => {
		const valid: RunwareModelInput = {
			air: 'klingai:5@2',
			name: 'KlingAI 2.1 Pro',
			provider: 'klingai',
			inputShape: 'flat',
		};
		it.each<[string, RunwareModelInput[], RegExp]>([
			['provider not the AIR prefix', [{ ...valid, provider: 'google' }], /klingai:5@2: provider/],
			[
				'default outside the values',
				[{ ...valid, durations: { values: [5, 10], default: 7 } }],
				/durations.*default must be one of the values/,
			],
			['malformed size', [{ ...valid, dimensions: { pairs: ['1280*720'] } }], /WIDTHxHEIGHT/],
			['malformed AIR', [{ ...valid, air: 'klingai-5-2' }], /AIR must read provider:id@version/],
			['unknown field', [{ ...valid, frameCount: 3 } as RunwareModelInput], /Unrecognized key/],
			['duplicate AIR', [valid, valid], /duplicate AIR/],
			[
				'unknown provider setting',
				[{ ...valid, providerSettings: ['sound', 'loudness'] }],
				/unknown klingai field loudness/,
			],
			[
				'size-bound duration the model does not allow',
				[
					{
						...valid,
						durations: { values: [5] },
						dimensions: {
							pairs: ['1280x720'],
							durationsOnlyAt: [{ durations: [10], pairs: ['1280x720'] }],
						},
					},
				],
				/durationsOnlyAt may only name allowed durations/,
			],
			[
				'nested keys on a flat model',
				[{ ...valid, nestedInputKeys: { referenceImages: 'image' } }],
				/nestedInputKeys only applies/,
			],
		])('%s', (_case, entries, message) => {
			expect(() => parseRunwareModels(entries)).toThrow(message);
		});
	});

	describe('capability choices equal the documented facts', () => {
		it('KlingAI 2.1 Pro: 5 or 10 s, 720p and 1080p sets, 24 fps, first + last frame', () => {
			const kling = model('klingai:5@2');
			expect(durationChoices(kling)).toEqual({ values: [5, 10] });
			expect(sizes('klingai:5@2')).toEqual([...KLING_1080P, ...KLING_720P]);
			expect(fpsChoices(kling)).toEqual({ values: [24] });
			expect(kling.frameImages).toBe('first-last');
			expect(maxMediaCount(kling, 'frameImages')).toBe(2);
			expect(kling.CFGScale).toEqual({ min: 0, max: 1, default: 0.5 });
			expect(kling.inputShape).toBe('flat');
		});

		it('KlingAI 2.5 Turbo Standard takes no width/height and needs a frame image', () => {
			const kling = model('klingai:6@0');
			expect(dimensionChoices(kling)).toBeUndefined();
			expect(acceptsField(kling, 'width')).toBe(false);
			expect(acceptsField(kling, 'height')).toBe(false);
			expect(kling.requiredInputs).toEqual([['frameImages']]);
		});

		it('Veo 3.1 Fast: six sizes including 4K, 8 s, resolution instead of width/height', () => {
			const veo = model('google:3@3');
			expect(sizes('google:3@3')).toEqual([
				'1280x720',
				'720x1280',
				'1920x1080',
				'1080x1920',
				'3840x2160',
				'2160x3840',
			]);
			expect(durationChoices(veo)).toEqual({ values: [8] });
			expect(fpsChoices(veo)).toEqual({ values: [24] });
			expect(acceptsField(veo, 'resolution')).toBe(true);
			expect(resolutionChoices(veo)).toBeUndefined();
			expect(veo.inputShape).toBe('nested');
			// generateAudio from the provider page's section (enhancePrompt is always on), resizeMode from the model page.
			expect(acceptedProviderSettings(veo).map((field) => field.name)).toEqual([
				'generateAudio',
				'resizeMode',
			]);
		});

		it('Veo 2: 5 to 8 s (default 5), two sizes, no audio setting', () => {
			const veo = model('google:2@0');
			expect(durationChoices(veo)).toEqual({ values: [5, 6, 7, 8], default: 5 });
			expect(sizes('google:2@0')).toEqual(['1280x720', '720x1280']);
			expect(acceptedProviderSettings(veo).map((field) => field.name)).toEqual(['enhancePrompt']);
		});

		it('Seedance 1.0 Pro Fast: 1.2 to 12 s in 0.1 s steps, first frame only', () => {
			const seedance = model('bytedance:2@2');
			expect(durationChoices(seedance)).toEqual({ min: 1.2, max: 12, step: 0.1, default: 5 });
			expect(sizes('bytedance:2@2')).toHaveLength(14);
			expect(sizes('bytedance:2@2')).toContain('2176x928');
			expect(maxMediaCount(seedance, 'frameImages')).toBe(1);
		});

		it('LTX-2 Pro: no seed, 25 or 50 fps, 6/8/10 s, up to 4K', () => {
			const ltx = model('lightricks:2@0');
			expect(acceptsField(ltx, 'seed')).toBe(false);
			expect(fpsChoices(ltx)).toEqual({ values: [25, 50], default: 25 });
			expect(durationChoices(ltx)).toEqual({ values: [6, 8, 10], default: 6 });
			expect(sizes('lightricks:2@0')).toEqual(['1920x1080', '2560x1440', '3840x2160']);
			expect(acceptedProviderSettings(ltx).map((field) => field.name)).toEqual(['generateAudio']);
		});

		it('PixVerse v4 and v5: 16 or 24 fps, 5 or 8 s, 20 sizes; camera movement on v4 only', () => {
			for (const air of ['pixverse:1@2', 'pixverse:1@5']) {
				expect(fpsChoices(model(air))).toEqual({ values: [16, 24], default: 16 });
				expect(durationChoices(model(air))).toEqual({ values: [5, 8], default: 5 });
				expect(sizes(air)).toHaveLength(20);
			}
			const settingsOf = (air: string) =>
				acceptedProviderSettings(model(air)).map((field) => field.name);
			expect(settingsOf('pixverse:1@2')).toContain('cameraMovement');
			expect(settingsOf('pixverse:1@5')).not.toContain('cameraMovement');
			expect(settingsOf('pixverse:1@5')).toContain('effect');
			expect(sizes('pixverse:1@1')).toContain('810x1080');
			expect(sizes('pixverse:1@2')).toContain('1080x1440');
		});

		it('PixVerse LipSync: one video, one audio or speech with 15 voices', () => {
			const lipsync = model('pixverse:lipsync@1');
			expect(maxMediaCount(lipsync, 'referenceVideos')).toBe(1);
			expect(maxMediaCount(lipsync, 'inputAudios')).toBe(1);
			expect(lipsync.speech && lipsync.speech.voices).toHaveLength(15);
			expect(lipsync.speech && lipsync.speech.maxTextLength).toBe(200);
			expect(acceptsField(lipsync, 'frameImages')).toBe(false);
		});

		it('Vidu Q2 Pro: 1 to 8 s (default 5), 20 sizes, up to 7 reference images', () => {
			const vidu = model('vidu:3@1');
			expect(durationChoices(vidu)).toEqual({ min: 1, max: 8, step: 1, default: 5 });
			expect(sizes('vidu:3@1')).toHaveLength(20);
			expect(maxMediaCount(vidu, 'referenceImages')).toBe(7);
		});

		it('Hailuo 02: 6 or 10 s, 10 s at 768p only', () => {
			const hailuo = model('minimax:3@1');
			expect(durationChoices(hailuo)).toEqual({ values: [6, 10], default: 6 });
			expect(sizes('minimax:3@1')).toEqual(['1366x768', '1920x1080']);
			expect(fpsChoices(hailuo)).toEqual({ values: [25] });
		});

		it('Sora 2 Pro: 4, 8 or 12 s and four sizes', () => {
			expect(durationChoices(model('openai:3@2'))).toEqual({ values: [4, 8, 12] });
			expect(sizes('openai:3@2')).toEqual(['1280x720', '720x1280', '1792x1024', '1024x1792']);
		});

		it('OmniHuman 1.5 takes its portrait in inputs.image and no frame image', () => {
			const omni = model('bytedance:5@2');
			expect(omni.inputShape).toBe('nested');
			expect(omni.nestedInputKeys).toEqual({ referenceImages: 'image' });
			expect(acceptsField(omni, 'frameImages')).toBe(false);
			expect(maxMediaCount(omni, 'referenceImages')).toBe(1);
		});

		it('models without documented facts leave every field open', () => {
			const bare = model('alibaba:happyhorse@1.0');
			expect(bare.inputShape).toBe('nested');
			expect(durationChoices(bare)).toBeUndefined();
			expect(dimensionChoices(bare)).toBeUndefined();
			expect(fpsChoices(bare)).toBeUndefined();
			for (const field of ['seed', 'width', 'duration', 'frameImages', 'steps'] as const) {
				expect(acceptsField(bare, field)).toBe(true);
			}
			expect(maxMediaCount(bare, 'referenceImages')).toBeUndefined();
			expect(acceptedProviderSettings(bare).map((field) => field.name)).toEqual([
				'promptEnhancer',
				'promptExtend',
				'audio',
				'shotType',
			]);
		});
	});

	describe('providerSettingsFields', () => {
		it('describes the seed providers and the pixverse effect/camera exclusivity', () => {
			for (const provider of [
				'google',
				'bytedance',
				'klingai',
				'minimax',
				'pixverse',
				'vidu',
			] as const) {
				expect(providerSettingsFields[provider]?.length).toBeGreaterThan(0);
			}
			const pixverse = providerSettingsFields.pixverse ?? [];
			const effect = pixverse.find((field) => field.name === 'effect');
			const camera = pixverse.find((field) => field.name === 'cameraMovement');
			expect(effect?.options).toHaveLength(20);
			expect(effect?.exclusiveWith).toEqual(['cameraMovement']);
			expect(camera?.options).toHaveLength(21);
			expect(camera?.exclusiveWith).toEqual(['effect']);
		});

		it('gives types, allowed values and defaults', () => {
			const google = providerSettingsFields.google ?? [];
			expect(google.find((field) => field.name === 'generateAudio')).toMatchObject({
				type: 'boolean',
				default: false,
			});
			expect(google.find((field) => field.name === 'resizeMode')).toMatchObject({
				type: 'options',
				options: ['crop', 'pad'],
				requiresFrameImages: true,
			});
			const vidu = providerSettingsFields.vidu ?? [];
			expect(vidu.find((field) => field.name === 'bgm')?.onlyForDurations).toEqual([4]);
			expect(vidu.find((field) => field.name === 'style')?.textToVideoOnly).toBe(true);
			expect(providerSettingsFields.minimax?.map((field) => field.name)).toEqual([
				'promptOptimizer',
			]);
		});
	});
});
