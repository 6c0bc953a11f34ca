import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runwayModels } from '../../../nodes/shared/providers/runway/catalogue';
import { FIRST, NODE_NAME, sentCreates, setup, uploadAsset, videoRun, type Setup } from './setup';

type Assets = Record<string, string>;

interface ModelCase {
	name: string;
	/** Node parameters as the editor stores them for this model. */
	parameters: (assets: Assets) => INodeParameters;
	/** The exact POST /videos/create body the seed describes for them. */
	body: (assets: Assets) => IDataObject;
}

const shots = (...durations: number[]) =>
	durations.map((duration, index) => ({ prompt: `Shot ${index + 1}`, duration }));
const images = (assets: Assets, count: number) =>
	Object.fromEntries(
		Array.from({ length: count }, (_, index) => [
			`imageAssetId${index + 1}`,
			assets[`image${index + 1}`],
		]),
	);

/** One request per model, using what the model offers; parameters and body side by side. */
const CASES: ModelCase[] = [
	{
		name: 'seedance-2 multi-reference',
		parameters: (a) => ({
			model: 'seedance-2',
			text_prompt: 'The dancer from @IMG_1 copies the moves of @VID_2',
			duration: 15,
			aspect_ratio: '21:9',
			resolution: '720p',
			audio: false,
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
			videoAssetId2: a.video2,
			exploreMode: true,
			options: { replyRef: 'job-42', maxJobs: 3 },
		}),
		body: (a) => ({
			model: 'seedance-2',
			text_prompt: 'The dancer from @IMG_1 copies the moves of @VID_2',
			duration: 15,
			aspect_ratio: '21:9',
			resolution: '720p',
			audio: false,
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
			videoAssetId2: a.video2,
			exploreMode: true,
			replyRef: 'job-42',
			maxJobs: 3,
		}),
	},
	{
		name: 'happyhorse-1.0 first frame',
		parameters: (a) => ({
			model: 'happyhorse-1.0',
			text_prompt: 'A horse galloping on a beach',
			duration: 3,
			aspect_ratio: '3:4',
			resolution: '1080p',
			imageAssetId1: a.image1,
		}),
		body: (a) => ({
			model: 'happyhorse-1.0',
			text_prompt: 'A horse galloping on a beach',
			duration: 3,
			aspect_ratio: '3:4',
			resolution: '1080p',
			imageAssetId1: a.image1,
		}),
	},
	{
		name: 'kling-o3-4k multishot with a start frame and a shot-bound image',
		parameters: (a) => ({
			model: 'kling-o3-4k',
			aspect_ratio: '1:1',
			imageAssetId1: a.image1,
			startFrameAssetId: a.image2,
			multishot: {
				shots: [
					{ prompt: 'The robot from @IMG_1 wakes up', duration: 5 },
					{ prompt: 'It walks outside', duration: 10 },
				],
			},
		}),
		body: (a) => ({
			model: 'kling-o3-4k',
			aspect_ratio: '1:1',
			imageAssetId1: a.image1,
			startFrameAssetId: a.image2,
			multishot_prompt_1: 'The robot from @IMG_1 wakes up',
			multishot_duration_1: 5,
			multishot_prompt_2: 'It walks outside',
			multishot_duration_2: 10,
		}),
	},
	{
		name: 'kling-o3-pro Edit Video with 4 references',
		parameters: (a) => ({
			model: 'kling-o3-pro',
			text_prompt: 'Restyle the clip like @IMG_4',
			videoAssetId: a.video1,
			...images(a, 4),
			audio: true,
		}),
		body: (a) => ({
			model: 'kling-o3-pro',
			text_prompt: 'Restyle the clip like @IMG_4',
			audio: true,
			...images(a, 4),
			videoAssetId: a.video1,
		}),
	},
	{
		name: 'kling-o3-standard start and end keyframes',
		parameters: (a) => ({
			model: 'kling-o3-standard',
			duration: 15,
			aspect_ratio: '9:16',
			startFrameAssetId: a.image1,
			endFrameAssetId: a.image2,
			exploreMode: false,
		}),
		body: (a) => ({
			model: 'kling-o3-standard',
			duration: 15,
			aspect_ratio: '9:16',
			startFrameAssetId: a.image1,
			endFrameAssetId: a.image2,
		}),
	},
	{
		name: 'kling-3.0-pro start and end frame',
		parameters: (a) => ({
			model: 'kling-3.0-pro',
			text_prompt: 'Day turns to night',
			duration: 10,
			aspect_ratio: '9:16',
			imageAssetId1: a.image1,
			imageAssetId2: a.image2,
		}),
		body: (a) => ({
			model: 'kling-3.0-pro',
			text_prompt: 'Day turns to night',
			duration: 10,
			aspect_ratio: '9:16',
			imageAssetId1: a.image1,
			imageAssetId2: a.image2,
		}),
	},
	{
		name: 'kling-3.0-standard five shots',
		parameters: () => ({ model: 'kling-3.0-standard', multishot: { shots: shots(3, 3, 3, 3, 3) } }),
		body: () => ({
			model: 'kling-3.0-standard',
			...Object.fromEntries(
				[1, 2, 3, 4, 5].flatMap((n) => [
					[`multishot_prompt_${n}`, `Shot ${n}`],
					[`multishot_duration_${n}`, 3],
				]),
			),
		}),
	},
	{
		name: 'kling-3.0-motion-control',
		parameters: (a) => ({
			model: 'kling-3.0-motion-control',
			text_prompt: 'Motion description',
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
			characterOrientation: 'video',
			resolution: '1080p',
			audio: false,
		}),
		body: (a) => ({
			model: 'kling-3.0-motion-control',
			text_prompt: 'Motion description',
			resolution: '1080p',
			audio: false,
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
			characterOrientation: 'video',
		}),
	},
	{
		name: 'kling-2.6-pro text to video',
		parameters: () => ({
			model: 'kling-2.6-pro',
			text_prompt: 'Rain on a window',
			duration: 10,
			aspect_ratio: '9:16',
		}),
		body: () => ({
			model: 'kling-2.6-pro',
			text_prompt: 'Rain on a window',
			duration: 10,
			aspect_ratio: '9:16',
		}),
	},
	{
		name: 'kling-2.6-i2v',
		parameters: (a) => ({
			model: 'kling-2.6-i2v',
			text_prompt: 'She smiles',
			imageAssetId1: a.image1,
			duration: 5,
		}),
		body: (a) => ({
			model: 'kling-2.6-i2v',
			text_prompt: 'She smiles',
			duration: 5,
			imageAssetId1: a.image1,
		}),
	},
	{
		name: 'wan-2.6-flash',
		parameters: (a) => ({
			model: 'wan-2.6-flash',
			text_prompt: 'Leaves fall',
			imageAssetId1: a.image1,
			duration: 15,
			aspect_ratio: '1:1',
			resolution: '1080p',
			audio: true,
		}),
		body: (a) => ({
			model: 'wan-2.6-flash',
			text_prompt: 'Leaves fall',
			duration: 15,
			aspect_ratio: '1:1',
			resolution: '1080p',
			audio: true,
			imageAssetId1: a.image1,
		}),
	},
	{
		name: 'wan-2.2-animate (no prompt)',
		parameters: (a) => ({
			model: 'wan-2.2-animate',
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
			aspect_ratio: '4:3',
		}),
		body: (a) => ({
			model: 'wan-2.2-animate',
			aspect_ratio: '4:3',
			imageAssetId1: a.image1,
			videoAssetId: a.video1,
		}),
	},
	{
		name: 'veo-3.1 start and end frame',
		parameters: (a) => ({
			model: 'veo-3.1',
			text_prompt: 'A paper boat sails away',
			duration: 8,
			resolution: '1080p',
			imageAssetId1: a.image1,
			imageAssetId2: a.image2,
		}),
		body: (a) => ({
			model: 'veo-3.1',
			text_prompt: 'A paper boat sails away',
			duration: 8,
			resolution: '1080p',
			imageAssetId1: a.image1,
			imageAssetId2: a.image2,
		}),
	},
	{
		name: 'sora-2 text to video',
		parameters: () => ({
			model: 'sora-2',
			text_prompt: 'A cat surfing',
			duration: 12,
			aspect_ratio: '9:16',
		}),
		body: () => ({
			model: 'sora-2',
			text_prompt: 'A cat surfing',
			duration: 12,
			aspect_ratio: '9:16',
		}),
	},
	{
		name: 'sora-2-pro image to video',
		parameters: (a) => ({
			model: 'sora-2-pro',
			text_prompt: 'Zoom out',
			imageAssetId1: a.image1,
			duration: 4,
			resolution: '1080p',
		}),
		body: (a) => ({
			model: 'sora-2-pro',
			text_prompt: 'Zoom out',
			duration: 4,
			resolution: '1080p',
			imageAssetId1: a.image1,
		}),
	},
	{
		name: 'gen4.5 text to video with seed and replyUrl',
		parameters: () => ({
			model: 'gen4.5',
			text_prompt: 'A cinematic aerial shot of a coastal city at golden hour',
			duration: 7,
			aspect_ratio: '16:9',
			audio: false,
			options: { replyUrl: 'http://127.0.0.1:9/runway-hook', seed: 4294967294 },
		}),
		body: () => ({
			model: 'gen4.5',
			text_prompt: 'A cinematic aerial shot of a coastal city at golden hour',
			duration: 7,
			aspect_ratio: '16:9',
			audio: false,
			seed: 4294967294,
			replyUrl: 'http://127.0.0.1:9/runway-hook',
		}),
	},
	{
		name: 'gen4',
		parameters: (a) => ({
			model: 'gen4',
			text_prompt: 'Camera orbits the statue',
			imageAssetId1: a.image1,
			duration: 10,
			aspect_ratio: '21:9',
			resolution: '720p',
			options: { seed: 1 },
		}),
		body: (a) => ({
			model: 'gen4',
			text_prompt: 'Camera orbits the statue',
			duration: 10,
			aspect_ratio: '21:9',
			resolution: '720p',
			seed: 1,
			imageAssetId1: a.image1,
		}),
	},
	{
		name: 'gen4-turbo with maxJobs',
		parameters: (a) => ({
			model: 'gen4-turbo',
			text_prompt: 'Waves crash',
			imageAssetId1: a.image1,
			duration: 5,
			aspect_ratio: '4:3',
			options: { maxJobs: 10 },
		}),
		body: (a) => ({
			model: 'gen4-turbo',
			text_prompt: 'Waves crash',
			duration: 5,
			aspect_ratio: '4:3',
			imageAssetId1: a.image1,
			maxJobs: 10,
		}),
	},
];

