import type { Emulator } from '../../emulator';
import { ACCOUNT_SECRET_MARKER, sampleMp4, startEmulator } from '../../emulator';
import type { LooseJson } from './helpers';
import { sleep, startReceiver, useapi } from './helpers';

const CREATE = '/v1/runwayml/videos/create';
const FIRST = 'first@runway.test';
const SECOND = 'second@runway.test';

describe('useapi.net Runway emulator', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({ knobs: { useapi: { generationMs: 150 } } });
	});

	afterEach(async () => {
		await emulator.reset();
	});

	afterAll(async () => {
		await emulator.close();
	});

	function create(body: Record<string, unknown>) {
		return useapi(emulator, 'POST', CREATE, {
			json: { model: 'gen4.5', text_prompt: 'A city', ...body },
		});
	}

	async function uploadImage(email: string, name = 'cat.png') {
		const response = await useapi(
			emulator,
			'POST',
			`/v1/runwayml/assets/?name=${name}&email=${encodeURIComponent(email)}`,
			{ body: Buffer.from('fake png bytes'), contentType: 'image/png' },
		);
		return response.body.assetId as string;
	}

	describe('accounts', () => {
		it('answers the credential test, and 401 for a wrong token', async () => {
			const ok = await useapi(emulator, 'GET', '/v2/account');
			expect(ok.status).toBe(200);
			expect(ok.body.accounts.runwayml).toEqual({ total: 2, active: 2, error: 0 });
			const refused = await useapi(emulator, 'GET', '/v2/account', { token: 'user:1-wrong' });
			expect(refused.status).toBe(401);
			expect(refused.body).toEqual({ error: 'Unauthorized', code: 401 });
		});

		it('lists the Runway accounts with their password and JWT, as the real API does', async () => {
			const response = await useapi(emulator, 'GET', '/v1/runwayml/accounts');
			expect(Object.keys(response.body)).toEqual([FIRST, SECOND]);
			expect(response.body[FIRST]).toEqual(
				expect.objectContaining({
					email: FIRST,
					maxJobs: 2,
					password: expect.stringContaining(ACCOUNT_SECRET_MARKER),
				}),
			);
			expect(response.body[FIRST].jwt.token).toContain(ACCOUNT_SECRET_MARKER);
		});
	});

	describe('videos/create and tasks', () => {
		it('creates a PENDING task whose taskId goes raw into the poll path', async () => {
			const created = await create({ email: FIRST, duration: 5, replyRef: 'ref-1' });
			expect(created.status).toBe(200);
			const { task } = created.body;
			expect(task).toEqual(
				expect.objectContaining({
					taskId: expect.stringMatching(/^user:1-runwayml:first@runway\.test-task:[0-9a-f-]{36}$/),
					status: 'PENDING',
					progressRatio: '0',
					taskType: 'gen4.5',
					artifacts: [],
					code: 200,
					replyRef: 'ref-1',
				}),
			);
			expect(task.options).toEqual(
				expect.objectContaining({ seconds: 5, width: 1280, height: 720, route: 't2v' }),
			);
			const raw = await useapi(emulator, 'GET', `/v1/runwayml/tasks/${task.taskId}`);
			expect(raw.status).toBe(200);
			expect(raw.body.taskId).toBe(task.taskId);
			expect(emulator.requestsTo('useapi.task')[0].path).toContain(':first@runway.test-task:');
			const encoded = await useapi(
				emulator,
				'GET',
				`/v1/runwayml/tasks/${encodeURIComponent(task.taskId)}`,
			);
			expect(encoded.status).toBe(404);
			expect(encoded.body).toEqual({ error: 'Not found.', code: 404 });
		});

		it('moves PENDING → RUNNING → SUCCEEDED with a playable artifact', async () => {
			emulator.setKnobs({ useapi: { generationMs: 400, resultBytes: 30_000 } });
			const { task } = (await create({ email: FIRST, duration: 5 })).body;
			const seen = new Set<string>();
			let last: LooseJson;
			async function poll() {
				last = (await useapi(emulator, 'GET', `/v1/runwayml/tasks/${task.taskId}`)).body;
				seen.add(last.status);
				if (last.status === 'RUNNING') expect(last.progressRatio).toMatch(/^0\.\d\d$/);
			}
			while (last?.status !== 'SUCCEEDED') {
				await poll();
				await sleep(25);
			}
			expect([...seen]).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
			expect(last.progressRatio).toBe('1');
			const [artifact] = last.artifacts;
			expect(artifact).toEqual(
				expect.objectContaining({
					url: expect.stringMatching(new RegExp(`^${emulator.url}/files/.+\\.mp4$`)),
					fileSize: '30000',
					metadata: { frameRate: 24, duration: 5, dimensions: [1280, 720] },
				}),
			);
			const file = Buffer.from(await (await fetch(artifact.url)).arrayBuffer());
			expect(file.length).toBe(30_000);
			expect(file.subarray(0, sampleMp4().length)).toEqual(sampleMp4());
		});

		it('fails a moderated task with Runway’s error object', async () => {
			emulator.queueOutcomes('useapi', 'moderated');
			const { task } = (await create({ email: FIRST })).body;
			emulator.forceOutcome(task.taskId, 'moderated', { immediately: true });
			const polled = (await useapi(emulator, 'GET', `/v1/runwayml/tasks/${task.taskId}`)).body;
			expect(polled.status).toBe('FAILED');
			expect(polled.error).toEqual(
				expect.objectContaining({
					reason: 'SAFETY.INPUT.TEXT',
					moderation_category: expect.any(String),
				}),
			);
			expect(polled.artifacts).toEqual([]);
		});

		it('shows THROTTLED first when the knob asks for it', async () => {
			emulator.setKnobs({ useapi: { throttledMs: 5000 } });
			const { task } = (await create({ email: FIRST })).body;
			const polled = (await useapi(emulator, 'GET', `/v1/runwayml/tasks/${task.taskId}`)).body;
			expect(polled.status).toBe('THROTTLED');
		});

		it.each([
			[{ model: 'gen5' }, /model "gen5" is not supported/],
			[{ duration: 11 }, /duration 11 is not allowed for gen4\.5/],
			[{ model: 'veo-3.1', exploreMode: true, duration: 4 }, /exploreMode/],
			[
				{
					model: 'gen4',
					text_prompt: undefined,
					imageAssetId1:
						'user:1-runwayml:first@runway.test-asset:00000000-0000-4000-8000-000000000000',
				},
				/text_prompt is required/,
			],
			[{ seed: 0 }, /seed 0 is out of range/],
			[
				{ model: 'kling-3.0-pro', multishot_prompt_1: 'a', multishot_duration_1: 3 },
				/1 multishot shots/,
			],
			[
				{
					model: 'kling-3.0-pro',
					multishot_prompt_1: 'a',
					multishot_duration_1: 3,
					multishot_prompt_3: 'c',
					multishot_duration_3: 3,
				},
				/shot 2\b.*is empty/,
			],
			[{ duration: '5' }, /Parameter duration must be a number/],
			[{ prompt: 'typo' }, /Unknown parameter prompt/],
		])('refuses %j with 400', async (body, message) => {
			const response = await create(body);
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ error: expect.stringMatching(message), code: 400 });
		});

		it('accepts a valid multishot request given as multishot_prompt_N / multishot_duration_N', async () => {
			const response = await create({
				model: 'kling-3.0-pro',
				text_prompt: undefined,
				multishot_prompt_1: 'a door opens',
				multishot_duration_1: 4,
				multishot_prompt_2: 'a dog runs out',
				multishot_duration_2: 5,
			});
			expect(response.status).toBe(200);
			expect(response.body.task.options.seconds).toBe(9);
		});
	});

	describe('accounts, maxJobs and asset pinning', () => {
		it('answers 429 with runningTasks once an account runs maxJobs tasks, with Retry-After', async () => {
			emulator.setKnobs({ useapi: { generationMs: 10_000, retryAfterSeconds: 12 } });
			const first = await create({
				email: SECOND,
				replyUrl: 'http://127.0.0.1:1/cb',
				replyRef: 'r1',
			});
			expect(first.status).toBe(200);
			const busy = await create({ email: SECOND });
			expect(busy.status).toBe(429);
			expect(busy.headers.get('retry-after')).toBe('12');
			expect(busy.body).toEqual({
				error: `Account ${SECOND} is busy executing 1 tasks`,
				runningTasks: {
					[SECOND]: [
						{
							email: SECOND,
							taskId: first.body.task.taskId,
							id: first.body.task.id,
							replyUrl: 'http://127.0.0.1:1/cb',
							replyRef: 'r1',
						},
					],
				},
				code: 429,
			});
			const roomier = await create({ email: SECOND, maxJobs: 2 });
			expect(roomier.status).toBe(200);
		});

		it('picks an account with capacity when no email is given', async () => {
			emulator.setKnobs({ useapi: { generationMs: 10_000 } });
			const emails = [];
			for (let index = 0; index < 3; index++) {
				const response = await create({});
				expect(response.status).toBe(200);
				emails.push(response.body.task.taskId.split('-runwayml:')[1].split('-task:')[0]);
			}
			expect(emails.filter((email) => email === FIRST)).toHaveLength(2);
			expect(emails.filter((email) => email === SECOND)).toHaveLength(1);
			const full = await create({});
			expect(full.status).toBe(429);
		});

		it('runs on the account that holds the assets, and refuses a contradicting email', async () => {
			const assetId = await uploadImage(SECOND);
			const pinned = await create({ model: 'gen4', imageAssetId1: assetId });
			expect(pinned.status).toBe(200);
			expect(pinned.body.task.taskId).toContain(`-runwayml:${SECOND}-task:`);
			expect(pinned.body.task.options.route).toBe('i2v');
			const contradicting = await create({ model: 'gen4', imageAssetId1: assetId, email: FIRST });
			expect(contradicting.status).toBe(400);
			const missing = await create({
				model: 'gen4',
				imageAssetId1: `user:1-runwayml:${FIRST}-asset:00000000-0000-4000-8000-000000000000`,
			});
			expect(missing.status).toBe(400);
		});

		it('answers 596 for an account in an error state', async () => {
			emulator.updateAccount(FIRST, { error: 'session expired' });
			const response = await create({ email: FIRST });
			expect(response.status).toBe(596);
			expect(response.body.code).toBe(596);
		});
	});

	describe('assets', () => {
		it('uploads a raw body and returns an assetId naming the account', async () => {
			const bytes = Buffer.from('not really a png');
			const response = await useapi(
				emulator,
				'POST',
				`/v1/runwayml/assets/?name=cat.png&email=${FIRST}`,
				{
					body: bytes,
					contentType: 'image/png',
				},
			);
			expect(response.status).toBe(200);
			expect(response.body).toEqual(
				expect.objectContaining({
					assetId: expect.stringMatching(
						/^user:1-runwayml:first@runway\.test-asset:[0-9a-f-]{36}$/,
					),
					name: 'cat.png',
					mediaType: 'image',
					size: bytes.length,
				}),
			);
			const served = await fetch(response.body.url);
			expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
			expect(emulator.requestsTo('useapi.assets.upload')[0].body).toEqual(
				expect.objectContaining({ kind: 'raw', bytes: bytes.length, contentType: 'image/png' }),
			);
		});

		it.each([
			[
				'application/octet-stream',
				'name=a&email=first@runway.test',
				/application\/octet-stream.*not supported/,
			],
			['image/jpg', 'name=a&email=first@runway.test', /image\/jpg.*not supported/],
			['image/png', 'email=first@runway.test', /name is required/],
			['image/png', 'name=a', /email is required/],
			['image/png', 'name=a&email=nobody@runway.test', /nobody@runway\.test is not configured/],
		])('refuses Content-Type %s with query %s', async (contentType, query, message) => {
			const response = await useapi(emulator, 'POST', `/v1/runwayml/assets/?${query}`, {
				body: Buffer.from('x'),
				contentType,
			});
			expect(response.status).toBe(400);
			expect(response.body.error).toMatch(message);
		});

		it('lists assets as a bare array with offset, limit, email and mediaType, and deletes them', async () => {
			const image = await uploadImage(FIRST, 'a.png');
			await useapi(emulator, 'POST', `/v1/runwayml/assets/?name=b.mp4&email=${FIRST}`, {
				body: sampleMp4(),
				contentType: 'video/mp4',
			});
			await uploadImage(SECOND, 'c.png');
			const images = await useapi(
				emulator,
				'GET',
				`/v1/runwayml/assets/?offset=0&limit=50&email=${FIRST}&mediaType=image`,
			);
			expect(images.body.map((asset: { name: string }) => asset.name)).toEqual(['a.png']);
			const page = await useapi(emulator, 'GET', '/v1/runwayml/assets/?offset=1&limit=1');
			expect(page.body).toHaveLength(1);
			const badLimit = await useapi(emulator, 'GET', '/v1/runwayml/assets/?offset=0&limit=51');
			expect(badLimit.status).toBe(400);
			const removed = await useapi(emulator, 'DELETE', `/v1/runwayml/assets/${image}`);
			expect(removed.status).toBe(200);
			expect((await useapi(emulator, 'DELETE', `/v1/runwayml/assets/${image}`)).status).toBe(404);
		});
	});

	describe('replyUrl callbacks', () => {
		it('posts progress and the terminal task to replyUrl, carrying replyRef', async () => {
			const receiver = await startReceiver();
			try {
				emulator.setKnobs({ useapi: { progressCallbacks: 2 } });
				const { task } = (
					await create({ email: FIRST, replyUrl: `${receiver.url}/cb`, replyRef: 'item-7' })
				).body;
				await emulator.waitForEvent(
					(event) =>
						event.type === 'callback' &&
						event.taskId === task.taskId &&
						(event.body as LooseJson).status === 'SUCCEEDED',
				);
				const bodies = receiver.calls.map((_, index) => receiver.json(index));
				expect(bodies.map((body) => body.status)).toEqual(['RUNNING', 'RUNNING', 'SUCCEEDED']);
				expect(
					bodies.every((body) => body.replyRef === 'item-7' && body.taskId === task.taskId),
				).toBe(true);
				expect(bodies[2].artifacts[0].url).toContain('/files/');
				expect(receiver.calls[0].headers.authorization).toBeUndefined();
			} finally {
				await receiver.close();
			}
		});

		it('sends a forged terminal callback while the task still runs, or nothing at all', async () => {
			const receiver = await startReceiver();
			try {
				emulator.setKnobs({ useapi: { callbacks: 'forged', generationMs: 5000 } });
				const { task } = (await create({ email: FIRST, replyUrl: receiver.url })).body;
				await emulator.waitForEvent((event) => event.type === 'callback' && event.forged);
				expect(receiver.json(0).status).toBe('SUCCEEDED');
				const real = (await useapi(emulator, 'GET', `/v1/runwayml/tasks/${task.taskId}`)).body;
				expect(real.status).not.toBe('SUCCEEDED');

				emulator.setKnobs({ useapi: { callbacks: 'never', generationMs: 20 } });
				const silent = (await create({ email: SECOND, replyUrl: receiver.url })).body.task;
				await emulator.waitForEvent(
					(event) => event.type === 'taskDone' && event.taskId === silent.taskId,
				);
				await sleep(50);
				expect(
					emulator.events.some(
						(event) => event.type === 'callback' && event.taskId === silent.taskId,
					),
				).toBe(false);
			} finally {
				await receiver.close();
			}
		});
	});
});
