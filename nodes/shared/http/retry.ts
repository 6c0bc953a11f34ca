import type { BackoffPolicy } from '../polling/backoff';
import { backoffDelay, DEFAULT_RETRY_BACKOFF } from '../polling/backoff';
import { abortableSleep } from '../polling/sleep';
import type { HttpResponse, SendOutcome } from './send';

/**
 * `idempotent`: reads and polls, safe to repeat. `create`: starts paid work, so it is repeated only when the
 * provider provably did not take it (connection refused, 429).
 */
export type RequestSafety = 'idempotent' | 'create';

export interface RetryPolicy {
	safety: RequestSafety;
	maxAttempts?: number;
	backoff?: BackoffPolicy;
	/** Epoch ms after which no retry is started, and no create sent; every attempt is cut short there. */
	deadline?: number;
	/** Timeout of one attempt, in ms (see `attemptTimeout`). */
	timeoutMs?: number;
	signal?: AbortSignal;
	now?: () => number;
	/**
	 * Statuses handed back to the caller at once instead of retried: a create queue that waits for a free job slot
	 * itself takes its 429s here.
	 */
	returnStatuses?: readonly number[];
}

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Whether an HTTP status says the server may answer differently when asked again later. */
export function isTemporaryStatus(status: number): boolean {
	return status >= 500 || TRANSIENT_STATUSES.has(status);
}

/**
 * The timeout of one attempt: the policy's, and never longer than the time left before the deadline, so that a slow
 * or hung answer cannot hold a run past its time limit. A create cut short there ends without a clear answer
 * (outcome unknown), which its caller reports instead of sending it again.
 */
function attemptTimeout(policy: RetryPolicy, now: number): number | undefined {
	const { timeoutMs, deadline } = policy;
	if (deadline === undefined) return timeoutMs;
	// At least 1 ms: a timeout of 0 would mean no timeout at all.
	const left = Math.max(1, deadline - now);
	return timeoutMs === undefined ? left : Math.min(timeoutMs, left);
}

/**
 * What a create gets when the deadline passed before it was sent: it is not sent at all, since an attempt without
 * time to be answered could only start a paid task whose outcome stays unknown.
 */
export const NOT_SENT_AT_DEADLINE: SendOutcome = {
	kind: 'networkError',
	code: 'ETIMELIMIT',
	message: 'the time limit was reached before the request was sent',
	delivered: 'no',
};

/** Wait the server asked for, from `Retry-After` (seconds or HTTP date) or `retry-after-ms`, in ms. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | undefined {
	const header = (name: string) => {
		const value = response.headers[name] ?? response.headers[name.toLowerCase()];
		return Array.isArray(value)
			? String(value[0])
			: value === undefined
				? undefined
				: String(value);
	};
	const ms = header('retry-after-ms');
	if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
	const value = header('retry-after');
	if (value === undefined) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryable(outcome: SendOutcome, policy: RetryPolicy): boolean {
	if (outcome.kind === 'networkError') {
		return outcome.delivered === 'no' || policy.safety === 'idempotent';
	}
	const status = outcome.response.statusCode;
	if (policy.returnStatuses?.includes(status)) return false;
	if (status === 429) return true;
	return policy.safety === 'idempotent' && TRANSIENT_STATUSES.has(status);
}

/**
 * Sends with retries for transient failures: exponential backoff with jitter, `Retry-After` honoured, never past
 * the deadline, stopped by the cancel signal. `send` gets each attempt's timeout (see `attemptTimeout`). Returns the
 * last outcome; the caller maps failures to errors.
 */
export async function sendWithRetry(
	send: (timeoutMs: number | undefined) => Promise<SendOutcome>,
	policy: RetryPolicy,
): Promise<SendOutcome> {
	const now = policy.now ?? Date.now;
	const maxAttempts = policy.maxAttempts ?? 4;
	const backoff = policy.backoff ?? DEFAULT_RETRY_BACKOFF;
	for (let attempt = 0; ; attempt++) {
		if (policy.safety === 'create' && policy.deadline !== undefined && now() >= policy.deadline) {
			return { ...NOT_SENT_AT_DEADLINE };
		}
		const outcome = await send(attemptTimeout(policy, now()));
		if (attempt + 1 >= maxAttempts || !isRetryable(outcome, policy)) return outcome;
		const asked = outcome.kind === 'response' ? retryAfterMs(outcome.response, now()) : undefined;
		const wait = Math.max(backoffDelay(backoff, attempt), asked ?? 0);
		if (policy.deadline !== undefined && now() + wait > policy.deadline) return outcome;
		if (!(await abortableSleep(wait, policy.signal))) return outcome;
	}
}
