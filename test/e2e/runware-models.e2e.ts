import { useEmulator, useN8nApp } from './support/fixtures';
import { useNodeOnNewWorkflow } from './support/node-on-workflow';

/**
 * Runware Video in the real editor follows each catalogued model: eight models of different providers,
 * each showing the inputs, lists and settings its Runware documentation names and hiding the rest.
 */

const app = useN8nApp();
useEmulator();

const MEDIA = ['frameImages', 'referenceImages', 'referenceVideos', 'inputAudios'];

describe('Runware Video: each model shows what it takes', () => {
	const node = useNodeOnNewWorkflow(app, 'Runware Video', 'runwareApi');

	/** Chooses the model; the media lists, collections and top fields the editor then shows. */
	async function choose(air: string) {
		const { details } = node();
		await details.setParameter('model', air);
		const parameters = await details.visibleParameters();
		const media = (await details.visibleFixedCollections()).filter((name) => MEDIA.includes(name));
		const collections = await details.visibleCollections();
		return { details, parameters, media, collections };
	}

	it('KlingAI 2.1 Standard (image-to-video): a frame image, no reference videos, input audio or speech', async () => {
		const { details, parameters, media, collections } = await choose('klingai:5@1');
		const notice = await details.showsText('KlingAI 2.1 Standard requires a frame image');
		const durations = await details.dropdownOptions('duration');
		// Taken once the lists have loaded.
		await app().screenshot('runware-models-klingai-2-1-standard');
		expect(notice).toBe(true);
		expect(media).toEqual(['frameImages']);
		expect(collections).not.toContain('speech');
		expect(collections).not.toContain('providerSettings');
		expect(parameters).toEqual(
			expect.arrayContaining(['positivePrompt', 'duration', 'dimensions']),
		);
		expect(durations).toEqual(['Shortest (5 s)', '5 s', '10 s']);
	});

	it('PixVerse LipSync: a video, an audio or speech; no prompt, duration, size or frame image', async () => {
		const { details, parameters, media, collections } = await choose('pixverse:lipsync@1');
		const notice = await details.showsText(
			'PixVerse LipSync requires a reference video and an input audio or speech',
		);
		await app().screenshot('runware-models-pixverse-lipsync');
		expect(notice).toBe(true);
		expect(media).toEqual(['referenceVideos', 'inputAudios']);
		expect(collections).toContain('speech');
		for (const hidden of ['positivePrompt', 'duration', 'dimensions']) {
			expect(parameters).not.toContain(hidden);
		}
	});

	it('Google Veo 3.1: frame images and Google settings only (Generate Audio)', async () => {
		const { details, media, collections } = await choose('google:3@2');
		expect(media).toEqual(['frameImages']);
		expect(collections).toContain('providerSettings');
		expect(await details.collectionOptions('providerSettings')).toEqual(['Google']);
		await details.addCollectionOption('providerSettings', 'Google');
		expect(await details.collectionOptions('google')).toEqual(['Generate Audio']);
		expect(await details.dropdownOptions('duration')).toEqual([
			'Model Default (8 s)',
			'4 s',
			'6 s',
			'8 s',
		]);
	});

	it('ByteDance OmniHuman-1: a portrait and an audio, nothing else', async () => {
		const { details, parameters, media } = await choose('bytedance:5@1');
		expect(
			await details.showsText(
				'ByteDance OmniHuman-1 requires a reference image and an input audio',
			),
		).toBe(true);
		expect(media).toEqual(['referenceImages', 'inputAudios']);
		for (const hidden of ['positivePrompt', 'duration', 'dimensions']) {
			expect(parameters).not.toContain(hidden);
		}
	});

	it('Alibaba Wan 2.6: reference videos and an input audio, no reference images; 5, 10 or 15 s', async () => {
		const { details, media } = await choose('alibaba:wan@2.6');
		expect(media).toEqual(['frameImages', 'referenceVideos', 'inputAudios']);
		expect(await details.dropdownOptions('duration')).toEqual([
			'Model Default (5 s)',
			'5 s',
			'10 s',
			'15 s',
		]);
		expect(await details.collectionOptions('videoOptions')).toEqual(['Resolution']);
	});

	it('Vidu Q2 Pro: frame images and up to 7 reference images; 1 to 8 s', async () => {
		const { details, media } = await choose('vidu:3@1');
		expect(media).toEqual(['frameImages', 'referenceImages']);
		expect(await details.dropdownOptions('duration')).toEqual([
			'Model Default (5 s)',
			...['1 s', '2 s', '3 s', '4 s', '5 s', '6 s', '7 s', '8 s'],
		]);
	});

	it('MiniMax Video-01 Base: one reference image, 6 s at 1366x768, the prompt optimizer', async () => {
		const { details, media } = await choose('minimax:1@1');
		expect(media).toEqual(['frameImages', 'referenceImages']);
		expect(await details.dropdownOptions('duration')).toEqual(['Model Default (6 s)', '6 s']);
		expect(await details.dropdownOptions('dimensions')).toEqual([
			'Model Default',
			'1366x768 (683:384)',
		]);
		expect(await details.collectionOptions('providerSettings')).toEqual(['MiniMax']);
	});

	it('OpenAI Sora 2 Pro: a first frame only, no frame rate, no provider settings', async () => {
		const { details, media, collections } = await choose('openai:3@2');
		expect(media).toEqual(['frameImages']);
		expect(collections).not.toContain('providerSettings');
		expect(collections).not.toContain('videoOptions');
		expect(await details.collectionOptions('options')).not.toContain('Negative Prompt');
	});
});
