import type { INodeExecutionData } from 'n8n-workflow';

import { node, startNode, workflow } from '../../harness';

import { download, fileItem, mp4, png, rawUpload } from '../upload-asset/files';
import {
	FAST_WAITING,
	FIRST,
	NODE_NAME,
	RUNWAY_VIDEO,
	SECOND,
	sentCreates,
	setup,
	uploadAsset,
	videoRun,
	type Setup,
} from './setup';

const PNG = png(40_000);
const MP4 = mp4(120_000);
const ASSET_ID = /^user:1-runwayml:[^-]+-asset:[0-9a-f-]{36}$/;
const RETRY = { retryOnFail: true, maxTries: 2, waitBetweenTries: 100 };

/** An item with a PNG in binary field `image`, named after its prompt. */
function imageItem(prompt: string, property = 'image'): INodeExecutionData {
	const item = fileItem(PNG, 'image/png', `${prompt}.png`, property);
	return { ...item, json: { prompt } };
}

describe('Runway Video: files from binary fields', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({
			binaryMode: 'filesystem',
			credentialEmail: FIRST,
			knobs: { useapi: { generationMs: 150, callbacks: 'never' } },
		});
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	const uploads = () => env.emulator.requestsTo('useapi.assets.upload');
	const useApiRequests = () => env.emulator.requestsTo('useapi');

	it('uploads a binary image, then creates the task with the new asset ID', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(
				{ model: 'gen4-turbo', text_prompt: '={{ $json.prompt }}', imageAssetId1: 'image' },
				[imageItem('lighthouse')],
			),
		);
		expect(result.error).toBeUndefined();
		const [upload] = uploads();
		expect(upload.query).toEqual({ name: 'lighthouse.png', email: FIRST });
		expect(upload.headers['content-type']).toBe('image/png');
		expect(upload.body).toEqual(rawUpload(PNG, 'image/png'));
		const [create] = sentCreates(env.emulator);
		expect(create.imageAssetId1).toMatch(ASSET_ID);
		expect(create.imageAssetId1).toContain(`-runwayml:${FIRST}-asset:`);
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({ status: 'SUCCEEDED', model: 'gen4-turbo' });
		// The upload went before the create.
		const order = useApiRequests().map((request) => request.route);
		expect(order.indexOf('useapi.assets.upload')).toBeLessThan(order.indexOf('useapi.create'));
	});

	it('takes an image and a video from binary fields next to an asset ID, on the account of that asset', async () => {
		const image = await uploadAsset(env.emulator, SECOND, 'image');
		const before = uploads().length;
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: 'kling-3.0-motion-control',
					imageAssetId1: 'photo',
					videoAssetId: 'dance',
					text_prompt: 'A dancer',
				},
				[
					{
						json: {},
						binary: {
							photo: fileItem(PNG, 'application/octet-stream', 'face.png').binary!.data,
							dance: fileItem(MP4, 'video/mp4', 'dance.mp4').binary!.data,
						},
					},
				],
			),
		);
		expect(result.error).toBeUndefined();
		expect(
			uploads()
				.slice(before)
				.map((request) => request.query),
		).toEqual([
			{ name: 'face.png', email: FIRST },
			{ name: 'dance.mp4', email: FIRST },
		]);
		const [create] = sentCreates(env.emulator);
		expect(create.imageAssetId1).toContain(`-runwayml:${FIRST}-asset:`);
		expect(create.videoAssetId).toContain(`-runwayml:${FIRST}-asset:`);
		expect(create.imageAssetId1).not.toBe(image);

		// An asset ID in another field pins the account: the files go there too.
		const seen = uploads().length;
		const pinned = await env.harness.runWorkflow(
			videoRun(
				{ model: 'gen4.5', text_prompt: 'Two', imageAssetId1: image, imageAssetId2: 'data' },
				[fileItem(PNG, 'image/png', 'second.png')],
			),
		);
		expect(pinned.error).toBeUndefined();
		expect(
			uploads()
				.slice(seen)
				.map((request) => request.query.email),
		).toEqual([SECOND]);
		expect(sentCreates(env.emulator, 1)[0].imageAssetId2).toContain(`-runwayml:${SECOND}-asset:`);
	});

	it('streams a video n8n keeps in its binary store (the output of another video node) to useapi.net', async () => {
		const generate = (name: string, parameters: object) =>
			node(
				name,
				RUNWAY_VIDEO,
				{ waitingOptions: FAST_WAITING, returnAs: 'binary', ...parameters },
				{ credentials: ['useApiApi'] },
			);
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(),
				generate('First Video', { model: 'gen4.5', text_prompt: 'A street at night' }),
				generate('Edited Video', {
					model: 'kling-o3-pro',
					text_prompt: 'Make it snow',
					videoAssetId: 'data',
				}),
			]),
		);
		expect(result.error).toBeUndefined();
		const [first] = result.output('First Video');
		expect(first.binary?.data.id).toMatch(/^filesystem/);
		const original = await download(String(first.json.videoURL));
		const [upload] = uploads();
		expect(upload.headers['content-length']).toBe(String(original.length));
		expect(upload.body).toEqual(rawUpload(original, 'video/mp4'));
		const [, edit] = sentCreates(env.emulator);
		expect(edit.videoAssetId).toContain(`-runwayml:${FIRST}-asset:`);
		expect(result.output('Edited Video')[0].json).toMatchObject({ status: 'SUCCEEDED' });
	});

	it("ends a hung upload by the node's time limit, sending no create", async () => {
		env.emulator.injectFaults({ route: 'useapi.assets.upload', hang: true });
		const started = Date.now();
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: 'gen4-turbo',
					text_prompt: 'Waves',
					imageAssetId1: 'image',
					waitingOptions: { ...FAST_WAITING, timeoutMinutes: 0.05 },
				},
				[imageItem('hung')],
			),
		);
		expect(Date.now() - started).toBeLessThan(10_000);
		// The attempt is cut at the deadline (its timeout is the time left), which n8n reports as an abort.
		expect(result.error?.message).toMatch(/aborted/);
		expect(uploads()).toHaveLength(1);
		expect(sentCreates(env.emulator)).toEqual([]);
	});

	it('refuses a file of a type useapi.net does not take, or of the wrong kind, before any request', async () => {
		const text = await env.harness.runWorkflow(
			videoRun({ model: 'gen4-turbo', text_prompt: 'Waves', imageAssetId1: 'data' }, [
				fileItem(Buffer.from('not an image'), 'text/plain', 'notes.txt'),
			]),
		);
		expect(text.error?.message).toBe(
			"notes.txt (binary field 'data' of Image 1) is of type text/plain, which useapi.net (Runway) does not accept",
		);
		expect(text.error?.description).toContain('image/png');

		const video = await env.harness.runWorkflow(
			videoRun({ model: 'gen4-turbo', text_prompt: 'Waves', imageAssetId1: 'data' }, [
				fileItem(MP4, 'video/mp4', 'clip.mp4'),
			]),
		);
		expect(video.error?.message).toBe(
			"Image 1 takes an image, but clip.mp4 (binary field 'data') is video/mp4",
		);
		expect(useApiRequests()).toEqual([]);
	});

	it('names the missing binary field, and the fields the item has', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({ model: 'gen4-turbo', text_prompt: 'Waves', imageAssetId1: 'photo' }, [
				imageItem('one', 'data'),
			]),
		);
		expect(result.error?.message).toContain(
			'imageAssetId1 "photo" is not a useapi.net Runway asset ID',
		);
		expect(result.error?.message).toContain(
			'or the name of a binary field of the input item (its binary fields: data)',
		);
		expect(useApiRequests()).toEqual([]);
	});

	it('pairs one output per item with continue-on-fail, the refused file failing only its item', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(
				{ model: 'gen4-turbo', text_prompt: '={{ $json.prompt }}', imageAssetId1: 'image' },
				[
					imageItem('one'),
					{
						...fileItem(Buffer.from('GIF89a?'), 'text/html', 'page.html', 'image'),
						json: { prompt: 'two' },
					},
					imageItem('three'),
				],
				{ continueOnFail: true },
			),
		);
		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ status: 'SUCCEEDED' });
		expect(String(output[1].json.error)).toContain('page.html');
		expect(output[2].json).toMatchObject({ status: 'SUCCEEDED' });
		expect(uploads().map((request) => request.query.name)).toEqual(['one.png', 'three.png']);
		expect(sentCreates(env.emulator)).toHaveLength(2);
	});

	it('with Retry On Fail, uploads no file again for a task an earlier try created', async () => {
		env.emulator.queueOutcomes('useapi', 'success', 'failure');
		const result = await env.harness.runWorkflow(
			videoRun(
				{ model: 'gen4-turbo', text_prompt: '={{ $json.prompt }}', imageAssetId1: 'image' },
				[imageItem('kept'), imageItem('failed')],
				RETRY,
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME).map((item) => item.json.status)).toEqual([
			'SUCCEEDED',
			'SUCCEEDED',
		]);
		// The first item's task was followed on the retry; only the failed one was uploaded and created again.
		expect(uploads().map((request) => request.query.name)).toEqual([
			'kept.png',
			'failed.png',
			'failed.png',
		]);
		expect(sentCreates(env.emulator).map((body) => body.text_prompt)).toEqual([
			'kept',
			'failed',
			'failed',
		]);
	});
});
