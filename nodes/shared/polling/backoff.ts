export interface BackoffPolicy {
	/** Delay before the first retry or poll round, in ms. */
	initialMs: number;
	/** Growth per step (1 = fixed interval). */
	factor: number;
	/** Upper bound of a single delay, in ms. */
	maxMs: number;
	/** Share of the delay that is randomised, 0..1: 0.2 gives ±20 %. */
	jitter: number;
}

export const DEFAULT_RETRY_BACKOFF: BackoffPolicy = {
	initialMs: 1000,
	factor: 2,
	maxMs: 30_000,
	jitter: 0.3,
};

/** Delay for step `attempt` (0-based): exponential growth to the cap, then ±jitter so clients do not sync up. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random = Math.random): number {
	const base = Math.min(
		policy.maxMs,
		policy.initialMs * Math.pow(policy.factor, Math.max(0, attempt)),
	);
	const spread = base * policy.jitter;
	return Math.max(0, Math.round(base - spread + 2 * spread * random()));
}
