import type { RunwareVideoRequest } from '../../../nodes/shared/providers/runware/body';
import { buildVideoInferenceTask } from '../../../nodes/shared/providers/runware/body';
import { model } from './model';

const TASK_UUID = 'b8c4d952-7f27-4a6e-bc9a-83f01d1c6d59';
const FIRST = 'c64351d5-4c59-42f7-95e1-eace013eddab';
const LAST = 'd7e8f9a0-2b5c-4e7f-a1d3-9c8b7a6e5d4f';

const envelope = { taskType: 'videoInference', taskUUID: TASK_UUID, deliveryMethod: 'async' };

describe('buildVideoInferenceTask', () => {
	it("reproduces the API document's example request (flat shape)", () => {
		const request: RunwareVideoRequest = {
			model: 'klingai:3@2',
			positivePrompt: 'smooth animation, natural movement, cinematic quality',
			duration: 10,
			width: 1920,
			height: 1080,
			frameImages: [
				{ image: FIRST, frame: 'first' },
				{ image: LAST, frame: 'last' },
			],
			numberResults: 1,
		};
		expect(buildVideoInferenceTask(request, TASK_UUID, model('klingai:3@2'))).toEqual({
			taskType: 'videoInference',
			taskUUID: TASK_UUID,
			deliveryMethod: 'async',
			positivePrompt: 'smooth animation, natural movement, cinematic quality',
			model: 'klingai:3@2',
			duration: 10,
			width: 1920,
			height: 1080,
			frameImages: [
				{ inputImage: FIRST, frame: 'first' },
				{ inputImage: LAST, frame: 'last' },
			],
			numberResults: 1,
		});
	});

	it('sends only the model when nothing else is set: no defaults', () => {
		const task = buildVideoInferenceTask({ model: 'klingai:5@2' }, TASK_UUID, model('klingai:5@2'));
		expect(task).toEqual({ ...envelope, model: 'klingai:5@2' });
	});

	it('omits unset values: undefined, empty text, empty lists and empty objects', () => {
		const request: RunwareVideoRequest = {
			model: 'someone:1@1',
			positivePrompt: 'a fox in the snow',
			negativePrompt: '',
			seed: undefined,
			referenceImages: [],
			frameImages: [],
			safety: {},
			speech: { voice: undefined, text: undefined },
			providerSettings: { klingai: {}, google: { generateAudio: undefined } },
			lora: [],
			settings: {},
		};
		expect(buildVideoInferenceTask(request, TASK_UUID)).toEqual({
			...envelope,
			model: 'someone:1@1',
			positivePrompt: 'a fox in the snow',
		});
	});

	it('keeps explicit falsy values the user set (false, 0)', () => {
		const request: RunwareVideoRequest = {
			model: 'someone:1@1',
			CFGScale: 0,
			includeCost: false,
			providerSettings: { google: { enhancePrompt: false, generateAudio: undefined } },
			safety: { checkContent: false, mode: 'fast' },
		};
		expect(buildVideoInferenceTask(request, TASK_UUID)).toEqual({
			...envelope,
			model: 'someone:1@1',
			CFGScale: 0,
			includeCost: false,
			safety: { checkContent: false, mode: 'fast' },
			providerSettings: { google: { enhancePrompt: false } },
		});
	});

	it('sends every request-level field it is given, unchanged', () => {
		const request: RunwareVideoRequest = {
			model: 'someone:1@1',
			positivePrompt: 'p',
			negativePrompt: 'n',
			duration: 5,
			width: 1280,
			height: 720,
			resolution: '720p',
			fps: 24,
			steps: 30,
			seed: 42,
			CFGScale: 7,
			numberResults: 2,
			outputFormat: 'WEBM',
			outputQuality: 80,
			outputType: 'URL',
			ttl: 3600,
			includeCost: true,
			acceleration: 'medium',
			uploadEndpoint: 'https://bucket.example.com/put',
			webhookURL: 'https://hooks.example.com/runware',
			lora: [{ model: 'civitai:1@1', weight: 0.7 }],
			advancedFeatures: { watermark: true },
			acceleratorOptions: { teaCache: true },
			settings: { audio: true },
		};
		const task = buildVideoInferenceTask(request, TASK_UUID);
		expect(task).toEqual({ ...envelope, ...request });
		expect(task).not.toHaveProperty('inputs');
	});

	describe('flat shape (seed)', () => {
		it('leaves frame out where the user did, so the API distributes the images', () => {
			const task = buildVideoInferenceTask(
				{
					model: 'someone:1@1',
					frameImages: [{ image: FIRST }, { image: 'middle' }, { image: LAST, frame: 48 }],
				},
				TASK_UUID,
			);
			expect(task.frameImages).toEqual([
				{ inputImage: FIRST },
				{ inputImage: 'middle' },
				{ inputImage: LAST, frame: 48 },
			]);
		});

		it('puts media at the top level for unknown models and flat catalogued ones', () => {
			const request: RunwareVideoRequest = {
				model: 'pixverse:lipsync@1',
				referenceVideos: ['https://cdn.example.com/talk.mp4'],
				inputAudios: ['https://cdn.example.com/voice.mp3'],
				referenceImages: ['ref'],
				speech: { voice: 'Emily', text: 'Hello there' },
			};
			const expected = {
				...envelope,
				model: 'pixverse:lipsync@1',
				referenceImages: ['ref'],
				referenceVideos: ['https://cdn.example.com/talk.mp4'],
				inputAudios: ['https://cdn.example.com/voice.mp3'],
				speech: { voice: 'Emily', text: 'Hello there' },
			};
			expect(buildVideoInferenceTask(request, TASK_UUID, model('pixverse:lipsync@1'))).toEqual(
				expected,
			);
			expect(buildVideoInferenceTask(request, TASK_UUID)).toEqual(expected);
		});
	});

	describe('nested shape (inputs)', () => {
		it('moves media under inputs, frame images as {image, frame}', () => {
			const request: RunwareVideoRequest = {
				model: 'klingai:kling-video@3-pro',
				positivePrompt: 'a lighthouse in a storm',
				duration: 5,
				frameImages: [{ image: FIRST, frame: 'first' }, { image: LAST }],
				referenceImages: ['style-a', 'style-b'],
				referenceVideos: ['motion'],
				settings: { audio: true },
			};
			expect(
				buildVideoInferenceTask(request, TASK_UUID, model('klingai:kling-video@3-pro')),
			).toEqual({
				...envelope,
				model: 'klingai:kling-video@3-pro',
				positivePrompt: 'a lighthouse in a storm',
				duration: 5,
				settings: { audio: true },
				inputs: {
					frameImages: [{ image: FIRST, frame: 'first' }, { image: LAST }],
					referenceImages: ['style-a', 'style-b'],
					referenceVideos: ['motion'],
				},
			});
		});

		it("uses the model's single-value keys (inputs.image, inputs.audio)", () => {
			const request: RunwareVideoRequest = {
				model: 'bytedance:5@2',
				referenceImages: ['portrait'],
				inputAudios: ['speech.mp3'],
				providerSettings: { bytedance: { fastMode: true } },
			};
			expect(buildVideoInferenceTask(request, TASK_UUID, model('bytedance:5@2'))).toEqual({
				...envelope,
				model: 'bytedance:5@2',
				providerSettings: { bytedance: { fastMode: true } },
				inputs: { image: 'portrait', audio: 'speech.mp3' },
			});
		});

		it('keeps several values of a single-value key as a list for the API to judge', () => {
			const task = buildVideoInferenceTask(
				{ model: 'bytedance:5@1', referenceImages: ['portrait'], inputAudios: ['a.mp3', 'b.mp3'] },
				TASK_UUID,
				model('bytedance:5@1'),
			);
			expect(task.inputs).toEqual({ referenceImages: ['portrait'], audio: ['a.mp3', 'b.mp3'] });
		});

		it('sends no inputs object when no media is set', () => {
			const task = buildVideoInferenceTask(
				{
					model: 'alibaba:wan@2.7',
					positivePrompt: 'waves',
					frameImages: [],
					referenceImages: [''],
				},
				TASK_UUID,
				model('alibaba:wan@2.7'),
			);
			expect(task).toEqual({ ...envelope, model: 'alibaba:wan@2.7', positivePrompt: 'waves' });
		});
	});

	it('does not change the request it is given', () => {
		const request: RunwareVideoRequest = {
			model: 'klingai:kling-video@3-pro',
			frameImages: [{ image: FIRST }],
			providerSettings: { klingai: { sound: true, bgmPrompt: '' } },
		};
		const copy = JSON.parse(JSON.stringify(request)) as RunwareVideoRequest;
		buildVideoInferenceTask(request, TASK_UUID, model('klingai:kling-video@3-pro'));
		expect(request).toEqual(copy);
	});
});
