/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals */
/*
 * Live contract check (`npm run test:live`), for a maintainer with API keys; never part of CI.
 * Sends the cheapest requests that exercise each assumption of test/emulator/assumptions.ts (and
 * the reply shapes the emulator copies) to the real APIs and to an in-process emulator, and
 * compares the answers' shapes. Without keys, or with CI set, it says it skipped and exits 0.
 *
 *   RUNWARE_API_KEY      Runware checks (free: unknown UUIDs, a dry-run refusal, a wrong key)
 *   LIVE_RUNWARE_TASK    a videoInference task as JSON (model, prompt, size…) to pay for once:
 *                        ACK, batched getResponse with an unknown UUID
 *   LIVE_WEBHOOK_URL     with LIVE_RUNWARE_TASK: a public URL forwarded to 127.0.0.1:LIVE_WEBHOOK_PORT
 *                        (default 8788), to compare the webhook body; else the webhook is not checked
 *   USEAPI_API_KEY       useapi.net checks (unknown task, refused create, asset upload + delete, wrong token)
 *   USEAPI_EMAIL         the Runway account for the asset upload (needed with several accounts)
 */
import { startEmulator } from '../emulator';
import { runContractCheck } from './check';
import { NOT_CHECKED, type Target } from './probes';
import { listenForWebhooks, type WebhookListener } from './webhook';

const RUNWARE_URL = 'https://api.runware.ai/v1';
const USEAPI_URL = 'https://api.useapi.net';
const LIVE_TIMEOUT_MS = 20 * 60 * 1000;

function paidTask(): Record<string, unknown> | undefined {
	const text = process.env.LIVE_RUNWARE_TASK;
	return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

async function main(): Promise<number> {
	const env = process.env;
	if (env.CI) {
		console.log('Live contract check skipped: it never runs in CI (CI is set).');
		return 0;
	}
	if (!env.RUNWARE_API_KEY && !env.USEAPI_API_KEY) {
		console.log(
			'Live contract check skipped: set RUNWARE_API_KEY and/or USEAPI_API_KEY to run it.',
		);
		return 0;
	}
	const listeners: WebhookListener[] = [];
	const emulator = await startEmulator({
		accounts: [{ email: env.USEAPI_EMAIL ?? 'live-check@runway.test' }],
		knobs: { runware: { generationMs: 200 }, useapi: { generationMs: 200 } },
	});
	try {
		const task = paidTask();
		const liveWebhook =
			env.LIVE_WEBHOOK_URL && task
				? await listenForWebhooks(Number(env.LIVE_WEBHOOK_PORT ?? 8788), LIVE_TIMEOUT_MS)
				: undefined;
		const localWebhook = liveWebhook ? await listenForWebhooks(0, 10_000) : undefined;
		listeners.push(...[liveWebhook, localWebhook].filter((listener) => listener !== undefined));
		const live: Target = {
			runware: env.RUNWARE_API_KEY ? { url: RUNWARE_URL, apiKey: env.RUNWARE_API_KEY } : undefined,
			useapi: env.USEAPI_API_KEY
				? { url: USEAPI_URL, token: env.USEAPI_API_KEY, email: env.USEAPI_EMAIL }
				: undefined,
			paidTask: task,
			webhook: liveWebhook && { url: env.LIVE_WEBHOOK_URL!, next: liveWebhook.next },
			pollMs: 5000,
			timeoutMs: LIVE_TIMEOUT_MS,
		};
		const emulated: Target = {
			runware: { url: emulator.runwareUrl, apiKey: emulator.runwareApiKey },
			useapi: { url: emulator.useApiUrl, token: emulator.useApiToken },
			paidTask: task,
			webhook: localWebhook,
			pollMs: 100,
			timeoutMs: 10_000,
		};
		const results = await runContractCheck(live, emulated);
		let failed = 0;
		for (const { probe, skipped, differences } of results) {
			const verdict = skipped
				? `skipped (${skipped})`
				: differences.length
					? 'DIFFERS'
					: 'same shape';
			console.log(`[${probe.provider}] ${probe.name}: ${verdict}\n    checks ${probe.checks}`);
			for (const difference of differences) console.log(`    - ${difference}`);
			if (differences.length) failed++;
		}
		for (const note of NOT_CHECKED) console.log(`[not checked] ${note}`);
		return failed > 0 ? 1 : 0;
	} finally {
		await Promise.all(listeners.map(async (listener) => await listener.close()));
		await emulator.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
