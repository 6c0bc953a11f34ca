import { ProgressForecast } from '../../../nodes/shared/polling/forecast';
import type { PollState } from '../../../nodes/shared/polling/poller';
import { pollUntilSettled } from '../../../nodes/shared/polling/poller';

describe('ProgressForecast', () => {
	it('predicts the end from the progress made since the start, then from two samples', () => {
		const forecast = new ProgressForecast(0);
		forecast.record('a', 25, 5000);
		expect(forecast.msUntilFirstEnd(['a'], 5000)).toBe(15_000);
		forecast.record('a', 50, 7000);
		expect(forecast.msUntilFirstEnd(['a'], 8000)).toBe(3000);
	});

	it('takes the earliest end of several tasks', () => {
		const forecast = new ProgressForecast(0);
		forecast.record('slow', 10, 1000);
		forecast.record('fast', 50, 1000);
		expect(forecast.msUntilFirstEnd(['slow', 'fast'], 1000)).toBe(1000);
	});

	it('makes no prediction without progress, with no movement or when stalled', () => {
		const forecast = new ProgressForecast(0);
		forecast.record('none', undefined, 1000);
		forecast.record('zero', 0, 1000);
		forecast.record('stalled', 40, 1000);
		forecast.record('stalled', 40, 3000);
		expect(forecast.msUntilFirstEnd(['none', 'zero', 'stalled', 'unknown'], 3000)).toBeUndefined();
	});
});

describe('pollUntilSettled with progress', () => {
	it('times the next check to the predicted end instead of the next backoff step', async () => {
		const started = Date.now();
		const durationMs = 600;
		const checks: number[] = [];
		const outcomes = await pollUntilSettled<string>({
			ids: ['t'],
			backoff: { initialMs: 300, factor: 3, maxMs: 5000, jitter: 0 },
			timeoutMs: 10_000,
			checkRound: async () => {
				const elapsed = Date.now() - started;
				checks.push(elapsed);
				const state: PollState<string> =
					elapsed >= durationMs
						? { status: 'succeeded', value: 'v' }
						: { status: 'pending', progress: (elapsed / durationMs) * 100 };
				return new Map([['t', state]]);
			},
		});
		expect(outcomes.get('t')).toEqual({ status: 'succeeded', value: 'v' });
		// The backoff alone would check at 300 ms and 1200 ms; the forecast moves the second check to just
		// after the end (600 ms).
		expect(checks).toHaveLength(2);
		expect(checks[1]).toBeGreaterThanOrEqual(durationMs);
		expect(checks[1]).toBeLessThan(durationMs + 250);
	});
});
