/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { model, setup, videoRun, NODE_NAME, type Setup } from './setup';

const RESULT_BYTES = 5 * 1024 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(1024, 3),
]);
const input: INodeExecutionData[] = [
	{
		json: { prompt: 'The cat in this photo slowly turns its head and blinks' },
		binary: {
			photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'cat.png' },
		},
	},
];

const parameters = {
	model: model('klingai:5@2'),
	positivePrompt: '={{ $json.prompt }}',
	duration: 5,
	frameImages: { frameImage: [{ source: 'binary', binaryPropertyName: 'photo', frame: 'first' }] },
	binaryPropertyName: 'video',
};

describe('Runware Video: prompt and image to a downloaded MP4', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({
			binaryMode: 'filesystem',
			knobs: { runware: { resultBytes: RESULT_BYTES } },
		});
		await env.harness.listenForResume();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	async function storedFile(binary: IBinaryData): Promise<Buffer> {
		const folder = env.harness.binaryStoragePath ?? '';
		const entries = await readdir(folder, { recursive: true, withFileTypes: true });
		const name = String(binary.id).split('/').pop() ?? '';
		const file = entries.find((entry) => entry.isFile() && entry.name === name);
		if (!file) throw new Error(`No stored file for ${String(binary.id)}`);
		return await readFile(path.join(file.parentPath, file.name));
	}

	async function expectDownloadedMp4(item: INodeExecutionData): Promise<void> {
		const binary = item.binary?.video;
		expect(binary).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${String(item.json.videoUUID)}.mp4`,
			id: expect.any(String),
		});
		const served = Buffer.from(await (await fetch(String(item.json.videoURL))).arrayBuffer());
		const stored = await storedFile(binary as IBinaryData);
		expect(stored.length).toBe(served.length);
		expect(sha256(stored)).toBe(sha256(served));
		expect(stored.subarray(4, 8).toString('latin1')).toBe('ftyp');
		// Result downloads carry no credentials.
		for (const request of env.emulator.requestsTo('files')) {
			expect(request.headers.authorization).toBeUndefined();
		}
	}

	it('waits for completion and streams the video into binary data', async () => {
		const result = await env.harness.runWorkflow(videoRun(parameters, input));
		expect(result.error).toBeUndefined();
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({ model: 'klingai:5@2', status: 'success' });
		await expectDownloadedMp4(item);
	});

	it('resumes on the webhook and streams the video into binary data', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({ ...parameters, waitMode: 'webhook' }, input),
		);
		expect(result.status).toBe('waiting');
		const resumed = await env.harness.awaitResumedRun(result.resume!, 10_000);
		expect(resumed.error).toBeUndefined();
		const [item] = resumed.output(NODE_NAME);
		expect(item.pairedItem).toEqual({ item: 0 });
		await expectDownloadedMp4(item);
	});

	it('submits only: the task UUID comes back at once and leads to the MP4', async () => {
		env.emulator.setKnobs({ runware: { generationMs: 2000 } });
		const result = await env.harness.runWorkflow(
			videoRun({ ...parameters, waitMode: 'submit' }, input),
		);
		const [item] = result.output(NODE_NAME);
		expect(item.json).toEqual({
			taskUUID: expect.any(String),
			model: 'klingai:5@2',
			numberResults: 1,
			status: 'submitted',
		});
		expect(item.binary).toBeUndefined();
		expect(env.emulator.requestsTo('runware.getResponse')).toHaveLength(0);

		// What a Poll Task node does later with the UUID.
		await env.emulator.waitForEvent(
			(event) => event.type === 'taskDone' && event.taskId === item.json.taskUUID,
		);
		const response = await fetch(env.emulator.runwareUrl, {
			method: 'POST',
			headers: { authorization: `Bearer ${env.emulator.runwareApiKey}` },
			body: JSON.stringify([{ taskType: 'getResponse', taskUUID: item.json.taskUUID }]),
		});
		const { data } = (await response.json()) as {
			data: Array<{ videoURL: string; status: string }>;
		};
		expect(data[0].status).toBe('success');
		const video = Buffer.from(await (await fetch(data[0].videoURL)).arrayBuffer());
		expect(video.length).toBeGreaterThanOrEqual(RESULT_BYTES);
	});
});
