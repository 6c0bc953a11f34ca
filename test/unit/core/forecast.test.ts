import { nextCheckDelay, ProgressForecast } from '../../../nodes/shared/polling/forecast';
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
		// The backoff alone would check at 300 ms and 1200 ms; the forecast moves the last check to just after the
		// end (600 ms). A coarse first reading may add one check shortly before the predicted end to sharpen it.
		expect(checks.length).toBeLessThanOrEqual(3);
		const last = checks[checks.length - 1];
		expect(last).toBeGreaterThanOrEqual(durationMs);
		expect(last).toBeLessThan(durationMs + 250);
	});
});

describe('nextCheckDelay', () => {
	const backoff = { initialMs: 5000, factor: 1.5, maxMs: 20_000, jitter: 0 };

	it('follows the backoff schedule while no progress is known', () => {
		const forecast = new ProgressForecast(0);
		expect(nextCheckDelay(backoff, 0, forecast, ['t'], 0)).toBe(5000);
		expect(nextCheckDelay(backoff, 5, forecast, ['t'], 0)).toBe(20_000);
	});

	it('sharpens a coarse forecast shortly before the predicted end, then aims just after it', () => {
		// An 80 s task read at 5 s as 6 % (whole percent, rounded down): the coarse forecast says 83 s.
		const forecast = new ProgressForecast(0);
		forecast.record('t', 6, 5000);
		const sharpening = nextCheckDelay(backoff, 1, forecast, ['t'], 5000);
		// Beyond the longest backoff step (20 s), and before the true end (80 s).
		expect(sharpening).toBeGreaterThan(20_000);
		expect(5000 + sharpening).toBeLessThan(80_000);
		const at = 5000 + sharpening;
		forecast.record('t', Math.floor((at / 80_000) * 100), at);
		const final = at + nextCheckDelay(backoff, 2, forecast, ['t'], at);
		expect(final).toBeGreaterThanOrEqual(80_000);
		expect(final).toBeLessThan(82_000);
	});

	it('trusts a rate only from two moving samples once the task was seen at 0 (it started in between)', () => {
		const forecast = new ProgressForecast(0);
		forecast.record('t', 0, 10_000);
		forecast.record('t', 10, 20_000);
		// Seen at 0, then at 10 %: the start lies anywhere in between, so the backoff step (20 s) still bounds
		// the next check.
		expect(forecast.firstEnd(['t'], 20_000)).toMatchObject({ trusted: false });
		expect(nextCheckDelay(backoff, 5, forecast, ['t'], 20_000)).toBe(20_000);
		forecast.record('t', 40, 30_000);
		// 30 % in 10 s: 20 s to go, from two moving samples.
		expect(forecast.firstEnd(['t'], 30_000)).toEqual({ ms: 20_000, progress: 40, trusted: true });
	});

	it('counts progress from a known start', () => {
		const forecast = new ProgressForecast(0);
		forecast.started('t', 10_000);
		forecast.record('t', 25, 20_000);
		expect(forecast.firstEnd(['t'], 20_000)).toEqual({ ms: 30_000, progress: 25, trusted: true });
	});

	it('never brings a check closer than a fifth of the first delay, at most 1 s', () => {
		const forecast = new ProgressForecast(0);
		forecast.record('t', 99, 5000);
		expect(nextCheckDelay(backoff, 1, forecast, ['t'], 6000)).toBe(1000);
		expect(nextCheckDelay({ ...backoff, initialMs: 125 }, 1, forecast, ['t'], 6000)).toBe(25);
	});
});
