import { sleep } from 'n8n-workflow';

import type { Emulator, KnobsPatch } from '../../emulator';
import { expectItemOutcomes } from './checks';
import { withFaultEnv, type FaultEnv } from './env';
import { envOptions, ITEMS, runToEnd, type FaultSubject } from './runner';
import { secretLeaks } from './secrets';
import { resumeAtTimeLimit } from './time-limit';
import type { VideoSubject } from './video';

/** Resolves once `count` requests of `route` reached the emulator. */
export async function requestsArrived(
	emulator: Emulator,
	route: string,
	count = 1,
	timeoutMs = 10_000,
): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (emulator.requestsTo(route).length < count) {
		if (Date.now() > until) throw new Error(`Fewer than ${count} requests to ${route}`);
		await sleep(20);
	}
}

/**
 * Checks that nothing reaches the emulator any more after the run ended (requests already on their way when it
 * ended get a moment to arrive first).
 */
async function expectQuietAfterwards(env: FaultEnv): Promise<void> {
	await sleep(300);
	const before = env.emulator.requests.length;
	await sleep(1200);
	expect(env.emulator.requests.length).toBe(before);
}

/**
 * The execution is stopped once `count` requests of `route` arrived (the node is waiting for its tasks, or for a free
 * job slot): the run ends at once, and no request follows (no poll, no create sent again).
 */
export async function cancelMidWaitCase<Mode extends string>(
	subject: FaultSubject<Mode>,
	mode: Mode,
	cancelAfter: { route: string; count?: number; knobs: KnobsPatch },
): Promise<void> {
	await withFaultEnv(envOptions(subject, cancelAfter.knobs), async (env) => {
		const input = subject.workflow(mode, await subject.prepare(env, mode));
		const since = env.emulator.requests.length;
		const started = Date.now();
		const run = env.harness.startWorkflow({ ...input, timeoutMs: 20_000 });
		await requestsArrived(env.emulator, cancelAfter.route, cancelAfter.count);
		run.cancel();
		const result = await run.result;
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
		await expectQuietAfterwards(env);
		subject.expectNoTaskCreatedTwice(env, ITEMS, since);
		expect(secretLeaks(env, [result])).toEqual([]);
	});
}

/**
 * Resume on Webhook and the provider never calls back: the execution waits no longer than the timeout without
 * polling, and when n8n resumes it at the time limit every item still says which task it was waiting for.
 */
export async function callbackNeverComesCase(
	video: VideoSubject,
	knobs: KnobsPatch,
): Promise<void> {
	await withFaultEnv(envOptions(video, knobs, true), async (env) => {
		const input = video.workflow('webhook', await video.prepare(env, 'webhook'), {
			timeoutMinutes: 0.05,
		});
		const started = Date.now();
		const waiting = await env.harness.runWorkflow({ ...input, timeoutMs: 20_000 });
		expect(waiting.status).toBe('waiting');
		expect(waiting.waitTill!.getTime()).toBeLessThanOrEqual(started + 3000 + 1000);
		const ids = waiting.output(video.name).map((item) => String(item.json[video.idField]));
		expect(new Set(ids).size).toBe(ITEMS);
		await expectQuietAfterwards(env);
		video.expectNoTaskCreatedTwice(env, ITEMS, 0);

		const resumed = await resumeAtTimeLimit(waiting, input, { [video.type]: video.nodeType });
		expect(resumed.status).toBe('success');
		const output = resumed.output(video.name);
		// One item per input item, naming the task it waited for and not claiming a video.
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
		expect(output.map((item) => item.json[video.idField])).toEqual(ids);
		expect(output.filter((item) => /^(success|SUCCEEDED)$/.test(String(item.json.status)))).toEqual(
			[],
		);
		expect(secretLeaks(env, [waiting, resumed])).toEqual([]);
	});
}

/**
 * Resume on Webhook with a forged terminal callback, without the resume token, arriving while the tasks still run:
 * it is refused, the execution keeps waiting, and the file the forged payload names is never fetched.
 */
export async function forgedCallbackCase(video: VideoSubject, knobs: KnobsPatch): Promise<void> {
	await withFaultEnv(envOptions(video, knobs, true), async (env) => {
		const timeoutMs = 30_000;
		const input = video.workflow('webhook', await video.prepare(env, 'webhook'));
		const run = await runToEnd(env, input, true, timeoutMs);
		const output = run.final.output(video.name);
		expectItemOutcomes(
			output,
			Array.from({ length: ITEMS }, () => 'success'),
		);
		// The emulator logs a callback once its answer is in, which can be after the run has ended.
		await env.emulator.waitForEvent((event) => event.type === 'callback' && event.forged, 5_000);
		const forged = env.emulator.events.filter((event) => event.type === 'callback' && event.forged);
		expect(forged.length).toBeGreaterThan(0);
		expect(forged.map((event) => event.type === 'callback' && event.result)).toEqual(
			forged.map(() => 401),
		);
		expect(env.emulator.requests.filter((request) => request.path.includes('forged'))).toEqual([]);
		expect(JSON.stringify(output.map((item) => item.json))).not.toContain('forged');
		video.expectNoTaskCreatedTwice(env, ITEMS, 0);
		expect(secretLeaks(env, [run.first, run.final])).toEqual([]);
	});
}

/**
 * Without continue-on-fail: the run fails with the first failed item's error, which names that item and the cause,
 * and carries no key in any of its fields.
 */
export async function stopOnErrorCase<Mode extends string>(
	subject: FaultSubject<Mode>,
	mode: Mode,
	arrange: (emulator: Emulator) => void,
	expected: { itemIndex: number; message: RegExp },
): Promise<void> {
	await withFaultEnv(envOptions(subject), async (env) => {
		const items = await subject.prepare(env, mode);
		const since = env.emulator.requests.length;
		arrange(env.emulator);
		const input = subject.workflow(mode, items, { continueOnFail: false });
		const result = await env.harness.runWorkflow({ ...input, timeoutMs: 20_000 });
		expect(result.status).toBe('error');
		expect(secretLeaks(env, [result])).toEqual([]);
		subject.expectNoTaskCreatedTwice(env, ITEMS, since);
		expect(result.error?.message).toMatch(expected.message);
		expect(result.error?.context.itemIndex).toBe(expected.itemIndex);
	});
}
