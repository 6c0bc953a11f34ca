import type { PollState } from '../../../nodes/shared/polling/poller';
import { pollUntilSettled } from '../../../nodes/shared/polling/poller';

const fast = { initialMs: 5, factor: 1.5, maxMs: 20, jitter: 0 };

describe('pollUntilSettled', () => {
	it('polls all pending tasks together each round and drops settled ones', async () => {
		const rounds: string[][] = [];
		const finishAtRound: Record<string, number> = { a: 0, b: 2, c: 1 };
		const outcomes = await pollUntilSettled<string>({
			ids: ['a', 'b', 'c'],
			backoff: fast,
			timeoutMs: 5000,
			checkRound: async (pending) => {
				const round = rounds.push([...pending]) - 1;
				return new Map<string, PollState<string>>(
					pending.map((id) => [
						id,
						round >= finishAtRound[id]
							? { status: 'succeeded', value: `video-${id}` }
							: { status: 'pending', progress: 10 * round },
					]),
				);
			},
		});
		expect(rounds).toEqual([['a', 'b', 'c'], ['b', 'c'], ['b']]);
		expect(outcomes.get('b')).toEqual({ status: 'succeeded', value: 'video-b' });
	});

	it('reports failures per task and keeps polling the others', async () => {
		const settledOrder: string[] = [];
		const outcomes = await pollUntilSettled<string>({
			ids: ['ok', 'bad'],
			backoff: fast,
			timeoutMs: 5000,
			onSettled: (id) => settledOrder.push(id),
			checkRound: async (pending) =>
				new Map<string, PollState<string>>(
					pending.map((id) => [
						id,
						id === 'bad'
							? { status: 'failed', error: new Error('moderated') }
							: settledOrder.includes('bad')
								? { status: 'succeeded', value: 'v' }
								: { status: 'pending' },
					]),
				),
		});
		expect(settledOrder).toEqual(['bad', 'ok']);
		expect(outcomes.get('bad')).toMatchObject({
			status: 'failed',
			error: { message: 'moderated' },
		});
	});

	it('times out with the last known progress and never sleeps past the deadline', async () => {
		const started = Date.now();
		const outcomes = await pollUntilSettled<string>({
			ids: ['slow'],
			backoff: { initialMs: 40, factor: 2, maxMs: 10_000, jitter: 0 },
			timeoutMs: 150,
			checkRound: async () => new Map([['slow', { status: 'pending', progress: 42 } as const]]),
		});
		expect(outcomes.get('slow')).toEqual({
			status: 'timedOut',
			last: { progress: 42, detail: undefined },
		});
		expect(Date.now() - started).toBeLessThan(600);
	});

	it('stops at once when cancelled', async () => {
		const controller = new AbortController();
		let rounds = 0;
		const polling = pollUntilSettled<string>({
			ids: ['x', 'y'],
			backoff: { initialMs: 30, factor: 1, maxMs: 30, jitter: 0 },
			timeoutMs: 60_000,
			signal: controller.signal,
			checkRound: async () => {
				if (++rounds === 2) controller.abort();
				return new Map();
			},
		});
		const outcomes = await polling;
		expect(rounds).toBe(2);
		expect([...outcomes.values()]).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }]);
	});

	it('bounds each round by the deadline, and gives the last look at the deadline a moment', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const rounds: Array<{ deadline?: number; signal?: AbortSignal; at: number }> = [];
		await pollUntilSettled<string>({
			ids: ['x'],
			backoff: { initialMs: 300, factor: 1, maxMs: 300, jitter: 0 },
			timeoutMs: 1500,
			signal: controller.signal,
			checkRound: async (_pending, round) => {
				rounds.push({ ...round, at: Date.now() });
				return new Map();
			},
		});
		expect(rounds.map((round) => round.signal)).toEqual(rounds.map(() => controller.signal));
		const [first] = rounds;
		expect(first.deadline).toBeGreaterThanOrEqual(started + 1500);
		expect(first.deadline).toBeLessThan(started + 1550);
		const last = rounds[rounds.length - 1];
		// The round reads the clock before the test's checkRound does: a millisecond or two may pass between.
		expect(last.deadline).toBeGreaterThanOrEqual(last.at + 1000 - 5);
	});

	it('fails every pending task when a round throws', async () => {
		const outcomes = await pollUntilSettled<string>({
			ids: ['p', 'q'],
			backoff: fast,
			timeoutMs: 5000,
			checkRound: async () => {
				throw new Error('unauthorized');
			},
		});
		expect(outcomes.get('q')).toMatchObject({
			status: 'failed',
			error: { message: 'unauthorized' },
		});
	});
});
