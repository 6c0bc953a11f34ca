import { startEmulator, type Emulator, type KnobsPatch } from '../../emulator';
import { runContractCheck } from '../../live/check';
import type { Target } from '../../live/probes';
import { shapeDifferences, shapeOf } from '../../live/shape';
import { listenForWebhooks, type WebhookListener } from '../../live/webhook';

describe('live contract check: shape comparison', () => {
	it.each([
		['equal shapes', { a: 1, b: ['x'] }, { a: 2, b: ['y', 'z'] }, []],
		[
			'a member only the API gives',
			{ a: 1, extra: true },
			{ a: 1 },
			['$.extra: only the API gives it'],
		],
		[
			'a member only the emulator gives',
			{ a: 1 },
			{ a: 1, extra: 'x' },
			['$.extra: only the emulator gives it'],
		],
		[
			'a different type',
			{ code: 404 },
			{ code: '404' },
			['$.code: the API gives number, the emulator string'],
		],
		['null matches any type', { error: null }, { error: { message: 'x' } }, []],
		[
			'array items merged before comparing',
			{ data: [{ a: 1 }, { b: 2 }] },
			{ data: [{ a: 1, b: 2 }] },
			[],
		],
		[
			'a nested difference',
			{ data: [{ status: 'success' }] },
			{ data: [{ status: 1 }] },
			['$.data[].status: the API gives string, the emulator number'],
		],
		[
			'an envelope against a bare item',
			{ data: [{ a: 1 }] },
			{ a: 1 },
			['$.data: only the API gives it', '$.a: only the emulator gives it'],
		],
	])('%s', (_, real, emulated, expected) => {
		expect(shapeDifferences(shapeOf(real), shapeOf(emulated))).toEqual(expected);
	});
});

describe('live contract check against the emulator on both sides', () => {
	const emulators: Emulator[] = [];
	const listeners: WebhookListener[] = [];

	async function target(knobs: KnobsPatch = {}): Promise<Target> {
		const emulator = await startEmulator({
			accounts: [{ email: 'check@runway.test' }],
			knobs: { runware: { generationMs: 20 }, useapi: { generationMs: 20 }, ...knobs },
		});
		const webhook = await listenForWebhooks(0, 5000);
		emulators.push(emulator);
		listeners.push(webhook);
		return {
			runware: { url: emulator.runwareUrl, apiKey: emulator.runwareApiKey },
			useapi: { url: emulator.useApiUrl, token: emulator.useApiToken },
			paidTask: {
				model: 'klingai:5@3',
				positivePrompt: 'A contract check',
				duration: 5,
				width: 1920,
				height: 1080,
			},
			webhook,
			pollMs: 20,
			timeoutMs: 5000,
		};
	}

	afterEach(async () => {
		await Promise.all(listeners.splice(0).map(async (listener) => await listener.close()));
		await Promise.all(emulators.splice(0).map(async (emulator) => await emulator.close()));
	});

	it('runs every probe and finds no difference between two identical APIs', async () => {
		const results = await runContractCheck(await target(), await target());
		expect(
			results.map((result) => [result.probe.name, result.skipped, result.differences]),
		).toEqual(results.map((result) => [result.probe.name, undefined, []]));
		expect(results.length).toBeGreaterThanOrEqual(8);
	});

	it('reports a webhook body of another shape', async () => {
		const results = await runContractCheck(
			await target({ runware: { webhookShape: 'bare' } }),
			await target(),
		);
		const paid = results.find((result) => result.probe.name.startsWith('a paid task'));
		expect(paid?.differences).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^webhook body: \$\.taskUUID: only the API gives it/),
				expect.stringMatching(/^webhook body: \$\.data: only the emulator gives it/),
			]),
		);
		const others = results.filter((result) => result !== paid);
		expect(others.flatMap((result) => result.differences)).toEqual([]);
	});

	it('skips a provider without a key and the paid task without one', async () => {
		const live = { ...(await target()), useapi: undefined, paidTask: undefined };
		const results = await runContractCheck(live, await target());
		expect(
			results
				.filter((result) => result.skipped)
				.map((result) => [result.probe.provider, result.skipped]),
		).toEqual([
			['runware', expect.stringContaining('LIVE_RUNWARE_TASK')],
			['useapi', 'no useapi key'],
			['useapi', 'no useapi key'],
			['useapi', 'no useapi key'],
			['useapi', 'no useapi key'],
		]);
	});
});
