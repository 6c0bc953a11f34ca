import {
	findRunwareModel,
	parseRunwareModels,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
import {
	binaryMediaPlaceholder,
	type RunwareVideoRequest,
} from '../../../nodes/shared/providers/runware/body';
import {
	validateRunwareVideoRequest,
	type RunwareValidationIssue,
} from '../../../nodes/shared/providers/runware/validation';
import { model } from './model';

const UNKNOWN_AIR = 'someone:1@1';
const PROMPT = 'a calm lake at dawn, mist rising';
const IMAGE = 'c64351d5-4c59-42f7-95e1-eace013eddab';

/** A duration the model offers (5 s, inside the API document's 1–10 s, for a model nobody describes). */
function offeredDuration(found: RunwareModel | undefined): number {
	const durations = found?.durations;
	if (!durations) return 5;
	return durations.default ?? ('values' in durations ? durations.values[0] : durations.min);
}

/**
 * Validates `request` with the fields the seed requires of every request (prompt, duration) unless it
 * sets them or the model does not take them.
 */
function validate(request: Partial<RunwareVideoRequest>, air = UNKNOWN_AIR) {
	const found = findRunwareModel(air);
	const full: RunwareVideoRequest = {
		model: air,
		...(found?.prompt === false ? {} : { positivePrompt: PROMPT }),
		...(found?.durations === false ? {} : { duration: offeredDuration(found) }),
		...request,
	};
	return validateRunwareVideoRequest(full, found);
}

const fieldsOf = (issues: RunwareValidationIssue[]) => issues.map((issue) => issue.field);

describe('validateRunwareVideoRequest', () => {
	describe('without a catalogued model: the seed ranges', () => {
		it('accepts a minimal request and unknown provider settings', () => {
			expect(validate({})).toEqual([]);
			expect(validate({ positivePrompt: PROMPT, providerSettings: { foo: { bar: 1 } } })).toEqual(
				[],
			);
		});

		it.each<[keyof RunwareVideoRequest, unknown[], unknown[], string]>([
			['outputQuality', [20, 95, 99], [19, 100], 'allowed from 20 to 99'],
			['numberResults', [1, 4], [0, 5], 'allowed from 1 to 4'],
			['fps', [15, 24, 60], [14, 61], 'allowed from 15 to 60'],
			['steps', [10, 50], [9, 51], 'allowed from 10 to 50'],
			['CFGScale', [0, 7.5, 50], [-0.1, 50.5], 'allowed from 0 to 50'],
			['seed', [1, Number.MAX_SAFE_INTEGER], [0, 2 ** 53], 'allowed from 1 to 9007199254740991'],
			['ttl', [60, 3600], [59], 'allowed at least 60'],
			['duration', [1, 2.5, 10], [0.5, 11], 'allowed from 1 to 10'],
			['width', [256, 1280, 1920], [248, 1928], 'allowed from 256 to 1920'],
			['height', [256, 720, 1080], [248, 1088], 'allowed from 256 to 1080'],
			['outputFormat', ['MP4', 'WEBM', 'MOV'], ['GIF'], 'allowed MP4, WEBM, MOV'],
			['outputType', ['URL'], ['base64Data'], 'allowed URL'],
			['acceleration', ['none', 'high'], ['turbo'], 'allowed none, low, medium, high'],
		])('%s', (field, valid, invalid, allowed) => {
			for (const value of valid) expect(validate({ [field]: value })).toEqual([]);
			for (const value of invalid) {
				const issues = validate({ [field]: value });
				expect(issues).toHaveLength(1);
				expect(issues[0]).toMatchObject({ field, value });
				expect(issues[0].message).toMatch(new RegExp(`^${field} .*: ${allowed}$`));
			}
		});

		it.each(['outputQuality', 'numberResults', 'seed', 'fps', 'steps', 'ttl', 'width'] as const)(
			'requires %s to be an integer',
			(field) => {
				expect(validate({ [field]: 100.5 })).toEqual([
					{ field, value: 100.5, message: `${field} 100.5 must be an integer` },
				]);
			},
		);

		it('rejects values of the wrong type', () => {
			expect(validate({ duration: '5' as unknown as number })).toEqual([
				{ field: 'duration', value: '5', message: 'duration "5" must be a number' },
			]);
		});

		it('requires width and height to be multiples of 8', () => {
			expect(validate({ width: 1001, height: 300 })).toEqual([
				{ field: 'width', value: 1001, message: 'width 1001 must be a multiple of 8' },
				{ field: 'height', value: 300, message: 'height 300 must be a multiple of 8' },
			]);
		});

		it('checks the prompt minimum of 2 characters', () => {
			expect(validate({ positivePrompt: 'ok' })).toEqual([]);
			expect(validate({ positivePrompt: 'a' })).toEqual([
				{
					field: 'positivePrompt',
					value: 'a',
					message: 'positivePrompt has 1 character: allowed at least 2 characters',
				},
			]);
		});

		it('rejects an AIR that is not provider:id@version', () => {
			expect(validate({}, 'klingai5')).toEqual([
				{
					field: 'model',
					value: 'klingai5',
					message: 'model "klingai5" is not an AIR identifier: expected provider:id@version',
				},
			]);
		});

		it('checks safety mode, speech and lora entries', () => {
			expect(validate({ safety: { checkContent: true, mode: 'full' } })).toEqual([]);
			expect(fieldsOf(validate({ safety: { mode: 'strict' as 'full' } }))).toEqual(['safety.mode']);
			expect(fieldsOf(validate({ speech: { voice: 'Emily' } }))).toEqual(['speech.text']);
			expect(fieldsOf(validate({ lora: [{ model: '', weight: 0.8 }] }))).toEqual(['lora[0].model']);
		});

		it('never echoes webhook or upload URLs, which may carry tokens', () => {
			const secret = 'ftp://hooks.example.com/runware?token=s3cr3t';
			const issues = validate({ webhookURL: secret, uploadEndpoint: 'not a url' });
			expect(issues).toEqual([
				{
					field: 'webhookURL',
					value: undefined,
					message: 'webhookURL must be an http:// or https:// URL',
				},
				{
					field: 'uploadEndpoint',
					value: undefined,
					message: 'uploadEndpoint must be an http:// or https:// URL',
				},
			]);
			expect(validate({ webhookURL: 'https://hooks.example.com/runware?token=s3cr3t' })).toEqual(
				[],
			);
		});

		it('checks frame positions against duration × fps (seed default 24 fps)', () => {
			const frames = (frame: number | string) => [{ image: IMAGE, frame: frame as 'first' }];
			expect(validate({ duration: 5, frameImages: frames(119) })).toEqual([]);
			expect(
				validate({ duration: 5, frameImages: [{ image: IMAGE }, { image: IMAGE, frame: 'last' }] }),
			).toEqual([]);
			expect(validate({ duration: 5, frameImages: frames(120) })).toEqual([
				{
					field: 'frameImages[0].frame',
					value: 120,
					message:
						'frameImages[0].frame 120 is beyond the last frame: allowed 0 to 119 (duration 5 s × 24 fps)',
				},
			]);
			expect(validate({ duration: 5, fps: 30, frameImages: frames(149) })).toEqual([]);
			for (const bad of [-1, 1.5, 'middle']) {
				expect(validate({ frameImages: frames(bad) })[0].message).toContain(
					'allowed first, last or a frame number from 0',
				);
			}
			expect(fieldsOf(validate({ frameImages: [{ image: ' ' }] }))).toEqual([
				'frameImages[0].image',
			]);
		});

		it('requires media entries to be non-empty text', () => {
			expect(fieldsOf(validate({ referenceImages: ['https://x.test/a.png', ''] }))).toEqual([]);
			expect(fieldsOf(validate({ referenceVideos: [' '] as string[] }))).toEqual([
				'referenceVideos[0]',
			]);
		});

		it('takes media as a UUID, an http(s) URL, a data URI of the right kind, base64 or a file placeholder', () => {
			const good = [
				IMAGE,
				'https://x.test/a.png',
				'data:image/jpg;base64,iVBORw0KGgo=',
				'iVBORw0KGgo=',
				binaryMediaPlaceholder('photo'),
			];
			expect(
				validate({ referenceImages: good, frameImages: good.map((image) => ({ image })) }),
			).toEqual([]);
			const bad: unknown[] = ['my photo.png', 'ftp://x.test/a.png', 'photo.png', 42];
			expect(validate({ referenceImages: bad as string[] })).toEqual(
				bad.map((value, index) => ({
					field: `referenceImages[${index}]`,
					value,
					message: `referenceImages[${index}] ${JSON.stringify(value)} must be a UUID, URL, data URI or base64 text`,
				})),
			);
			expect(validate({ referenceVideos: ['data:application/pdf;base64,JVBERi0='] })).toEqual([
				{
					field: 'referenceVideos[0]',
					value: 'application/pdf',
					message:
						'referenceVideos[0] is a data URI of type application/pdf: referenceVideos takes video/mp4, video/quicktime, video/webm',
				},
			]);
		});

		it('does not require a prompt, as unknown models may be lip-sync models', () => {
			expect(validate({ referenceVideos: ['v'], inputAudios: ['a'] })).toEqual([]);
		});
	});

	describe('with a catalogued model: its capabilities', () => {
		const kling21Pro = { positivePrompt: PROMPT, frameImages: [{ image: IMAGE }] };

		it('accepts complete valid requests', () => {
			const valid: Array<[string, Partial<RunwareVideoRequest>]> = [
				[
					'klingai:5@2',
					{ ...kling21Pro, duration: 10, width: 1920, height: 1080, fps: 24, CFGScale: 0.5 },
				],
				['minimax:3@1', { positivePrompt: PROMPT, duration: 10, width: 1366, height: 768 }],
				// "MiniMax": MiniMax's prompt is optional with frame images.
				['minimax:2@3', { positivePrompt: undefined, frameImages: [{ image: IMAGE }] }],
				// "ByteDance": OmniHuman-1's duration is audio-driven.
				['bytedance:5@1', { duration: undefined, referenceImages: [IMAGE], inputAudios: [IMAGE] }],
				['bytedance:2@2', { positivePrompt: PROMPT, duration: 3.3, width: 2176, height: 928 }],
				[
					'lightricks:2@0',
					{ positivePrompt: PROMPT, width: 3840, height: 2160, fps: 50, duration: 10 },
				],
				// Sora 2's documented prompt minimum is 1 character.
				['openai:3@1', { positivePrompt: 'x', duration: 12 }],
				['vidu:1@5', { positivePrompt: PROMPT, duration: 8, width: 1280, height: 720 }],
				['vidu:3@1', { positivePrompt: PROMPT, frameImages: [{ image: IMAGE }], duration: 7 }],
				['klingai:kling-video@3-pro', { positivePrompt: PROMPT, width: 1440, height: 1440 }],
				['klingai:kling-video@3-pro', { positivePrompt: PROMPT, frameImages: [{ image: IMAGE }] }],
				['google:3@3', { positivePrompt: PROMPT, resolution: '1080p' }],
				[
					'bytedance:seedance@2.0',
					{ positivePrompt: PROMPT, duration: 15, width: 3840, height: 2160 },
				],
				[
					'pixverse:lipsync@1',
					{ referenceVideos: ['v'], speech: { voice: 'Emily', text: 'Hello there' } },
				],
				[
					'pixverse:1@5',
					{
						positivePrompt: PROMPT,
						providerSettings: { pixverse: { effect: 'kiss kiss', style: 'anime' } },
					},
				],
				[
					'google:3@3',
					{
						positivePrompt: PROMPT,
						frameImages: [{ image: IMAGE, frame: 'first' }],
						providerSettings: { google: { resizeMode: 'pad', generateAudio: true } },
					},
				],
			];
			for (const [air, request] of valid) expect([air, validate(request, air)]).toEqual([air, []]);
		});

		it("accepts the API document's own example request", () => {
			const seedExample: RunwareVideoRequest = {
				model: 'klingai:3@2',
				positivePrompt: 'smooth animation, natural movement, cinematic quality',
				duration: 10,
				width: 1920,
				height: 1080,
				frameImages: [
					{ image: 'c64351d5-4c59-42f7-95e1-eace013eddab', frame: 'first' },
					{ image: 'd7e8f9a0-2b5c-4e7f-a1d3-9c8b7a6e5d4f', frame: 'last' },
				],
				numberResults: 1,
			};
			expect(validateRunwareVideoRequest(seedExample, model('klingai:3@2'))).toEqual([]);
		});

		it.each<[string, string, Partial<RunwareVideoRequest>, RunwareValidationIssue]>([
			[
				'duration from a list',
				'klingai:5@2',
				{ ...kling21Pro, duration: 7 },
				{
					field: 'duration',
					value: 7,
					message: 'duration 7 is not supported by KlingAI 2.1 Pro (klingai:5@2): allowed 5, 10',
				},
			],
			[
				'duration off the 0.1 s step',
				'bytedance:2@2',
				{ positivePrompt: PROMPT, duration: 3.25 },
				{
					field: 'duration',
					value: 3.25,
					message:
						'duration 3.25 is not supported by ByteDance Seedance 1.0 Pro Fast (bytedance:2@2): allowed from 1.2 to 12 in steps of 0.1',
				},
			],
			[
				'size not in the list',
				'klingai:5@1',
				{ ...kling21Pro, width: 1920, height: 1080 },
				{
					field: 'width',
					value: '1920x1080',
					message:
						'size 1920x1080 is not supported by KlingAI 2.1 Standard (klingai:5@1): allowed 1280x720, 720x720, 720x1280',
				},
			],
			[
				'width without height',
				'openai:3@1',
				{ positivePrompt: PROMPT, width: 1280 },
				{
					field: 'height',
					value: undefined,
					message: 'width and height must be set together for OpenAI Sora 2 (openai:3@1)',
				},
			],
			[
				'duration allowed at other sizes only',
				'vidu:1@5',
				{ positivePrompt: PROMPT, duration: 8, width: 1920, height: 1080 },
				{
					field: 'duration',
					value: 8,
					message:
						'duration 8 is not supported by Vidu 1.5 (vidu:1@5) at 1920x1080: allowed only at 1280x720, 720x720, 720x1280',
				},
			],
			[
				'size with frame images where the frame decides it',
				'vidu:3@1',
				{ positivePrompt: PROMPT, frameImages: [{ image: IMAGE }], width: 1280, height: 720 },
				{
					field: 'width',
					value: 1280,
					message:
						'width and height must not be sent to Vidu Q2 Pro (vidu:3@1) with frame images: the size comes from the first frame',
				},
			],
			[
				'size required',
				'vidu:4@2',
				{ positivePrompt: PROMPT },
				{
					field: 'width',
					value: undefined,
					message: 'width and height are required by Vidu Q3 Turbo (vidu:4@2)',
				},
			],
			[
				'size required without frame images',
				'google:3@3',
				{ positivePrompt: PROMPT },
				{
					field: 'width',
					value: undefined,
					message:
						'width and height (or a resolution) are required by Google Veo 3.1 Fast (google:3@3) when no frame image is given',
				},
			],
			[
				'fps from a list',
				'klingai:5@2',
				{ ...kling21Pro, fps: 30 },
				{
					field: 'fps',
					value: 30,
					message: 'fps 30 is not supported by KlingAI 2.1 Pro (klingai:5@2): allowed 24',
				},
			],
			[
				'CFGScale of the model',
				'klingai:5@2',
				{ ...kling21Pro, CFGScale: 7 },
				{
					field: 'CFGScale',
					value: 7,
					message:
						'CFGScale 7 is not supported by KlingAI 2.1 Pro (klingai:5@2): allowed from 0 to 1',
				},
			],
			[
				'prompt longer than the model allows',
				'klingai:5@2',
				{ ...kling21Pro, positivePrompt: 'x'.repeat(2501) },
				{
					field: 'positivePrompt',
					value: 'x'.repeat(2501),
					message:
						'positivePrompt has 2501 characters: allowed from 2 to 2500 characters for KlingAI 2.1 Pro (klingai:5@2)',
				},
			],
			[
				'negative prompt too short',
				'pixverse:1@2',
				{ positivePrompt: PROMPT, negativePrompt: 'x' },
				{
					field: 'negativePrompt',
					value: 'x',
					message:
						'negativePrompt has 1 character: allowed from 2 to 2048 characters for PixVerse v4 (pixverse:1@2)',
				},
			],
			[
				'prompt required (by the seed, for every model)',
				'klingai:5@3',
				{ positivePrompt: undefined },
				{
					field: 'positivePrompt',
					value: undefined,
					message: 'positivePrompt is required: text of at least 2 characters',
				},
			],
			[
				'prompt required with frame images by a model no document exempts',
				'klingai:5@3',
				{ positivePrompt: '', frameImages: [{ image: IMAGE }] },
				{
					field: 'positivePrompt',
					value: undefined,
					message: 'positivePrompt is required: text of at least 2 characters',
				},
			],
			[
				'prompt required without a frame image by a model exempt only with one',
				'minimax:2@1',
				{ positivePrompt: undefined },
				{
					field: 'positivePrompt',
					value: undefined,
					message: 'positivePrompt is required (or a frame image): text of at least 2 characters',
				},
			],
			[
				'prompt below the seed minimum for a model nobody describes',
				UNKNOWN_AIR,
				{ positivePrompt: 'x' },
				{
					field: 'positivePrompt',
					value: 'x',
					message: 'positivePrompt has 1 character: allowed at least 2 characters',
				},
			],
			[
				'duration required (by the seed, for every model)',
				'minimax:2@1',
				{ duration: undefined },
				{
					field: 'duration',
					value: undefined,
					message: 'duration is required: allowed 6 (seconds)',
				},
			],
			[
				'duration required for a model nobody describes, within the seed range',
				UNKNOWN_AIR,
				{ duration: undefined },
				{
					field: 'duration',
					value: undefined,
					message: 'duration is required: allowed from 1 to 10 (seconds)',
				},
			],
			[
				'image-to-video only',
				'klingai:5@1',
				{ positivePrompt: PROMPT },
				{
					field: 'frameImages',
					value: undefined,
					message: 'KlingAI 2.1 Standard (klingai:5@1) requires frameImages',
				},
			],
			[
				'audio or speech required',
				'pixverse:lipsync@1',
				{ referenceVideos: ['v'] },
				{
					field: 'inputAudios',
					value: undefined,
					message: 'PixVerse LipSync (pixverse:lipsync@1) requires inputAudios or speech',
				},
			],
			[
				'too many frame images',
				'klingai:5@1',
				{ positivePrompt: PROMPT, frameImages: [{ image: IMAGE }, { image: IMAGE }] },
				{
					field: 'frameImages',
					value: 2,
					message: 'frameImages has 2 items: KlingAI 2.1 Standard (klingai:5@1) accepts at most 1',
				},
			],
			[
				'last frame on a first-frame model',
				'klingai:5@1',
				{ positivePrompt: PROMPT, frameImages: [{ image: IMAGE, frame: 'last' }] },
				{
					field: 'frameImages[0].frame',
					value: 'last',
					message:
						'frameImages[0].frame "last" is not supported by KlingAI 2.1 Standard (klingai:5@1): allowed first',
				},
			],
			[
				'two images on the first frame',
				'klingai:5@2',
				{
					positivePrompt: PROMPT,
					frameImages: [
						{ image: IMAGE, frame: 0 },
						{ image: IMAGE, frame: 'first' },
					],
				},
				{
					field: 'frameImages[1].frame',
					value: 'first',
					message: 'frameImages[1].frame: two frame images are placed at the first frame',
				},
			],
			[
				'too many reference images',
				'minimax:1@1',
				{ positivePrompt: PROMPT, referenceImages: ['a', 'b'] },
				{
					field: 'referenceImages',
					value: 2,
					message:
						'referenceImages has 2 items: MiniMax Video-01 Base (minimax:1@1) accepts at most 1',
				},
			],
			[
				'frame images on a model that takes none',
				'bytedance:5@2',
				{ referenceImages: ['portrait'], frameImages: [{ image: IMAGE }] },
				{
					field: 'frameImages',
					value: [{ image: IMAGE }],
					message: 'frameImages is not accepted by ByteDance OmniHuman 1.5 (bytedance:5@2)',
				},
			],
			[
				'seed on LTX-2',
				'lightricks:2@0',
				{ positivePrompt: PROMPT, seed: 42 },
				{
					field: 'seed',
					value: 42,
					message: 'seed is not accepted by Lightricks LTX-2 Pro (lightricks:2@0)',
				},
			],
			[
				'unknown voice',
				'pixverse:lipsync@1',
				{ referenceVideos: ['v'], speech: { voice: 'Bob', text: 'Hi there' } },
				{
					field: 'speech.voice',
					value: 'Bob',
					message: expect.stringMatching(
						/^speech.voice "Bob" is not supported by PixVerse LipSync \(pixverse:lipsync@1\): allowed Emily, James, .*, auto$/,
					) as string,
				},
			],
			[
				'speech text too long',
				'pixverse:lipsync@1',
				{ referenceVideos: ['v'], speech: { voice: 'Emily', text: 'y'.repeat(201) } },
				{
					field: 'speech.text',
					value: 'y'.repeat(201),
					message:
						'speech.text has 201 characters: allowed at most 200 characters for PixVerse LipSync (pixverse:lipsync@1)',
				},
			],
			[
				'audio and speech together',
				'pixverse:lipsync@1',
				{
					referenceVideos: ['v'],
					inputAudios: ['a'],
					speech: { voice: 'Emily', text: 'Hi there' },
				},
				{
					field: 'speech',
					value: { voice: 'Emily', text: 'Hi there' },
					message:
						'inputAudios and speech cannot be used together with PixVerse LipSync (pixverse:lipsync@1)',
				},
			],
			[
				'reference videos with provider settings on O3',
				'klingai:kling-video@o3-pro',
				{
					positivePrompt: PROMPT,
					width: 1920,
					height: 1080,
					referenceVideos: ['v'],
					referenceImages: ['i'],
					providerSettings: { klingai: { sound: true } },
				},
				{
					field: 'providerSettings',
					value: { klingai: { sound: true } },
					message:
						'referenceVideos and providerSettings cannot be used together with KlingAI VIDEO O3 Pro (klingai:kling-video@o3-pro)',
				},
			],
			[
				'provider settings without reference images on VIDEO 3.0',
				'klingai:kling-video@3-pro',
				{
					positivePrompt: PROMPT,
					width: 1920,
					height: 1080,
					providerSettings: { klingai: { sound: true } },
				},
				{
					field: 'providerSettings',
					value: { klingai: { sound: true } },
					message:
						'providerSettings is only accepted together with referenceImages by KlingAI VIDEO 3.0 Pro (klingai:kling-video@3-pro)',
				},
			],
			[
				'more than 4 reference images with a reference video on O3',
				'klingai:kling-video@o3-standard',
				{
					positivePrompt: PROMPT,
					width: 1280,
					height: 720,
					referenceVideos: ['v'],
					referenceImages: ['1', '2', '3', '4', '5'],
				},
				{
					field: 'referenceImages',
					value: 5,
					message:
						'referenceImages has 5 items: KlingAI VIDEO O3 Standard (klingai:kling-video@o3-standard) accepts at most 4 together with referenceVideos',
				},
			],
			[
				'generic fps range where the model says nothing',
				'alibaba:happyhorse@1.0',
				{ fps: 61 },
				{ field: 'fps', value: 61, message: 'fps 61 is out of range: allowed from 15 to 60' },
			],
			[
				'frame beyond duration × fps where the model says nothing',
				'alibaba:happyhorse@1.0',
				{ duration: 5, fps: 30, frameImages: [{ image: IMAGE, frame: 150 }] },
				{
					field: 'frameImages[0].frame',
					value: 150,
					message:
						'frameImages[0].frame 150 is beyond the last frame: allowed 0 to 149 (duration 5 s × 30 fps)',
				},
			],
		])('%s', (_case, air, request, expected) => {
			expect(validate(request, air)).toEqual([expected]);
		});

		it('reports each of width and height', () => {
			expect(validate({ ...kling21Pro, width: 1280, height: 720 }, 'klingai:6@0')).toEqual([
				{
					field: 'width',
					value: 1280,
					message: 'width is not accepted by KlingAI 2.5 Turbo Standard (klingai:6@0)',
				},
				{
					field: 'height',
					value: 720,
					message: 'height is not accepted by KlingAI 2.5 Turbo Standard (klingai:6@0)',
				},
			]);
			const both = { positivePrompt: PROMPT, resolution: '1080p', width: 1920, height: 1080 };
			expect(validate(both, 'google:3@3').map((issue) => issue.message)).toEqual([
				'resolution and width cannot be used together with Google Veo 3.1 Fast (google:3@3)',
				'resolution and height cannot be used together with Google Veo 3.1 Fast (google:3@3)',
			]);
		});

		it('only requires a positive duration and size where the model lists none', () => {
			expect(validate({ duration: 0, width: 0, height: 720 }, 'alibaba:happyhorse@1.0')).toEqual([
				{
					field: 'duration',
					value: 0,
					message: 'duration 0 is out of range: allowed greater than 0',
				},
				{ field: 'width', value: 0, message: 'width 0 is out of range: allowed at least 1' },
			]);
		});

		it('checks resolution and steps against a model that lists them', () => {
			const [custom] = parseRunwareModels([
				{
					air: 'runware:999@1',
					name: 'Test Model',
					provider: 'runware',
					inputShape: 'nested',
					resolutions: { values: ['720p', '1080p'] },
					steps: { min: 4, max: 8 },
				},
			]);
			const request = { model: 'runware:999@1', positivePrompt: PROMPT, duration: 5 };
			expect(
				validateRunwareVideoRequest({ ...request, resolution: '1080p', steps: 4 }, custom),
			).toEqual([]);
			expect(
				validateRunwareVideoRequest({ ...request, resolution: '4k', steps: 9 }, custom),
			).toEqual([
				{
					field: 'steps',
					value: 9,
					message: 'steps 9 is not supported by Test Model (runware:999@1): allowed from 4 to 8',
				},
				{
					field: 'resolution',
					value: '4k',
					message:
						'resolution "4k" is not supported by Test Model (runware:999@1): allowed 720p, 1080p',
				},
			]);
		});

		describe('providerSettings', () => {
			const pixverse = (settings: Record<string, unknown>, air = 'pixverse:1@2') =>
				validate({ positivePrompt: PROMPT, providerSettings: { pixverse: settings } }, air);

			it.each<[string, Record<string, unknown>, string, RunwareValidationIssue]>([
				[
					'another provider',
					{ google: { generateAudio: true } },
					'pixverse:1@2',
					{
						field: 'providerSettings.google',
						value: { generateAudio: true },
						message:
							'providerSettings.google is not accepted by PixVerse v4 (pixverse:1@2): its provider settings go in providerSettings.pixverse',
					},
				],
				[
					'a field the provider does not have',
					{ pixverse: { loudness: 3 } },
					'pixverse:1@2',
					{
						field: 'providerSettings.pixverse.loudness',
						value: 3,
						message: expect.stringMatching(
							/^providerSettings.pixverse.loudness is not a PixVerse setting: allowed style, effect, cameraMovement, /,
						) as string,
					},
				],
				[
					'a field this model does not take',
					{ pixverse: { cameraMovement: 'zoom_in' } },
					'pixverse:1@5',
					{
						field: 'providerSettings.pixverse.cameraMovement',
						value: 'zoom_in',
						message: expect.stringMatching(
							/^providerSettings.pixverse.cameraMovement is not accepted by PixVerse v5 \(pixverse:1@5\): allowed style, effect, motionMode/,
						) as string,
					},
				],
				[
					'a value outside the options',
					{ pixverse: { style: 'watercolor' } },
					'pixverse:1@2',
					{
						field: 'providerSettings.pixverse.style',
						value: 'watercolor',
						message:
							'providerSettings.pixverse.style "watercolor" is not valid: allowed anime, 3d_animation, clay, comic, cyberpunk',
					},
				],
				[
					'effect and camera movement together',
					{ pixverse: { effect: 'kiss kiss', cameraMovement: 'zoom_in' } },
					'pixverse:1@2',
					{
						field: 'providerSettings.pixverse.cameraMovement',
						value: 'zoom_in',
						message:
							'providerSettings.pixverse.cameraMovement and providerSettings.pixverse.effect cannot be used together',
					},
				],
				[
					'text shorter than allowed',
					{ pixverse: { soundEffectContent: 'x' } },
					'pixverse:1@7',
					{
						field: 'providerSettings.pixverse.soundEffectContent',
						value: 'x',
						message:
							'providerSettings.pixverse.soundEffectContent has 1 character: allowed from 2 to 2048 characters for PixVerse v5.6 (pixverse:1@7)',
					},
				],
				[
					'a boolean of the wrong type',
					{ minimax: { promptOptimizer: 'yes' } },
					'minimax:3@1',
					{
						field: 'providerSettings.minimax.promptOptimizer',
						value: 'yes',
						message: 'providerSettings.minimax.promptOptimizer must be true or false',
					},
				],
				[
					'a number out of range',
					{ google: { searchLatitude: 91 } },
					'google:veo@3.1-lite',
					{
						field: 'providerSettings.google.searchLatitude',
						value: 91,
						message:
							'providerSettings.google.searchLatitude 91 is out of range: allowed from -90 to 90',
					},
				],
				[
					'a setting that needs a frame image',
					{ google: { resizeMode: 'crop' } },
					'google:3@3',
					{
						field: 'providerSettings.google.resizeMode',
						value: 'crop',
						message: 'providerSettings.google.resizeMode needs at least one frame image',
					},
				],
			])('%s', (_case, providerSettings, air, expected) => {
				const request: Partial<RunwareVideoRequest> = {
					positivePrompt: PROMPT,
					providerSettings: providerSettings as RunwareVideoRequest['providerSettings'],
				};
				if (air === 'google:3@3') Object.assign(request, { width: 1280, height: 720 });
				expect(validate(request, air)).toEqual([expected]);
			});

			it('accepts the provider settings a model takes', () => {
				expect(pixverse({ cameraMovement: 'zoom_in', motionMode: 'fast' })).toEqual([]);
			});

			it('checks duration- and mode-bound Vidu settings', () => {
				const vidu = (request: Partial<RunwareVideoRequest>) =>
					validate({ positivePrompt: PROMPT, width: 1280, height: 720, ...request }, 'vidu:1@5');
				expect(
					vidu({ duration: 4, providerSettings: { vidu: { bgm: true, style: 'anime' } } }),
				).toEqual([]);
				expect(vidu({ duration: 8, providerSettings: { vidu: { bgm: true } } })).toEqual([
					{
						field: 'providerSettings.vidu.bgm',
						value: true,
						message: 'providerSettings.vidu.bgm only works with duration 4; duration is 8',
					},
				]);
				expect(
					vidu({
						duration: 4,
						width: undefined,
						height: undefined,
						frameImages: [{ image: IMAGE }],
						providerSettings: { vidu: { style: 'anime' } },
					}),
				).toEqual([
					{
						field: 'providerSettings.vidu.style',
						value: 'anime',
						message:
							'providerSettings.vidu.style only works for text-to-video: remove the frame images or this setting',
					},
				]);
			});
		});
	});
});
