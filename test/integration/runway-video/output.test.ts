import { UseApiApi } from '../../../credentials/UseApiApi.credentials';
import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';
import { ACCOUNT_SECRET_MARKER } from '../../emulator';
import { createHarness } from '../../harness';
import {
	FIELDS_FROM_JSON,
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

describe('Runway Video: output', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({
			binaryMode: 'filesystem',
			credentialEmail: FIRST,
			knobs: { useapi: { generationMs: 200, callbacks: 'never', resultBytes: 3_000_000 } },
		});
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('streams the video into binary data, downloading without credentials', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({
				model: 'gen4-turbo',
				text_prompt: 'Waves crash',
				imageAssetId1: await uploadAsset(env.emulator, FIRST, 'image'),
				returnAs: 'binary',
				binaryPropertyName: 'video',
				options: { replyRef: 'shot-12' },
			}),
		);
		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE_NAME);
		expect(item.json).toEqual(
			expect.objectContaining({ status: 'SUCCEEDED', model: 'gen4-turbo', replyRef: 'shot-12' }),
		);
		const binary = item.binary?.video;
		expect(binary).toEqual(
			expect.objectContaining({
				mimeType: 'video/mp4',
				fileName: expect.stringMatching(/\.mp4$/),
				id: expect.stringMatching(/^filesystem/),
			}),
		);
		const [artifact] = item.json.artifacts as Array<{ fileSize: number }>;
		expect(artifact.fileSize).toBeGreaterThanOrEqual(3_000_000);
		expect(binary?.bytes).toBe(artifact.fileSize);

		const [download] = env.emulator.requestsTo('files');
		expect(download.headers.authorization).toBeUndefined();
		expect(download.path).toBe(new URL(String(item.json.videoURL)).pathname);
		for (const request of env.emulator.requestsTo('useapi')) {
			expect(request.headers.authorization).toBe(`Bearer ${env.emulator.useApiToken}`);
		}
	});

	it('pairs one output per item with continue-on-fail, the failed item in its place', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(
				FIELDS_FROM_JSON,
				[
					{ json: { model: 'gen4.5', text_prompt: 'One' } },
					{ json: { model: 'veo-3.1', duration: 5 } },
					{ json: { model: 'sora-2', text_prompt: 'Three' } },
				],
				{ continueOnFail: true },
			),
		);
		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.status).toBe('SUCCEEDED');
		expect(output[1].json.error).toContain('duration 5 is not allowed for veo-3.1');
		expect(output[2].json.model).toBe('sora-2');
		expect(sentCreates(env.emulator).map((body) => body.model)).toEqual(['gen4.5', 'sora-2']);
	});

	describe('Runway account', () => {
		it("sends the credential's account by default", async () => {
			await env.harness.runWorkflow(videoRun({ model: 'gen4.5' }));
			expect(sentCreates(env.emulator)).toEqual([{ model: 'gen4.5', email: FIRST }]);
		});

		it('sends a chosen account, or none for "any account"', async () => {
			await env.harness.runWorkflow(videoRun({ model: 'gen4.5', email: SECOND }));
			await env.harness.runWorkflow(videoRun({ model: 'gen4.5', email: 'any' }));
			expect(sentCreates(env.emulator)).toEqual([
				{ model: 'gen4.5', email: SECOND },
				{ model: 'gen4.5' },
			]);
		});

		it('lets the assets pick their account', async () => {
			const image = await uploadAsset(env.emulator, SECOND, 'image');
			const result = await env.harness.runWorkflow(
				videoRun({ model: 'gen4', text_prompt: 'Orbit', imageAssetId1: image }),
			);
			expect(sentCreates(env.emulator)).toEqual([
				{ model: 'gen4', text_prompt: 'Orbit', imageAssetId1: image },
			]);
			expect(String(result.output(NODE_NAME)[0].json.taskId)).toContain(
				`-runwayml:${SECOND}-task:`,
			);
		});

		it('lists the linked accounts by email only', async () => {
			const options = await env.harness.loadOptions({
				nodeType: RUNWAY_VIDEO,
				methodName: 'getAccounts',
				credentials: ['useApiApi'],
				parameters: { model: 'gen4.5' },
			});
			expect(options.map(({ name, value }) => ({ name, value }))).toEqual([
				{ name: `Credential Default (${FIRST})`, value: '' },
				{ name: 'Any Account', value: 'any' },
				{ name: FIRST, value: FIRST },
				{ name: SECOND, value: SECOND },
			]);
			expect(JSON.stringify(options)).not.toContain(ACCOUNT_SECRET_MARKER);
			expect(env.emulator.requestsTo('useapi.accounts')).toHaveLength(1);
		});
	});
});

describe('Runway Video: a rejected token', () => {
	it('fails with a clear message that never shows the token', async () => {
		const env = await setup();
		const harness = await createHarness({
			nodeTypes: { [RUNWAY_VIDEO]: new RunwayVideo() },
			credentialTypes: [new UseApiApi()],
			credentials: {
				useApiApi: { apiToken: 'user:1-not-the-token', email: '', baseUrl: env.emulator.useApiUrl },
			},
		});
		try {
			const result = await harness.runWorkflow(videoRun({ model: 'gen4.5' }));
			expect(result.error?.message).toContain('useapi.net rejected the API token');
			expect(JSON.stringify(result.run.data.resultData)).not.toContain('user:1-not-the-token');
		} finally {
			await harness.close();
			await env.close();
		}
	});
});