describe('Runway Video: every model generates a video', () => {
	let env: Setup;
	const assets: Assets = {};

	beforeAll(async () => {
		env = await setup({ knobs: { useapi: { generationMs: 200, callbacks: 'never' } } });
		for (let n = 1; n <= 4; n++)
			assets[`image${n}`] = await uploadAsset(env.emulator, FIRST, 'image');
		for (let n = 1; n <= 2; n++)
			assets[`video${n}`] = await uploadAsset(env.emulator, FIRST, 'video');
	});
	afterAll(async () => await env.close());

	it('covers all 18 models of the seed', () => {
		const covered = CASES.map((entry) => String(entry.parameters(assets).model));
		expect(new Set(covered).size).toBe(18);
		expect([...covered].sort()).toEqual(runwayModels.map((model) => model.id).sort());
	});

	it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_, entry) => {
		const before = env.emulator.requestsTo('useapi.create').length;
		const result = await env.harness.runWorkflow(videoRun(entry.parameters(assets)));
		expect(result.error).toBeUndefined();

		const sent = sentCreates(env.emulator, before);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toEqual(entry.body(assets));

		const [output] = result.output(NODE_NAME);
		const model = entry.body(assets).model;
		expect(output.json).toMatchObject({
			taskId: expect.stringMatching(/^user:1-runwayml:.+@runway\.test-task:[0-9a-f-]{36}$/),
			status: 'SUCCEEDED',
			model,
			videoURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.mp4$/),
		});
		expect(output.json.artifacts).toEqual([
			expect.objectContaining({ url: output.json.videoURL, frameRate: 24 }),
		]);
	});
});
