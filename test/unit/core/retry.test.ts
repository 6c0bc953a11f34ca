import type { RequestSafety } from '../../../nodes/shared/http/retry';
import { isTemporaryStatus, retryAfterMs, sendWithRetry } from '../../../nodes/shared/http/retry';
import type { SendOutcome } from '../../../nodes/shared/http/send';
import { toNetworkError } from '../../../nodes/shared/http/send';

const quick = { initialMs: 1, factor: 1, maxMs: 1, jitter: 0 };
const response = (statusCode: number, headers = {}): SendOutcome => ({
	kind: 'response',
	response: { statusCode, headers, body: {} },
});

async function attempts(sequence: SendOutcome[], safety: RequestSafety, extra = {}) {
	let sent = 0;
	const last = await sendWithRetry(async () => sequence[Math.min(sent++, sequence.length - 1)], {
		safety,
		backoff: quick,
		...extra,
	});
	return { sent, last };
}

const reset = toNetworkError({ code: 'ECONNRESET' });
const refused = toNetworkError({ cause: { code: 'ECONNREFUSED' } });

describe('sendWithRetry', () => {
	it('retries transient failures of safe requests until one succeeds', async () => {
		const { sent, last } = await attempts(
			[reset, response(503), response(502), response(200)],
			'idempotent',
		);
		expect(sent).toBe(4);
		expect(last).toEqual(response(200));
	});

	it('never resends a create after an ambiguous failure', async () => {
		for (const failure of [reset, response(500), response(502), response(503), response(504)]) {
			const { sent } = await attempts([failure, response(200)], 'create');
			expect(sent).toBe(1);
		}
	});

	it('resends a create the provider provably did not take: refused connection or 429', async () => {
		expect((await attempts([refused, response(200)], 'create')).sent).toBe(2);
		expect((await attempts([response(429), response(200)], 'create')).sent).toBe(2);
	});

	it('does not retry client errors', async () => {
		expect((await attempts([response(400), response(200)], 'idempotent')).sent).toBe(1);
		expect((await attempts([response(401), response(200)], 'idempotent')).sent).toBe(1);
	});

	it('honours Retry-After and stops when the wait would pass the deadline', async () => {
		const started = Date.now();
		const { sent } = await attempts(
			[response(429, { 'retry-after': '0.2' }), response(200)],
			'idempotent',
		);
		expect(sent).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);

		const capped = await attempts(
			[response(429, { 'retry-after': '60' }), response(200)],
			'idempotent',
			{
				deadline: Date.now() + 1000,
			},
		);
		expect(capped.sent).toBe(1);
	});

	it('cuts every attempt, creates included, to the time left before the deadline', async () => {
		const now = () => 10_000;
		const timeouts = async (safety: RequestSafety, deadline?: number) => {
			const seen: Array<number | undefined> = [];
			await sendWithRetry(
				async (timeoutMs) => {
					seen.push(timeoutMs);
					return response(200);
				},
				{ safety, timeoutMs: 30_000, deadline, now },
			);
			return seen;
		};
		expect(await timeouts('idempotent', 13_000)).toEqual([3000]);
		expect(await timeouts('idempotent', 60_000)).toEqual([30_000]);
		expect(await timeouts('idempotent')).toEqual([30_000]);
		// Past the deadline a read still has a timeout (0 would mean none).
		expect(await timeouts('idempotent', 9000)).toEqual([1]);
		expect(await timeouts('create', 13_000)).toEqual([3000]);
		expect(await timeouts('create', 60_000)).toEqual([30_000]);
	});

	it('sends no create once the deadline has passed: it could only start a task whose outcome stays unknown', async () => {
		let sent = 0;
		const outcome = await sendWithRetry(
			async () => {
				sent++;
				return response(200);
			},
			{ safety: 'create', deadline: 9000, now: () => 10_000 },
		);
		expect(sent).toBe(0);
		expect(outcome).toMatchObject({ kind: 'networkError', delivered: 'no' });
		// A read past the deadline is still sent, with the shortest timeout.
		expect((await attempts([response(200)], 'idempotent', { deadline: 9000, now: () => 10_000 })).sent).toBe(1);
	});

	it('gives up after maxAttempts and returns the last outcome', async () => {
		const { sent, last } = await attempts([response(503)], 'idempotent', { maxAttempts: 3 });
		expect(sent).toBe(3);
		expect(last).toEqual(response(503));
	});
});

describe('isTemporaryStatus', () => {
	it('says which statuses may pass when asked again', () => {
		expect([408, 429, 500, 502, 503, 504, 596].map(isTemporaryStatus)).toEqual(Array(7).fill(true));
		expect([200, 400, 401, 402, 403, 404, 422].map(isTemporaryStatus)).toEqual(
			Array(7).fill(false),
		);
	});
});

describe('retryAfterMs', () => {
	it('reads seconds, HTTP dates and retry-after-ms', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		const at = (headers: Record<string, string>) =>
			retryAfterMs({ statusCode: 429, headers, body: undefined }, now);
		expect(at({ 'retry-after': '12' })).toBe(12_000);
		expect(at({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' })).toBe(30_000);
		expect(at({ 'retry-after-ms': '250' })).toBe(250);
		expect(at({})).toBeUndefined();
	});
});

describe('toNetworkError', () => {
	it('tells never-delivered from ambiguous failures and keeps no request details', () => {
		expect(refused.delivered).toBe('no');
		expect(reset.delivered).toBe('unknown');
		const timeout = toNetworkError({
			code: 'ECONNABORTED',
			config: { headers: { Authorization: 'Bearer k' } },
		});
		expect(timeout).toEqual({
			kind: 'networkError',
			code: 'ECONNABORTED',
			message: 'the request timed out',
			delivered: 'unknown',
		});
	});
});
