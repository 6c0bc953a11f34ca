import type { IDataObject } from 'n8n-workflow';

import { model, setup, videoRun, type Setup } from './setup';

const url = (name: string) => `https://example.com/${name}.png`;
const frames = (...entries: IDataObject[]) => ({
	frameImages: { frameImage: entries.map((entry) => ({ source: 'text', ...entry })) },
});
const prompt = 'A koi pond in the rain, slow motion';

interface Case {
	title: string;
	air: string;
	parameters: IDataObject;
	/** The message names the field, the value and what is allowed. */
	message: string;
}

const cases: Case[] = [
	{
		title: 'model that is not an AIR',
		air: 'kling 2.1',
		parameters: {},
		message: 'model "kling 2.1" is not an AIR identifier: expected provider:id@version',
	},
	{
		title: 'prompt below the model minimum',
		air: 'klingai:5@3',
		parameters: { positivePrompt: 'a' },
		message: 'positivePrompt has 1 character: allowed from 2 to 2500 characters',
	},
	{
		title: 'prompt above the model maximum',
		air: 'minimax:2@1',
		parameters: { positivePrompt: 'x'.repeat(2001) },
		message: 'positivePrompt has 2001 characters: allowed from 2 to 2000 characters',
	},
	{
		title: 'missing prompt, which the seed requires for every model',
		air: 'klingai:5@3',
		parameters: { positivePrompt: '' },
		message: 'positivePrompt is required: text of at least 2 characters',
	},
	{
		title: 'negative prompt below the model minimum',
		air: 'klingai:5@3',
		parameters: { options: { negativePrompt: 'x' } },
		message: 'negativePrompt has 1 character: allowed from 2 to 2500 characters',
	},
	{
		title: 'duration the model does not offer',
		air: 'klingai:5@3',
		parameters: { duration: 7 },
		message: 'duration 7 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed 5, 10',
	},
	{
		title: 'duration off the step of a range',
		air: 'bytedance:2@2',
		parameters: { duration: 3.75 },
		message:
			'duration 3.75 is not supported by ByteDance Seedance 1.0 Pro Fast (bytedance:2@2): allowed from 1.2 to 12 in steps of 0.1',
	},
	{
		title: 'size the model does not offer',
		air: 'klingai:5@3',
		parameters: { dimensions: '1280x720' },
		message:
			'size 1280x720 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed 1920x1080, 1080x1080, 1080x1920',
	},
	{
		title: 'size written wrongly',
		air: 'klingai:5@3',
		parameters: { dimensions: 'full hd' },
		message: 'dimensions "full hd" is not valid: write WIDTHxHEIGHT, e.g. 1280x720',
	},
	{
		title: 'size outside the seed range for a model nobody describes',
		air: 'acme:video@1',
		parameters: { dimensions: '4096x4096' },
		message: 'width 4096 is out of range: allowed from 256 to 1920',
	},
	{
		title: 'duration at a size that does not allow it',
		air: 'minimax:3@1',
		parameters: { duration: 10, dimensions: '1920x1080' },
		message:
			'duration 10 is not supported by MiniMax Hailuo 02 (minimax:3@1) at 1920x1080: allowed only at 1366x768',
	},
	{
		title: 'size with frame images on a model that takes it from the image',
		air: 'vidu:3@1',
		parameters: { dimensions: '1280x720', ...frames({ inputImage: url('a') }) },
		message: 'width and height must not be sent to Vidu Q2 Pro (vidu:3@1) with frame images',
	},
	{
		title: 'frame rate the model does not offer',
		air: 'klingai:5@3',
		parameters: { videoOptions: { fps: 30 } },
		message: 'fps 30 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed 24',
	},
	{
		title: 'frame rate outside the seed range',
		air: 'acme:video@1',
		parameters: { videoOptions: { fps: 120 } },
		message: 'fps 120 is out of range: allowed from 15 to 60',
	},
	{
		title: 'steps outside the seed range',
		air: 'acme:video@1',
		parameters: { advanced: { steps: 5 } },
		message: 'steps 5 is out of range: allowed from 10 to 50',
	},
	{
		title: 'CFG scale above the model maximum',
		air: 'klingai:5@3',
		parameters: { advanced: { CFGScale: 7 } },
		message: 'CFGScale 7 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed from 0 to 1',
	},
	{
		title: 'seed below 1',
		air: 'klingai:5@3',
		parameters: { options: { seed: '={{ -1 }}' } },
		message: 'seed -1 is out of range',
	},
	{
		title: 'seed on a model without seeds',
		air: 'lightricks:2@0',
		parameters: { options: { seed: 5 } },
		message: 'seed is not accepted by Lightricks LTX-2 Pro (lightricks:2@0)',
	},
	{
		title: 'too many results',
		air: 'klingai:5@3',
		parameters: { options: { numberResults: 5 } },
		message: 'numberResults 5 is out of range: allowed from 1 to 4',
	},
	{
		title: 'output quality below 20',
		air: 'klingai:5@3',
		parameters: { advanced: { outputQuality: 10 } },
		message: 'outputQuality 10 is out of range: allowed from 20 to 99',
	},
	{
		title: 'time to live below 60 s',
		air: 'klingai:5@3',
		parameters: { advanced: { ttl: 30 } },
		message: 'ttl 30 is out of range: allowed at least 60',
	},
	{
		title: 'unknown output format',
		air: 'klingai:5@3',
		parameters: { options: { outputFormat: '={{ "AVI" }}' } },
		message: 'outputFormat "AVI" is not valid: allowed MP4, WEBM, MOV',
	},
	{
		title: 'unknown acceleration',
		air: 'klingai:5@3',
		parameters: { advanced: { acceleration: '={{ "turbo" }}' } },
		message: 'acceleration "turbo" is not valid: allowed none, low, medium, high',
	},
	{
		title: 'unknown safety mode',
		air: 'klingai:5@3',
		parameters: { advanced: { safety: { mode: '={{ "strict" }}' } } },
		message: 'safety.mode "strict" is not valid: allowed none, fast, full',
	},
	{
		title: 'webhook URL that is not http(s)',
		air: 'klingai:5@3',
		parameters: { advanced: { webhookURL: 'ftp://example.com/hook' } },
		message: 'webhookURL must be an http:// or https:// URL',
	},
	{
		title: 'upload endpoint that is not a URL',
		air: 'klingai:5@3',
		parameters: { advanced: { uploadEndpoint: 'my bucket' } },
		message: 'uploadEndpoint must be an http:// or https:// URL',
	},
	{
		title: 'more frame images than the model takes',
		air: 'klingai:5@3',
		parameters: frames({ inputImage: url('a') }, { inputImage: url('b') }),
		message: 'frameImages has 2 items: KlingAI 2.1 Master (klingai:5@3) accepts at most 1',
	},
	{
		title: 'frame position the model does not take',
		air: 'klingai:5@3',
		parameters: frames({ inputImage: url('a'), frame: 'last' }),
		message:
			'frameImages[0].frame "last" is not supported by KlingAI 2.1 Master (klingai:5@3): allowed first',
	},
	{
		title: 'frame number beyond the last frame',
		air: 'google:veo@3.1-lite',
		parameters: {
			duration: 4,
			...frames({ inputImage: url('a'), frame: 'number', frameNumber: 500 }),
		},
		message:
			'frameImages[0].frame 500 is beyond the last frame: allowed 0 to 95 (duration 4 s × 24 fps)',
	},
	{
		title: 'frame images on a model that takes none',
		air: 'klingai:kling-video@2.6-standard',
		parameters: frames({ inputImage: url('a') }),
		message:
			'frameImages is not accepted by KlingAI VIDEO 2.6 Standard (klingai:kling-video@2.6-standard)',
	},
	{
		title: 'more reference images than the model takes',
		air: 'vidu:1@5',
		parameters: {
			referenceImages: {
				image: [
					{ source: 'text', image: url('a') },
					{ source: 'text', image: url('b') },
				],
			},
		},
		message: 'referenceImages has 2 items: Vidu 1.5 (vidu:1@5) accepts at most 1',
	},
	{
		title: 'an input the model requires is missing',
		air: 'klingai:5@1',
		parameters: {},
		message: 'KlingAI 2.1 Standard (klingai:5@1) requires frameImages',
	},
	{
		title: 'voice the model does not have',
		air: 'pixverse:lipsync@1',
		parameters: {
			// Lip-sync takes no prompt and no duration.
			positivePrompt: '',
			duration: '',
			referenceVideos: { video: [{ source: 'text', video: 'https://example.com/a.mp4' }] },
			speech: { voice: '={{ "Zoe" }}', text: 'Hi' },
		},
		message:
			'speech.voice "Zoe" is not supported by PixVerse LipSync (pixverse:lipsync@1): allowed Emily, James',
	},
	{
		title: 'speech text above the model maximum',
		air: 'pixverse:lipsync@1',
		parameters: {
			positivePrompt: '',
			duration: '',
			referenceVideos: { video: [{ source: 'text', video: 'https://example.com/a.mp4' }] },
			speech: { voice: 'Emily', text: 'x'.repeat(201) },
		},
		message: 'speech.text has 201 characters: allowed at most 200 characters',
	},
	{
		title: 'settings of another provider',
		// A model that takes klingai settings: another provider's key is refused.
		air: 'klingai:kling@o1-standard',
		parameters: { providerSettings: { google: { generateAudio: true } } },
		message:
			'providerSettings.google is not accepted by KlingAI VIDEO O1 Standard (klingai:kling@o1-standard)',
	},
	{
		title: 'provider setting value outside its options',
		air: 'pixverse:1@2',
		parameters: { providerSettings: { pixverse: { style: '={{ "pastel" }}' } } },
		message:
			'providerSettings.pixverse.style "pastel" is not valid: allowed anime, 3d_animation, clay, comic, cyberpunk',
	},
	{
		title: 'provider settings that exclude each other',
		air: 'pixverse:1@2',
		parameters: {
			providerSettings: { pixverse: { effect: 'kiss kiss', cameraMovement: 'zoom_in' } },
		},
		message: 'cannot be used together',
	},
	{
		title: 'provider setting only valid for some durations',
		air: 'vidu:1@5',
		parameters: { duration: 8, providerSettings: { vidu: { bgm: true } } },
		message: 'providerSettings.vidu.bgm only works with duration 4; duration is 8',
	},
	{
		title: 'provider setting that needs a frame image',
		air: 'google:3@3',
		parameters: {
			dimensions: '1280x720',
			providerSettings: { google: { resizeMode: 'crop' } },
		},
		message: 'providerSettings.google.resizeMode needs at least one frame image',
	},
	{
		title: 'fields the model does not take together',
		air: 'google:3@3',
		parameters: { dimensions: '1280x720', videoOptions: { resolution: '={{ "720p" }}' } },
		message: 'cannot be used together with Google Veo 3.1 Fast (google:3@3)',
	},
	{
		title: 'JSON option that does not parse',
		air: 'klingai:5@3',
		parameters: { advanced: { settings: '{"audio": tru' } },
		message: 'settings is not valid JSON',
	},
];

