import type { INodeParameters } from 'n8n-workflow';

import { ACCOUNT_SECRET_MARKER, ASSET_CONTENT_TYPES } from '../../emulator';
import { startLoopbackServer, type LoopbackServer } from '../../unit/harness/loopback-server';
import { startNode, workflow } from '../../harness';
import {
	FIRST,
	pollTask,
	runwaySubmit,
	SECOND,
	setup,
	TYPES,
	uploadAsset,
	type Setup,
} from '../poll-task/setup';
import { download, fileItem, mp4, png, rawUpload, sha256 } from './files';

const PNG = png(4096);

describe('Upload Asset: Runway', () => {
	let env: Setup;
	let web: LoopbackServer;
	const served = new Map<string, { body: Buffer; headers: Record<string, string> }>();

	beforeAll(async () => {
		env = await setup({ binaryMode: 'filesystem', credentialEmail: FIRST });
		web = await startLoopbackServer((request, response) => {
			const file = served.get(request.path);
			if (!file) return void response.writeHead(404).end();
			response.writeHead(200, file.headers);
			response.end(file.body);
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

	const run = (parameters: INodeParameters, input = [fileItem(PNG, 'image/png', 'frame.png')]) =>
		env.harness.runWorkflow(
			workflow([startNode(input), uploadAsset('runway', parameters, { continueOnFail: true })]),
		);

	const uploads = () => env.emulator.requestsTo('useapi.assets.upload');

	it('uploads the raw bytes of a file of the input item and outputs its assetId', async () => {
		const result = await run({});
		const [item] = result.output('Upload Asset');
		expect(item.json).toEqual({
			assetId: expect.stringMatching(new RegExp(`^user:1-runwayml:${FIRST}-asset:`)),
			account: FIRST,
			name: 'frame.png',
			mediaType: 'image',
			fileSize: PNG.length,
			url: expect.stringContaining(env.emulator.url),
			createdAt: expect.any(String),
			mimeType: 'image/png',
		});
		const [request] = uploads();
		expect(request.query).toEqual({ name: 'frame.png', email: FIRST });
		expect(request.headers['content-type']).toBe('image/png');
		expect(request.body).toEqual(rawUpload(PNG, 'image/png'));
		expect(request.headers.authorization).toBe(`Bearer ${env.emulator.useApiToken}`);
	});

	it('stores the asset on the chosen account under the given name, in the allow-list spelling', async () => {
		const result = await run({ email: SECOND, assetName: 'opening shot' }, [
			fileItem(PNG, 'image/jpg', 'frame.jpg'),
		]);
		expect(result.output('Upload Asset')[0].json).toMatchObject({
			account: SECOND,
			name: 'opening shot',
			mimeType: 'image/jpeg',
		});
		const [request] = uploads();
		expect(request.query).toEqual({ name: 'opening shot', email: SECOND });
		expect(request.headers['content-type']).toBe('image/jpeg');
	});

	it.each([['video/MP2T'], ['video/mp2t']])(
		'takes a %s file (useapi.net lists video/MP2T) and sends it in that spelling',
		async (mimeType) => {
			const clip = mp4(2048);
			const result = await run({}, [fileItem(clip, mimeType, 'clip.ts')]);
			expect(result.output('Upload Asset')[0].json).toMatchObject({ mimeType: 'video/MP2T' });
			expect(uploads()[0].headers['content-type']).toBe('video/MP2T');
		},
	);

	it('streams a file from a URL to useapi.net', async () => {
		const video = mp4(300_000);
		served.set('/clips/motion', { body: video, headers: { 'content-type': 'video/mp4' } });
		const result = await run({ source: 'url', url: `${web.url}/clips/motion` });
		expect(result.output('Upload Asset')[0].json).toMatchObject({
			name: 'motion',
			mediaType: 'video',
			fileSize: video.length,
			mimeType: 'video/mp4',
		});
		expect(uploads()[0].body).toMatchObject({ bytes: video.length, sha256: sha256(video) });
		expect(web.requests).toHaveLength(1);
		expect(web.requests[0].headers.authorization).toBeUndefined();
	});

	it('streams a file that n8n keeps in its binary store (a downloaded video)', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(),
				runwaySubmit(),
				pollTask('runway', { returnAs: 'binary' }),
				uploadAsset('runway', { assetName: 'reference.mp4' }),
			]),
		);
		expect(result.error).toBeUndefined();
		const [video] = result.output('Poll Task');
		expect(video.binary?.data.id).toMatch(/^filesystem/);
		const original = await download(String(video.json.videoURL));
		const [asset] = result.output('Upload Asset');
		expect(asset.json).toMatchObject({ mediaType: 'video', fileSize: original.length });
		const [request] = uploads();
		expect(request.headers['content-length']).toBe(String(original.length));
		expect(request.body).toMatchObject({ bytes: original.length, sha256: sha256(original) });
	});

	it('refuses a type useapi.net does not take, naming the allow-list, before sending anything', async () => {
		const result = await run({}, [
			fileItem(Buffer.from('%PDF-1.7'), 'application/pdf', 'brief.pdf'),
			fileItem(Buffer.from('data'), 'application/octet-stream', 'blob'),
		]);
		const [pdf, blob] = result.output('Upload Asset');
		expect(pdf.json).toEqual({
			error: 'brief.pdf is of type application/pdf, which useapi.net (Runway) does not accept',
			description: `useapi.net (Runway) accepts: ${ASSET_CONTENT_TYPES.join(', ')}.`,
		});
		expect(blob.json.error).toBe(
			'blob is of unknown type, which useapi.net (Runway) does not accept',
		);
		expect(env.emulator.requestsTo('useapi')).toEqual([]);
	});

	it('lists assets, by account and media type, page by page', async () => {
		const input = [
			...Array.from({ length: 52 }, (_, index) => fileItem(PNG, 'image/png', `frame-${index}.png`)),
			fileItem(mp4(2000), 'video/mp4', 'clip.mp4'),
		];
		await env.harness.runWorkflow(
			workflow([
				startNode(input),
				uploadAsset('runway', { email: `={{ $itemIndex === 52 ? "${SECOND}" : "${FIRST}" }}` }),
			]),
		);
		const list = async (parameters: INodeParameters) => {
			const result = await env.harness.runWorkflow(
				workflow([startNode(), uploadAsset('runway', { operation: 'list', ...parameters })]),
			);
			return result.output('Upload Asset').map((item) => item.json);
		};

		const all = await list({ returnAll: true });
		expect(all).toHaveLength(53);
		expect(all[0]).toMatchObject({ name: 'clip.mp4', account: SECOND, mediaType: 'video' });
		const pages = env.emulator.requestsTo('useapi.assets.list').map((request) => request.query);
		expect(pages).toEqual([
			{ offset: '0', limit: '50' },
			{ offset: '50', limit: '50' },
		]);

		expect(await list({})).toHaveLength(50);
		expect(await list({ limit: 3 })).toHaveLength(3);
		expect(await list({ listAccount: SECOND })).toEqual([
			expect.objectContaining({ name: 'clip.mp4' }),
		]);
		const images = await list({ mediaType: 'image', returnAll: true });
		expect(images).toHaveLength(52);
		expect(new Set(images.map((asset) => asset.account))).toEqual(new Set([FIRST]));
	});

	it('deletes an asset by the assetId of the input item', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([fileItem(PNG, 'image/png', 'frame.png')]),
				uploadAsset('runway'),
				uploadAsset('runway', { operation: 'delete' }, {}, 'Delete'),
			]),
		);
		const { assetId } = result.output('Upload Asset')[0].json;
		expect(result.output('Delete').map((item) => item.json)).toEqual([{ assetId, deleted: true }]);
		const [request] = env.emulator.requestsTo('useapi.assets.delete');
		expect(request.path).toBe(`/useapi/v1/runwayml/assets/${String(assetId)}`);

		const again = await env.harness.runWorkflow(
			workflow([
				startNode([{ json: { assetId } }, { json: { assetId: 'frame.png' } }]),
				uploadAsset('runway', { operation: 'delete' }, { continueOnFail: true }),
			]),
		);
		const [unknown, invalid] = again.output('Upload Asset');
		expect(unknown.json.error).toBe(`useapi.net does not know the asset ${String(assetId)}`);
		expect(invalid.json.error).toBe(
			'assetId "frame.png" is not a useapi.net Runway asset ID (user:<number>-runwayml:<account email>-asset:<uuid>)',
		);
	});

	it('offers the linked accounts by email only', async () => {
		const request = (methodName: string) =>
			env.harness.loadOptions({
				nodeType: TYPES.uploadAsset,
				methodName,
				credentials: ['useApiApi'],
				parameters: { provider: 'runway' },
			});
		const upload = await request('getUploadAccounts');
		expect(upload.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: `Credential Default (${FIRST})`, value: '' },
			{ name: FIRST, value: FIRST },
			{ name: SECOND, value: SECOND },
		]);
		const listing = await request('getListAccounts');
		expect(listing.map(({ value }) => value)).toEqual(['any', FIRST, SECOND]);
		expect(JSON.stringify([upload, listing])).not.toContain(ACCOUNT_SECRET_MARKER);
	});

	it('Read file → Upload Asset → Runway Video (Submit Only) → Poll Task gives the MP4', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([fileItem(PNG, 'image/png', 'first-frame.png', 'photo')]),
				uploadAsset('runway', { binaryPropertyName: 'photo', email: SECOND }),
				runwaySubmit({ model: 'gen4-turbo', imageAssetId1: '={{ $json.assetId }}' }),
				pollTask('runway', { returnAs: 'binary' }),
			]),
		);
		expect(result.error).toBeUndefined();
		const { assetId } = result.output('Upload Asset')[0].json;
		const [create] = env.emulator.requestsTo('useapi.create');
		expect(create.body).toMatchObject({ kind: 'json', value: { imageAssetId1: assetId } });
		const [video] = result.output('Poll Task');
		expect(video.json).toMatchObject({ status: 'SUCCEEDED', model: 'gen4-turbo' });
		// The asset's account ran the generation.
		expect(String(video.json.taskId)).toContain(`-runwayml:${SECOND}-task:`);
		expect(video.binary?.data).toMatchObject({ mimeType: 'video/mp4', id: expect.any(String) });
		expect(video.pairedItem).toEqual({ item: 0 });
	});
});
