import type { Emulator } from '../../emulator';
import { KNOBS_HEADER, startEmulator } from '../../emulator';
import { getResponse, runware, useapi, videoTask } from './helpers';

const CREATE = '/v1/runwayml/videos/create';
const CREATE_BODY = { model: 'gen4.5', text_prompt: 'A city', email: 'first@runway.test' };

describe('emulator knobs and faults', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({
			knobs: { runware: { generationMs: 50 }, useapi: { generationMs: 50 } },
		});
	});

	afterEach(async () => {
		await emulator.reset();
	});

	afterAll(async () => {
		await emulator.close();
	});

	const create = () => useapi(emulator, 'POST', CREATE, { json: CREATE_BODY });

	it('starts in well under a second on a random loopback port', async () => {
		const started = Date.now();
		const other = await startEmulator();
		try {
			expect(Date.now() - started).toBeLessThan(1000);
			expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(other.url).not.toBe(emulator.url);
			expect(other.runwareUrl).toBe(`${other.url}/runware/v1`);
			expect(other.useApiUrl).toBe(`${other.url}/useapi`);
			expect(other.schemaUrl).toBe(`${other.url}/runware-schemas`);
		} finally {
			await other.close();
		}
	});

	it('answers a 429 burst on the next N creates, then lets them through', async () => {
		emulator.setKnobs({
			useapi: { retryAfterSeconds: 3 },
			faults: [{ route: 'useapi.create', status: 429, times: 2 }],
		});
		const statuses = [];
		for (let index = 0; index < 3; index++) statuses.push((await create()).status);
		expect(statuses).toEqual([429, 429, 200]);
		const burst = emulator.requestsTo('useapi.create')[0];
		expect(burst.fault).toBe('status 429');
	});

	it('consumes a 5xx status list in order, with gateway pages for 502/504', async () => {
		emulator.injectFaults({ route: 'runware.getResponse', status: [503, 502, 500] });
		const task = videoTask();
		await runware(emulator, [task]);
		const answers = [];
		for (let index = 0; index < 4; index++) {
			answers.push(await runware(emulator, getResponse(task.taskUUID as string)));
		}
		expect(answers.map((answer) => answer.status)).toEqual([503, 502, 500, 200]);
		expect(answers[0].body.errors[0].code).toBe('serviceUnavailable');
		expect(answers[1].headers.get('content-type')).toBe('text/html');
		expect(answers[1].body).toContain('502 Bad Gateway');
	});

	it.each([
		[402, /subscription/],
		[412, /Not enough credits/],
		[422, /moderation/],
		[596, /error state/],
	])('maps an injected %i to useapi.net’s body', async (status, message) => {
		emulator.injectFaults({ route: 'useapi.create', status });
		const response = await create();
		expect(response.status).toBe(status);
		expect(response.body).toEqual({ error: expect.stringMatching(message), code: status });
	});

	it('returns a Runware error inside HTTP 200', async () => {
		emulator.injectFaults({ route: 'runware.videoInference', code: 'noAvailableServer' });
		const task = videoTask();
		const response = await runware(emulator, [task]);
		expect(response.status).toBe(200);
		expect(response.body.errors[0]).toEqual(
			expect.objectContaining({ code: 'noAvailableServer', taskUUID: task.taskUUID }),
		);
	});

	it('drops the connection before handling: nothing is created', async () => {
		emulator.injectFaults({ route: 'useapi.create', drop: 'before' });
		await expect(create()).rejects.toThrow();
		expect(emulator.events.filter((event) => event.type === 'taskCreated')).toEqual([]);
		expect((await create()).status).toBe(200);
	});

	it('drops the connection after handling: the task exists though the client saw an error', async () => {
		emulator.injectFaults({ route: 'runware.videoInference', drop: 'after' });
		const task = videoTask();
		await expect(runware(emulator, [task])).rejects.toThrow();
		const polled = await runware(emulator, getResponse(task.taskUUID as string));
		expect(polled.body.data[0].taskUUID).toBe(task.taskUUID);
	});

	it('hangs after handling: the task exists, the answer never comes, the next request is answered', async () => {
		emulator.injectFaults({ route: 'useapi.create', hang: true });
		const hung = fetch(`${emulator.useApiUrl}${CREATE}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${emulator.useApiToken}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify(CREATE_BODY),
			signal: AbortSignal.timeout(500),
		});
		await expect(hung).rejects.toThrow();
		expect(emulator.requestsTo('useapi.create')[0].fault).toBe('hang');
		expect(emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(1);
		expect((await create()).status).toBe(200);
	});

	it('answers malformed JSON after doing the work', async () => {
		emulator.injectFaults({ route: 'useapi.create', malformed: true });
		const response = await create();
		expect(response.status).toBe(200);
		expect(typeof response.body).toBe('string');
		expect(() => JSON.parse(response.body)).toThrow();
		expect(emulator.events.filter((event) => event.type === 'taskCreated')).toHaveLength(1);
	});

	it('answers a redirect to any address, once per fault', async () => {
		emulator.injectFaults({ route: 'files', redirectTo: 'ftp://127.0.0.1/video.mp4' });
		const url = `${emulator.url}/files/missing.mp4`;
		const redirected = await fetch(url, { redirect: 'manual' });
		expect(redirected.status).toBe(302);
		expect(redirected.headers.get('location')).toBe('ftp://127.0.0.1/video.mp4');
		expect((await fetch(url, { redirect: 'manual' })).status).toBe(404);
		expect(emulator.requestsTo('files').map((request) => request.fault)).toEqual([
			'redirect ftp://127.0.0.1/video.mp4',
			undefined,
		]);
	});

	it('delays responses globally and per fault', async () => {
		emulator.setKnobs({ delayMs: 120 });
		let started = Date.now();
		await runware(emulator, [{ taskType: 'ping', ping: true }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		emulator.setKnobs({ delayMs: 0, faults: [{ route: 'runware', delayMs: 150 }] });
		started = Date.now();
		await runware(emulator, [{ taskType: 'ping', ping: true }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('overrides knobs for one request through a header', async () => {
		const task = videoTask();
		await runware(emulator, [task], {
			headers: {
				[KNOBS_HEADER]: JSON.stringify({ runware: { failureRate: 1, failureShape: 'embedded' } }),
			},
		});
		const plain = videoTask();
		await runware(emulator, [plain]);
		await emulator.waitForEvent(
			(event) => event.type === 'taskDone' && event.taskId === plain.taskUUID,
		);
		await emulator.waitForEvent(
			(event) => event.type === 'taskDone' && event.taskId === task.taskUUID,
		);
		const polled = await runware(
			emulator,
			getResponse(task.taskUUID as string, plain.taskUUID as string),
		);
		expect(polled.body.data.map((item: { status: string }) => item.status)).toEqual([
			'error',
			'success',
		]);
	});

	it('records task completion events with timestamps', async () => {
		const task = videoTask();
		const before = Date.now();
		await runware(emulator, [task]);
		const done = await emulator.waitForEvent((event) => event.type === 'taskDone');
		expect(done).toEqual({
			type: 'taskDone',
			provider: 'runware',
			taskId: task.taskUUID,
			outcome: 'success',
			at: expect.any(Number),
		});
		expect((done as { at: number }).at - before).toBeGreaterThanOrEqual(40);
	});

	it('is deterministic for a seed: same outcomes and result ids', async () => {
		async function run(): Promise<string[]> {
			const seeded = await startEmulator({
				knobs: { seed: 7, runware: { failureRate: 0.5, generationMs: 5 } },
			});
			try {
				const tasks = Array.from({ length: 6 }, (_, index) =>
					videoTask({ taskUUID: `00000000-0000-4000-8000-00000000000${index}` }),
				);
				await runware(seeded, tasks);
				await Promise.all(
					tasks.map((task) =>
						seeded.waitForEvent(
							(event) => event.type === 'taskDone' && event.taskId === task.taskUUID,
						),
					),
				);
				const polled = await runware(
					seeded,
					getResponse(...tasks.map((task) => task.taskUUID as string)),
				);
				return [
					...(polled.body.data ?? []).map((item: { videoUUID: string }) => item.videoUUID),
					...(polled.body.errors ?? []).map(
						(error: { taskUUID: string }) => `failed ${error.taskUUID}`,
					),
				];
			} finally {
				await seeded.close();
			}
		}
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first.some((entry) => entry.startsWith('failed'))).toBe(true);
		expect(first.some((entry) => !entry.startsWith('failed'))).toBe(true);
	});

	it('reset forgets requests, tasks and faults and restores the starting knobs', async () => {
		emulator.setKnobs({ useapi: { failureRate: 1 }, faults: [{ status: 500, times: 5 }] });
		await create();
		await emulator.reset();
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.knobs.useapi.failureRate).toBe(0);
		expect((await create()).status).toBe(200);
	});
});
