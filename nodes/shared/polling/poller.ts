import type { BackoffPolicy } from './backoff';
import { nextCheckDelay, ProgressForecast } from './forecast';
import { abortableSleep } from './sleep';

/** What one poll round learnt about a task. */
export type PollState<T> =
	| { status: 'pending'; progress?: number; detail?: string }
	| { status: 'succeeded'; value: T }
	| { status: 'failed'; error: Error };

/** How a task ended for the poller. */
export type PollOutcome<T> =
	| { status: 'succeeded'; value: T }
	| { status: 'failed'; error: Error }
	| { status: 'timedOut'; last?: { progress?: number; detail?: string } }
	| { status: 'cancelled' };

/** What bounds one round of checks: no request outlasts `deadline` (epoch ms), and `signal` stops it. */
export interface PollRound {
	deadline?: number;
	signal?: AbortSignal;
}

export interface PollOptions<T> {
	ids: readonly string[];
	/**
	 * Checks every still-pending task in one round (one batched request, or politely spaced single ones).
	 * Ids missing from the answer stay pending. A thrown error fails every pending task with that error, so a
	 * round throws only for failures that asking again will not cure.
	 */
	checkRound: (pending: readonly string[], round: PollRound) => Promise<Map<string, PollState<T>>>;
	backoff: BackoffPolicy;
	/** Overall budget from the start of polling, in ms. */
	timeoutMs: number;
	signal?: AbortSignal;
	/** Called as soon as a task ends, so callers can start work (downloads) while others still run. */
	onSettled?: (id: string, outcome: PollOutcome<T>) => void;
	now?: () => number;
}

// The last round, at the deadline, still gets this long for its requests: a task may have just ended.
const LAST_LOOK_MS = 1000;

/**
 * Polls many tasks together until each one has succeeded, failed, run out of time or been cancelled.
 * Rounds are spaced by the backoff policy (jittered, capped) until the tasks report progress, then timed to the
 * end that progress predicts; they never sleep past the deadline.
 */
export async function pollUntilSettled<T>(
	options: PollOptions<T>,
): Promise<Map<string, PollOutcome<T>>> {
	const now = options.now ?? Date.now;
	const startedAt = now();
	const deadline = startedAt + options.timeoutMs;
	const forecast = new ProgressForecast(startedAt);
	const outcomes = new Map<string, PollOutcome<T>>();
	const last = new Map<string, { progress?: number; detail?: string }>();
	let pending = [...new Set(options.ids)];

	const settle = (id: string, outcome: PollOutcome<T>) => {
		outcomes.set(id, outcome);
		options.onSettled?.(id, outcome);
	};

	for (let round = 0; pending.length > 0; round++) {
		const delay = nextCheckDelay(options.backoff, round, forecast, pending, now());
		const wait = Math.min(delay, Math.max(0, deadline - now()));
		const waited = await abortableSleep(wait, options.signal);
		if (!waited) {
			for (const id of pending) settle(id, { status: 'cancelled' });
			break;
		}
		let states: Map<string, PollState<T>>;
		try {
			const round = { deadline: Math.max(deadline, now() + LAST_LOOK_MS), signal: options.signal };
			states = await options.checkRound(pending, round);
		} catch (error) {
			for (const id of pending) settle(id, { status: 'failed', error: error as Error });
			break;
		}
		const stillPending: string[] = [];
		for (const id of pending) {
			const state = states.get(id);
			if (state === undefined || state.status === 'pending') {
				if (state) {
					last.set(id, { progress: state.progress, detail: state.detail });
					forecast.record(id, state.progress, now());
				}
				stillPending.push(id);
			} else {
				settle(id, state);
			}
		}
		pending = stillPending;
		if (pending.length > 0 && now() >= deadline) {
			for (const id of pending) settle(id, { status: 'timedOut', last: last.get(id) });
			break;
		}
	}
	return outcomes;
}