describe('Runware Video: validation before any request', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	// The model comes from an expression, as it would from a previous node: the editor cannot hide
	// the fields it does not take, so validation is what stops them.
	it.each(cases)('fails the item for a $title', async ({ air, parameters, message }) => {
		const result = await env.harness.runWorkflow(
			videoRun({
				model: { __rl: true, mode: 'id', value: `={{ ${JSON.stringify(air)} }}` },
				positivePrompt: prompt,
				...parameters,
			}),
		);
		expect(result.error?.message).toContain(message);
		expect(env.emulator.requests).toHaveLength(0);
	});

	it('lists every problem of an item, and sends nothing for any item', async () => {
		const items = [{ json: { duration: 5 } }, { json: { duration: 7 } }];
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('klingai:5@3'),
					positivePrompt: prompt,
					duration: '={{ $json.duration }}',
					videoOptions: { fps: 30 },
				},
				items,
			),
		);
		expect(result.error?.message).toBe(
			'fps 30 is not supported by KlingAI 2.1 Master (klingai:5@3): allowed 24',
		);
		expect(result.error?.description).toBe('Nothing was sent to Runware.');
		expect(env.emulator.requests).toHaveLength(0);

		const both = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('klingai:5@3'),
					positivePrompt: prompt,
					duration: 7,
					videoOptions: { fps: 30 },
				},
				items,
			),
		);
		expect(both.error?.description).toContain('- duration 7 is not supported');
		expect(both.error?.description).toContain('- fps 30 is not supported');
	});
});
