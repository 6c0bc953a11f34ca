import { backoffDelay } from '../../../nodes/shared/polling/backoff';

describe('backoffDelay', () => {
	const policy = { initialMs: 1000, factor: 2, maxMs: 8000, jitter: 0.25 };

	it('grows exponentially to the cap without jitter at the midpoint', () => {
		const mid = () => 0.5;
		expect([0, 1, 2, 3, 4, 10].map((step) => backoffDelay(policy, step, mid))).toEqual([
			1000, 2000, 4000, 8000, 8000, 8000,
		]);
	});

	it('spreads by ±jitter', () => {
		expect(backoffDelay(policy, 2, () => 0)).toBe(3000);
		expect(backoffDelay(policy, 2, () => 1)).toBe(5000);
	});

	it('keeps a fixed interval with factor 1', () => {
		const fixed = { initialMs: 500, factor: 1, maxMs: 10_000, jitter: 0 };
		expect([0, 5, 50].map((step) => backoffDelay(fixed, step))).toEqual([500, 500, 500]);
	});
});
