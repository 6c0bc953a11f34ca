import { abortableSleep } from '../../../nodes/shared/polling/sleep';

describe('abortableSleep', () => {
	it('waits the full time when not aborted', async () => {
		const started = Date.now();
		await expect(abortableSleep(120)).resolves.toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('returns false at once when the signal aborts mid-wait', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const waiting = abortableSleep(10_000, controller.signal);
		void Promise.resolve().then(() => controller.abort());
		await expect(waiting).resolves.toBe(false);
		expect(Date.now() - started).toBeLessThan(500);
	});

	it('does not wait at all for an already aborted signal', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(abortableSleep(10_000, controller.signal)).resolves.toBe(false);
	});
});
