import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startLoopbackServer, type LoopbackServer } from '../../unit/harness/loopback-server';
import { node, startNode, workflow } from '../../harness';
import {
	pollTask,
	runwareSubmit,
	runwareTasksPerRequest,
	setup,
	TYPES,
	uploadAsset,
	type Setup,
} from '../poll-task/setup';
import { download, fileItem, mp4, png, sha256 } from './files';

const PNG = png(4096);

describe('Upload Asset: Runware', () => {
	let env: Setup;
	let web: LoopbackServer;
	const served = new Map<string, { body: Buffer; headers: Record<string, string> }>();

	beforeAll(async () => {
		env = await setup({ binaryMode: 'filesystem' });
		web = await startLoopbackServer((request, response) => {
			const file = served.get(request.path);
			if (!file) return void response.writeHead(404).end();
			response.writeHead(200, file.headers);
			response.end(request.method === 'HEAD' ? undefined : file.body);
		});
	});
	afterAll(async () => {
		await web.close();
		await env.close();
	});
	afterEach(async () => {
		await env.emulator.reset();
		web.requests.length = 0;
		served.clear();
	});

	const upload = (parameters: INodeParameters, input = [fileItem(PNG, 'image/png', 'frame.png')]) =>
		env.harness.runWorkflow(
			workflow([startNode(input), uploadAsset('runware', parameters, { continueOnFail: true })]),
		);

	const storedMedia = () =>
		runwareTasksPerRequest(env.emulator, 'runware.mediaStorage').flat() as IDataObject[];

	it('stores a file of the input item with mediaStorage and outputs its mediaUUID', async () => {
		const result = await upload({});
		const [item] = result.output('Upload Asset');
		expect(item.json).toEqual({
			mediaUUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
			mediaURL: expect.stringContaining(env.emulator.url),
			mediaType: 'image',
			mimeType: 'image/png',
			fileName: 'frame.png',
			fileSize: PNG.length,
			task: 'mediaStorage',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [task] = storedMedia();
		expect(task).toMatchObject({ taskType: 'mediaStorage', operation: 'upload' });
		expect(String(task.media)).toMatch(/^data:image\/png;base64,/);
		expect(sha256(await download(String(item.json.mediaURL)))).toBe(sha256(PNG));
	});

	it('takes the type from the file name when the binary says application/octet-stream', async () => {
		const video = mp4(6000);
		const result = await upload({}, [fileItem(video, 'application/octet-stream', 'clip.mov')]);
		expect(result.output('Upload Asset')[0].json).toMatchObject({
			mediaType: 'video',
			mimeType: 'video/quicktime',
		});
		expect(String(storedMedia()[0].media)).toMatch(/^data:video\/quicktime;base64,/);
	});

	it('hands a URL to Runware as it is, after checking its type', async () => {
		served.set('/voice.mp3', {
			body: Buffer.alloc(2000, 1),
			headers: { 'content-type': 'audio/mpeg' },
		});
		const result = await upload({ source: 'url', url: `${web.url}/voice.mp3` });
		expect(result.output('Upload Asset')[0].json).toMatchObject({
			mediaUUID: expect.any(String),
			mediaType: 'audio',
			mimeType: 'audio/mpeg',
			fileName: 'voice.mp3',
		});
		expect(storedMedia()[0].media).toBe(`${web.url}/voice.mp3`);
		expect(web.requests).toHaveLength(1);
	});

	it('stores images with imageUpload when asked', async () => {
		const result = await upload({ imageUpload: true });
		expect(result.output('Upload Asset')[0].json).toMatchObject({
			mediaUUID: expect.any(String),
			task: 'imageUpload',
		});
		expect(env.emulator.requestsTo('runware.imageUpload')).toHaveLength(1);
		expect(storedMedia()).toEqual([]);
	});

	it('refuses a type Runware does not take, naming the ones it does, before sending anything', async () => {
		served.set('/page', { body: Buffer.from('<html>'), headers: { 'content-type': 'text/html' } });
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([
					fileItem(Buffer.from('GIF89a'), 'image/gif', 'loop.gif'),
					{ json: {} },
					fileItem(Buffer.from('hello'), 'text/plain', 'notes'),
				]),
				uploadAsset(
					'runware',
					{
						source: '={{ $itemIndex === 1 ? "url" : "binary" }}',
						url: `${web.url}/page`,
					},
					{ continueOnFail: true },
				),
			]),
		);
		const output = result.output('Upload Asset');
		const accepted =
			'Runware accepts: image/png, image/jpeg, image/webp, video/mp4, video/quicktime, video/webm, audio/mpeg, audio/wav, audio/flac.';
		expect(output.map((item) => item.json)).toEqual([
			{
				error: 'loop.gif is of type image/gif, which Runware does not accept',
				description: accepted,
			},
			{ error: 'page is of type text/html, which Runware does not accept', description: accepted },
			{
				error: 'notes is of type text/plain, which Runware does not accept',
				description: accepted,
			},
		]);
		expect(env.emulator.requestsTo('runware')).toEqual([]);
	});

	it('refuses an image larger than video models take, and an empty file', async () => {
		served.set('/huge.png', {
			body: png(100),
			headers: { 'content-type': 'image/png', 'content-length': String(21 * 1024 * 1024) },
		});
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([fileItem(png(21 * 1024 * 1024), 'image/png', 'big.png'), { json: {} }]),
				uploadAsset(
					'runware',
					{
						source: '={{ $itemIndex === 1 ? "url" : "binary" }}',
						url: `${web.url}/huge.png`,
					},
					{ continueOnFail: true },
				),
			]),
		);
		expect(result.output('Upload Asset').map((item) => item.json.error)).toEqual([
			'big.png is 21 MB, more than the 20 MB Runware video models take',
			'huge.png is 21 MB, more than the 20 MB Runware video models take',
		]);
		const empty = await upload({}, [fileItem(Buffer.alloc(0), 'video/mp4', 'empty.mp4')]);
		expect(empty.output('Upload Asset')[0].json.error).toBe('empty.mp4 is empty');
		expect(env.emulator.requestsTo('runware')).toEqual([]);
	});

	it('deletes stored media by the mediaUUID of the input item', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([fileItem(PNG, 'image/png', 'frame.png')]),
				uploadAsset('runware'),
				uploadAsset('runware', { operation: 'delete' }, {}, 'Delete'),
			]),
		);
		const { mediaUUID, mediaURL } = result.output('Upload Asset')[0].json;
		expect(result.output('Delete').map((item) => item.json)).toEqual([
			{ mediaUUID, deleted: true },
		]);
		expect((await fetch(String(mediaURL))).status).toBe(404);

		const again = await env.harness.runWorkflow(
			workflow([
				startNode([{ json: { mediaUUID } }, { json: { mediaUUID: 'frame.png' } }]),
				uploadAsset('runware', { operation: 'delete' }, { continueOnFail: true }),
			]),
		);
		const [unknown, invalid] = again.output('Upload Asset');
		expect(unknown.json.error).toContain('mediaNotFound');
		expect(invalid.json.error).toBe('mediaUUID "frame.png" is not a Runware media UUID');
	});

	it('Read file → Upload Asset → Runware Video (Submit Only) → Poll Task gives the MP4', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([fileItem(PNG, 'image/png', 'cat.png', 'photo')]),
				uploadAsset('runware', { binaryPropertyName: 'photo' }),
				runwareSubmit({
					model: { __rl: true, mode: 'list', value: 'klingai:5@2' },
					positivePrompt: 'The cat in this photo slowly turns its head',
					duration: 5,
					frameImages: {
						frameImage: [{ source: 'text', inputImage: '={{ $json.mediaUUID }}', frame: 'first' }],
					},
				}),
				pollTask('runware', { returnAs: 'binary' }),
			]),
		);
		expect(result.error).toBeUndefined();
		const { mediaUUID } = result.output('Upload Asset')[0].json;
		const [task] = runwareTasksPerRequest(env.emulator, 'runware.videoInference').flat();
		expect(task.frameImages).toEqual([{ inputImage: mediaUUID, frame: 'first' }]);
		const [video] = result.output('Poll Task');
		expect(video.json).toMatchObject({ model: 'klingai:5@2', status: 'success' });
		expect(video.binary?.data).toMatchObject({ mimeType: 'video/mp4', id: expect.any(String) });
		expect(video.pairedItem).toEqual({ item: 0 });
	});

	it('uploads a file n8n keeps in its binary store (a downloaded video)', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(),
				runwareSubmit(),
				pollTask('runware', { returnAs: 'binary' }),
				node(
					'Upload Asset',
					TYPES.uploadAsset,
					{ provider: 'runware' },
					{
						credentials: ['runwareApi'],
					},
				),
			]),
		);
		expect(result.error).toBeUndefined();
		const [video] = result.output('Poll Task');
		expect(video.binary?.data.id).toMatch(/^filesystem/);
		const [asset] = result.output('Upload Asset');
		expect(asset.json).toMatchObject({ mediaType: 'video', mimeType: 'video/mp4' });
		const original = await download(String(video.json.videoURL));
		expect(asset.json.fileSize).toBe(original.length);
		expect(sha256(await download(String(asset.json.mediaURL)))).toBe(sha256(original));
	});
});
