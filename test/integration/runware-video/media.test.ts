import { randomUUID } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { summariseJson } from '../../emulator/log';
import { model, sentTasks, setup, videoRun, NODE_NAME, type Setup } from './setup';

/** A file that starts like a PNG; the emulator only looks at the type and the base64. */
function png(bytes: number): Buffer {
	const data = Buffer.alloc(bytes, 7);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
	return data;
}

const PNG = png(2048);
const PNG_BASE64 = PNG.toString('base64');
const PNG_DATA_URI = `data:image/png;base64,${PNG_BASE64}`;
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(4000, 1)]);
const MP4 = Buffer.concat([
	Buffer.from([0, 0, 0, 24]),
	Buffer.from('ftypisom'),
	Buffer.alloc(4000, 2),
]);

const withBinary = (
	binary: Record<string, { data: Buffer; mimeType: string; fileName: string }>,
) => [
	{
		json: {},
		binary: Object.fromEntries(
			Object.entries(binary).map(([name, file]) => [
				name,
				{ data: file.data.toString('base64'), mimeType: file.mimeType, fileName: file.fileName },
			]),
		),
	},
];

const text = (value: string, extra: IDataObject = {}): IDataObject => ({
	source: 'text',
	...extra,
	value,
});

describe('Runware Video: media inputs', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	async function upload(media: string): Promise<string> {
		const response = await fetch(env.emulator.runwareUrl, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${env.emulator.runwareApiKey}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify([
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), operation: 'upload', media },
			]),
		});
		const body = (await response.json()) as { data: Array<{ mediaUUID: string }> };
		return body.data[0].mediaUUID;
	}

	async function generate(
		air: string,
		parameters: IDataObject,
		items?: INodeExecutionData[],
	): Promise<IDataObject> {
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model(air),
					positivePrompt: 'A portrait that comes alive',
					returnAs: 'url',
					...parameters,
				},
				items,
			),
		);
		expect({ air, error: result.error?.message }).toEqual({ air, error: undefined });
		expect(result.output(NODE_NAME)[0].json.status).toBe('success');
		return sentTasks(env.emulator).at(-1) ?? {};
	}

	const frames = (...entries: IDataObject[]): IDataObject => ({
		frameImages: {
			frameImage: entries.map(
				({ value, ...rest }) => ({ ...rest, inputImage: value }) as IDataObject,
			),
		},
	});

	it('takes an uploaded UUID, a URL, a data URI and base64 text as they are', async () => {
		const uuid = await upload(PNG_DATA_URI);
		const values = [uuid, 'https://example.com/frame.png', PNG_DATA_URI, PNG_BASE64];
		for (const value of values) {
			const task = await generate('klingai:5@3', frames(text(value)));
			expect(task.frameImages).toEqual([{ inputImage: summariseJson(value) }]);
		}
	});

	it('sends a small file from a binary property inline as a data URI', async () => {
		const task = await generate(
			'klingai:5@3',
			frames({ source: 'binary', binaryPropertyName: 'photo' }),
			withBinary({ photo: { data: PNG, mimeType: 'image/png', fileName: 'photo.png' } }),
		);
		expect(task.frameImages).toEqual([{ inputImage: summariseJson(PNG_DATA_URI) }]);
		expect(env.emulator.requestsTo('runware.mediaStorage')).toHaveLength(0);
	});

	it('uploads a large file from a binary property first and sends its UUID', async () => {
		const big = png(3 * 1024 * 1024);
		const task = await generate(
			'klingai:5@3',
			frames({ source: 'binary', binaryPropertyName: 'photo' }),
			withBinary({ photo: { data: big, mimeType: 'image/png', fileName: 'photo.png' } }),
		);
		const uploads = env.emulator.requestsTo('runware.mediaStorage');
		expect(uploads).toHaveLength(1);
		const [image] = task.frameImages as Array<{ inputImage: string }>;
		expect(image.inputImage).toMatch(/^[0-9a-f-]{36}$/);
		const stored = await fetch(`${env.emulator.url}/files/${image.inputImage}.png`);
		expect(Buffer.from(await stored.arrayBuffer()).equals(big)).toBe(true);
	});

	it('fails the item, before any request, when the binary property is missing', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({
				model: model('klingai:5@3'),
				positivePrompt: 'A portrait',
				...frames({ source: 'binary', binaryPropertyName: 'nothing' }),
			}),
		);
		expect(result.error?.message).toContain('nothing');
		expect(env.emulator.requests).toHaveLength(0);
	});

	it('sends a file of a generic type as the type its name tells', async () => {
		const task = await generate(
			'klingai:5@3',
			frames({ source: 'binary', binaryPropertyName: 'photo' }),
			withBinary({
				photo: { data: PNG, mimeType: 'application/octet-stream', fileName: 'photo.png' },
			}),
		);
		expect(task.frameImages).toEqual([{ inputImage: summariseJson(PNG_DATA_URI) }]);
	});

	it('fails the item, before any upload, when a file is not of the kind its field takes', async () => {
		const big = png(3 * 1024 * 1024);
		const result = await env.harness.runWorkflow(
			videoRun(
				{
					model: model('pixverse:lipsync@1'),
					positivePrompt: 'The speaker talks',
					referenceVideos: { video: [{ source: 'binary', binaryPropertyName: 'clip' }] },
					inputAudios: { audio: [{ source: 'binary', binaryPropertyName: 'photo' }] },
				},
				withBinary({
					clip: { data: big, mimeType: 'video/mp4', fileName: 'clip.mp4' },
					photo: { data: PNG, mimeType: 'image/png', fileName: 'photo.png' },
				}),
			),
		);
		expect(result.error?.message).toBe(
			"inputAudios[0]: photo.png (binary field 'photo') is of type image/png: inputAudios takes " +
				'audio/mpeg, audio/wav, audio/flac',
		);
		expect(env.emulator.requests).toHaveLength(0);
	});

	it('places frame images at first, last or a frame number, or leaves it to the API', async () => {
		const first = 'https://example.com/a.png';
		const last = 'https://example.com/b.png';
		const explicit = await generate(
			'pixverse:1@5',
			frames(text(last, { frame: 'last' }), text(first, { frame: 'first' })),
		);
		expect(explicit.frameImages).toEqual([
			{ inputImage: last, frame: 'last' },
			{ inputImage: first, frame: 'first' },
		]);

		const automatic = await generate('pixverse:1@5', frames(text(first), text(last)));
		expect(automatic.frameImages).toEqual([{ inputImage: first }, { inputImage: last }]);

		// A model the catalogue knows no frame limits of, with the nested input shape.
		const numbered = await generate('google:veo@3.1-lite', {
			duration: 8,
			...frames(text(first, { frame: 'first' }), text(last, { frame: 'number', frameNumber: 96 })),
		});
		expect(numbered.inputs).toEqual({
			frameImages: [
				{ image: first, frame: 'first' },
				{ image: last, frame: 96 },
			],
		});
	});

	it('sends reference images', async () => {
		const task = await generate('vidu:1@5', {
			referenceImages: { image: [{ source: 'text', image: 'https://example.com/style.png' }] },
		});
		expect(task.referenceImages).toEqual(['https://example.com/style.png']);
	});

	it('sends a reference video with input audio or speech (lip-sync)', async () => {
		const video = {
			referenceVideos: { video: [{ source: 'binary', binaryPropertyName: 'clip' }] },
		};
		const items = withBinary({
			clip: { data: MP4, mimeType: 'video/mp4', fileName: 'clip.mp4' },
			voice: { data: MP3, mimeType: 'audio/mpeg', fileName: 'voice.mp3' },
		});
		const withAudio = await generate(
			'pixverse:lipsync@1',
			{ ...video, inputAudios: { audio: [{ source: 'binary', binaryPropertyName: 'voice' }] } },
			items,
		);
		expect(withAudio.referenceVideos).toEqual([
			summariseJson(`data:video/mp4;base64,${MP4.toString('base64')}`),
		]);
		expect(withAudio.inputAudios).toEqual([
			summariseJson(`data:audio/mpeg;base64,${MP3.toString('base64')}`),
		]);

		const withSpeech = await generate(
			'pixverse:lipsync@1',
			{ ...video, speech: { voice: 'Emily', text: 'Hello from n8n' } },
			items,
		);
		expect(withSpeech.speech).toEqual({ voice: 'Emily', text: 'Hello from n8n' });
		expect(withSpeech).not.toHaveProperty('inputAudios');
	});

	it('puts media under inputs for models of the nested shape', async () => {
		const task = await generate('bytedance:5@1', {
			referenceImages: { image: [{ source: 'text', image: 'https://example.com/face.png' }] },
			inputAudios: { audio: [{ source: 'text', audio: 'https://example.com/voice.mp3' }] },
		});
		expect(task.inputs).toEqual({
			referenceImages: ['https://example.com/face.png'],
			audio: 'https://example.com/voice.mp3',
		});
		expect(task).not.toHaveProperty('referenceImages');
	});
});
