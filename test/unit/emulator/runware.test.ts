import { randomUUID } from 'node:crypto';

import type { Emulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import { getResponse, runware, startReceiver, videoTask } from './helpers';

/** A listed model no document gives limits for: every klingai setting, the API document's minima. */
const KLING_O3_4K = 'klingai:kling-video@o3-4k';

const PNG_1PX =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('Runware emulator', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({ knobs: { runware: { generationMs: 60 } } });
	});

	afterEach(async () => {
		await emulator.reset();
	});

	afterAll(async () => {
		await emulator.close();
	});

	async function finished(taskUUID: string): Promise<void> {
		await emulator.waitForEvent((event) => event.type === 'taskDone' && event.taskId === taskUUID);
	}

	describe('authentication and ping', () => {
		it('answers the credential test ping', async () => {
			const response = await runware(emulator, [{ taskType: 'ping', ping: true }]);
			expect(response.status).toBe(200);
			expect(response.body).toEqual({ data: [{ taskType: 'ping', pong: true }] });
		});

		it('refuses a wrong key with 401 invalidApiKey', async () => {
			const response = await runware(emulator, [{ taskType: 'ping', ping: true }], { key: 'nope' });
			expect(response.status).toBe(401);
			expect(response.body.errors[0].code).toBe('invalidApiKey');
		});

		it('accepts the key in an authentication task instead of the header', async () => {
			const response = await fetch(emulator.runwareUrl, {
				method: 'POST',
				body: JSON.stringify([
					{ taskType: 'authentication', apiKey: emulator.runwareApiKey },
					{ taskType: 'ping', ping: true },
				]),
			});
			expect(response.status).toBe(200);
		});
	});

	describe('videoInference', () => {
		it('acknowledges an async task with its taskType and taskUUID', async () => {
			const task = videoTask();
			const response = await runware(emulator, [task]);
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				data: [{ taskType: 'videoInference', taskUUID: task.taskUUID }],
			});
		});

		it('rejects a duration the catalogue does not allow, with allowedValues', async () => {
			const task = videoTask({ duration: 7 });
			const response = await runware(emulator, [task]);
			expect(response.status).toBe(400);
			expect(response.body.errors).toEqual([
				expect.objectContaining({
					code: 'unsupportedDuration',
					parameter: 'duration',
					type: 'float',
					taskUUID: task.taskUUID,
					allowedValues: [5, 10],
					documentation: expect.stringContaining('https://runware.ai/docs'),
				}),
			]);
		});

		it.each([
			[{ positivePrompt: undefined }, 'missingPositivePrompt', 'positivePrompt'],
			[{ positivePrompt: 'a' }, 'invalidPositivePrompt', 'positivePrompt'],
			[{ outputQuality: 10 }, 'invalidOutputQuality', 'outputQuality'],
			[{ numberResults: 5 }, 'invalidNumberResults', 'numberResults'],
			[{ outputFormat: 'GIF' }, 'invalidOutputFormat', 'outputFormat'],
			[{ ttl: 30 }, 'invalidTtl', 'ttl'],
			[{ deliveryMethod: 'sync' }, 'unsupportedDeliveryMethod', 'deliveryMethod'],
			[{ width: 1280, height: 720 }, 'unsupportedDimensions', ['width', 'height']],
			[{ fps: 30 }, 'unsupportedFps', 'fps'],
			[{ CFGScale: 2 }, 'invalidCFGScale', 'CFGScale'],
			[{ colour: 'red' }, 'unsupportedParameter', 'colour'],
			[{ webhookURL: 'ftp://example.com' }, 'invalidWebhookURL', 'webhookURL'],
			[
				{ providerSettings: { google: { generateAudio: true } } },
				'mismatchProviderSettingsProvider',
				'providerSettings.google',
			],
		])('rejects %j with %s', async (overrides, code, parameter) => {
			const response = await runware(emulator, [videoTask(overrides)]);
			expect(response.status).toBe(400);
			expect(response.body.errors[0]).toEqual(expect.objectContaining({ code, parameter }));
		});

		it('checks providerSettings fields and values against the catalogue', async () => {
			const accepted = await runware(emulator, [
				videoTask({ model: KLING_O3_4K, providerSettings: { klingai: { sound: true } } }),
			]);
			expect(accepted.status).toBe(200);
			const unknownField = await runware(emulator, [
				videoTask({ model: KLING_O3_4K, providerSettings: { klingai: { loudness: 3 } } }),
			]);
			expect(unknownField.body.errors[0]).toEqual(
				expect.objectContaining({
					code: 'unsupportedParameter',
					parameter: 'providerSettings.klingai.loudness',
				}),
			);
			const wrongType = await runware(emulator, [
				videoTask({ model: KLING_O3_4K, providerSettings: { klingai: { sound: 'yes' } } }),
			]);
			expect(wrongType.body.errors[0]).toEqual(
				expect.objectContaining({
					code: 'invalidProviderSettings',
					parameter: 'providerSettings.klingai.sound',
				}),
			);
			const unknownProvider = await runware(emulator, [
				videoTask({ providerSettings: { acme: {} } }),
			]);
			expect(unknownProvider.body.errors[0].code).toBe('unknownProviderSettingsProvider');
		});

		it('keeps the seed minima but not its maxima for a listed model with no documented limits ("Request-level video parameters")', async () => {
			const response = await runware(emulator, [
				videoTask({
					model: KLING_O3_4K,
					width: 2000,
					height: 1080,
					duration: 12,
				}),
				videoTask({ model: KLING_O3_4K, width: 200, height: 1080 }),
			]);
			expect(response.body.data).toHaveLength(1);
			expect(response.body.errors).toEqual([
				expect.objectContaining({ code: 'unsupportedWidth', parameter: 'width' }),
			]);
		});

		it('refuses flat media fields on a model that takes only nested inputs', async () => {
			const flat = videoTask({
				model: 'alibaba:wan@2.6',
				width: 1280,
				height: 720,
				duration: 5,
				frameImages: [{ inputImage: `data:image/png;base64,${PNG_1PX}`, frame: 'first' }],
			});
			const nested = videoTask({
				model: 'alibaba:wan@2.6',
				width: 1280,
				height: 720,
				duration: 5,
				inputs: { frameImages: [{ image: `data:image/png;base64,${PNG_1PX}`, frame: 'first' }] },
			});
			const response = await runware(emulator, [flat, nested]);
			expect(response.status).toBe(200);
			expect(response.body.errors).toEqual([
				expect.objectContaining({
					code: 'unsupportedParameter',
					parameter: 'frameImages',
					taskUUID: flat.taskUUID,
				}),
			]);
			expect(response.body.data).toEqual([
				{ taskType: 'videoInference', taskUUID: nested.taskUUID },
			]);
		});

		it('rejects an unknown media UUID and accepts an uploaded one', async () => {
			const upload = await runware(emulator, [
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), operation: 'upload', media: PNG_1PX },
			]);
			const { mediaUUID } = upload.body.data[0];
			const frame = (inputImage: string) => [{ inputImage, frame: 'first' }];
			const unknown = await runware(emulator, [videoTask({ frameImages: frame(randomUUID()) })]);
			expect(unknown.body.errors[0]).toEqual(
				expect.objectContaining({
					code: 'invalidFrameImages',
					parameter: 'frameImages[0].inputImage',
				}),
			);
			const known = await runware(emulator, [videoTask({ frameImages: frame(mediaUUID) })]);
			expect(known.status).toBe(200);
		});

		it('refuses a taskUUID that is already used, and a malformed one', async () => {
			const task = videoTask();
			await runware(emulator, [task]);
			const again = await runware(emulator, [{ ...task }]);
			expect(again.body.errors[0].code).toBe('conflictTaskUUID');
			const malformed = await runware(emulator, [videoTask({ taskUUID: 'not-a-uuid' })]);
			expect(malformed.body.errors[0].code).toBe('invalidTaskUUID');
		});

		it('answers validation errors inside HTTP 200 when the knob says so', async () => {
			emulator.setKnobs({ runware: { validationStatus: 200 } });
			const response = await runware(emulator, [videoTask({ duration: 3 })]);
			expect(response.status).toBe(200);
			expect(response.body.errors[0].code).toBe('unsupportedDuration');
		});

		it('refuses an AIR neither the catalogue nor a schema knows, unless told to accept it', async () => {
			const refused = await runware(emulator, [videoTask({ model: 'nobody:1@1' })]);
			expect(refused.body.errors[0].code).toBe('unknownModel');
			emulator.setKnobs({ runware: { unknownModels: 'accept' } });
			const accepted = await runware(emulator, [videoTask({ model: 'nobody:1@1' })]);
			expect(accepted.status).toBe(200);
		});
	});

	describe('getResponse', () => {
		it('reports processing with progress, then every result with URL, seed and cost', async () => {
			const task = videoTask({ numberResults: 2, includeCost: true, seed: 42 });
			await runware(emulator, [task]);
			const early = await runware(emulator, getResponse(task.taskUUID as string));
			expect(early.body.data).toEqual([
				expect.objectContaining({
					taskUUID: task.taskUUID,
					status: 'processing',
					progress: expect.any(Number),
				}),
			]);
			await finished(task.taskUUID as string);
			const done = await runware(emulator, getResponse(task.taskUUID as string));
			expect(done.body.data).toHaveLength(2);
			for (const [index, item] of done.body.data.entries()) {
				expect(item).toEqual({
					taskType: 'videoInference',
					taskUUID: task.taskUUID,
					status: 'success',
					videoUUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
					videoURL: `${emulator.url}/files/${item.videoUUID}.mp4`,
					seed: 42 + index,
					cost: expect.any(Number),
				});
			}
		});

		it('answers several tasks polled in one request', async () => {
			const first = videoTask();
			const second = videoTask();
			await runware(emulator, [first, second]);
			emulator.forceOutcome(first.taskUUID as string, 'success', { immediately: true });
			const response = await runware(
				emulator,
				getResponse(first.taskUUID as string, second.taskUUID as string),
			);
			expect(response.status).toBe(200);
			expect(response.body.data.map((item: { status: string }) => item.status)).toEqual([
				'success',
				'processing',
			]);
		});

		it('reports a failure as a top-level error (shape a)', async () => {
			emulator.queueOutcomes('runware', 'failure');
			const task = videoTask();
			await runware(emulator, [task]);
			await finished(task.taskUUID as string);
			const response = await runware(emulator, getResponse(task.taskUUID as string));
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				errors: [
					expect.objectContaining({
						code: 'timeoutProvider',
						status: 'error',
						taskUUID: task.taskUUID,
					}),
				],
			});
		});

		it('reports a moderated failure embedded in a data item (shape b)', async () => {
			emulator.setKnobs({ runware: { failureShape: 'embedded', moderationRate: 1 } });
			const task = videoTask();
			await runware(emulator, [task]);
			await finished(task.taskUUID as string);
			const response = await runware(emulator, getResponse(task.taskUUID as string));
			expect(response.body.data).toEqual([
				{
					taskType: 'videoInference',
					taskUUID: task.taskUUID,
					status: 'error',
					error: expect.objectContaining({ code: 'providerContentPolicyViolation' }),
				},
			]);
		});

		it('names an unknown taskUUID in an error', async () => {
			const taskUUID = randomUUID();
			const response = await runware(emulator, getResponse(taskUUID));
			expect(response.body.errors[0]).toEqual(
				expect.objectContaining({ code: 'taskFailedOrNotFound', taskUUID }),
			);
		});
	});

	describe('uploads', () => {
		it('stores a data URI and serves its bytes at mediaURL', async () => {
			const taskUUID = randomUUID();
			const response = await runware(emulator, [
				{
					taskType: 'mediaStorage',
					taskUUID,
					operation: 'upload',
					media: `data:image/png;base64,${PNG_1PX}`,
				},
			]);
			const item = response.body.data[0];
			expect(item).toEqual({
				taskType: 'mediaStorage',
				taskUUID,
				mediaUUID: expect.any(String),
				mediaURL: `${emulator.url}/files/${item.mediaUUID}.png`,
			});
			const file = await fetch(item.mediaURL);
			expect(file.headers.get('content-type')).toBe('image/png');
			expect(Buffer.from(await file.arrayBuffer())).toEqual(Buffer.from(PNG_1PX, 'base64'));
		});

		it('keeps a URL as it is, and deletes media', async () => {
			const upload = await runware(emulator, [
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), media: 'https://example.com/cat.png' },
			]);
			const { mediaUUID, mediaURL } = upload.body.data[0];
			expect(mediaURL).toBe('https://example.com/cat.png');
			const removed = await runware(emulator, [
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), operation: 'delete', media: mediaUUID },
			]);
			expect(removed.body.data[0]).toEqual(
				expect.objectContaining({ operation: 'delete', mediaUUID }),
			);
			const again = await runware(emulator, [
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), operation: 'delete', media: mediaUUID },
			]);
			expect(again.body.errors[0].code).toBe('mediaNotFound');
		});

		it('answers the legacy imageUpload with an imageUUID', async () => {
			const response = await runware(emulator, [
				{ taskType: 'imageUpload', taskUUID: randomUUID(), image: PNG_1PX },
			]);
			expect(response.body.data[0].imageUUID).toMatch(/^[0-9a-f-]{36}$/);
		});

		it('refuses media that is neither URL, data URI nor base64', async () => {
			const response = await runware(emulator, [
				{ taskType: 'mediaStorage', taskUUID: randomUUID(), media: '%%% not media %%%' },
			]);
			expect(response.body.errors[0]).toEqual(
				expect.objectContaining({ code: 'invalidMedia', parameter: 'media' }),
			);
		});
	});

	describe('webhookURL and uploadEndpoint', () => {
		it('posts one webhook per result item, without any API key', async () => {
			const receiver = await startReceiver();
			try {
				const task = videoTask({ numberResults: 2, webhookURL: `${receiver.url}/hook?token=abc` });
				await runware(emulator, [task]);
				await finished(task.taskUUID as string);
				await emulator.waitForEvent(
					(event) => event.type === 'callback' && receiver.calls.length === 2,
				);
				expect(receiver.calls.map((call) => call.url)).toEqual([
					'/hook?token=abc',
					'/hook?token=abc',
				]);
				const items = receiver.calls.map((_, index) => receiver.json(index).data[0]);
				expect(items.map((item) => item.status)).toEqual(['success', 'success']);
				expect(new Set(items.map((item) => item.videoUUID)).size).toBe(2);
				expect(receiver.calls[0].headers.authorization).toBeUndefined();
			} finally {
				await receiver.close();
			}
		});

		it('sends a forged success first when the knob says so, and none when told never', async () => {
			const receiver = await startReceiver();
			try {
				emulator.setKnobs({ runware: { callbacks: 'forged', generationMs: 2000 } });
				const forged = videoTask({ webhookURL: receiver.url });
				await runware(emulator, [forged]);
				await emulator.waitForEvent((event) => event.type === 'callback' && event.forged);
				expect(receiver.json(0).data[0].videoURL).toContain('/files/forged-');
				const poll = await runware(emulator, getResponse(forged.taskUUID as string));
				expect(poll.body.data[0].status).toBe('processing');

				emulator.setKnobs({ runware: { callbacks: 'never', generationMs: 10 } });
				const silent = videoTask({ webhookURL: receiver.url });
				await runware(emulator, [silent]);
				await finished(silent.taskUUID as string);
				expect(
					emulator.events.filter((e) => e.type === 'callback' && e.taskId === silent.taskUUID),
				).toEqual([]);
			} finally {
				await receiver.close();
			}
		});

		it('PUTs the result file to uploadEndpoint', async () => {
			const receiver = await startReceiver();
			try {
				emulator.setKnobs({ runware: { resultBytes: 50_000 } });
				const task = videoTask({ uploadEndpoint: `${receiver.url}/bucket/out.mp4?sig=1` });
				await runware(emulator, [task]);
				await emulator.waitForEvent((event) => event.type === 'uploadEndpoint');
				expect(receiver.calls[0].method).toBe('PUT');
				expect(receiver.calls[0].body.length).toBe(50_000);
				expect(receiver.calls[0].body.subarray(4, 8).toString('latin1')).toBe('ftyp');
			} finally {
				await receiver.close();
			}
		});
	});
});
