import { createHash } from 'node:crypto';

/*
 * When several tasks of one waiting execution end together, their callbacks reach the resume URL together and n8n
 * runs the node's webhook() once per callback, side by side: it only refuses a call once another one has
 * resumed the execution (HTTP 500 "Execution is already being resumed by another process", then 409). Without a
 * claim, each of those calls would download and store every video (the copies of the losing calls left orphaned)
 * and the provider would retry the refused ones.
 *
 * So the first call that finds every task ended claims the wait and resumes; a call arriving while the claim is
 * held, or shortly after the claimed call handed its items to n8n, is answered 2xx at once without resuming. The
 * claim is dropped if the resume failed (the execution keeps waiting, a later callback retries it) and forgotten a
 * while after it succeeded (by then n8n itself answers: the execution runs or has ended).
 *
 * Claims live in the memory of the process that serves the resume URL (n8n's main process, or a webhook process in
 * queue mode): callbacks of one execution spread over several such processes would resume once per process.
 */

/** How long a resumed wait is remembered: far longer than n8n takes to take the execution over. */
const RESUMED_MEMORY_MS = 10 * 60_000;

interface Claim {
	/** When the claimed call handed its items to n8n; absent while it still works. */
	resumedAt?: number;
}

const claims = new Map<string, Claim>();

/** The answer to a callback that arrives while (or just after) another one resumes the execution. */
export const ALREADY_RESUMING = { received: true, resuming: true } as const;

/**
 * The key of one wait: the execution's resume URL (its id and the execution's random resume token, so executions
 * of different n8n instances or test runs with the same id do not collide) and the tasks it waits for.
 */
export function waitKey(resumeUrl: string, taskIds: readonly string[]): string {
	return createHash('sha256')
		.update([resumeUrl, ...taskIds].join('\n'))
		.digest('hex');
}

function forgetOld(now: number): void {
	for (const [key, claim] of claims) {
		if (claim.resumedAt !== undefined && now - claim.resumedAt > RESUMED_MEMORY_MS) {
			claims.delete(key);
		}
	}
}

/** Whether another call of this process resumes (or has just resumed) the wait. */
export function isClaimed(key: string): boolean {
	forgetOld(Date.now());
	return claims.has(key);
}

/**
 * Runs `resume` unless the wait is claimed already (then resolves `undefined` at once). The claim is taken before
 * the first await, so of the calls that reach this point together exactly one resumes.
 */
export async function resumeOnce<T>(key: string, resume: () => Promise<T>): Promise<T | undefined> {
	if (isClaimed(key)) return undefined;
	const claim: Claim = {};
	claims.set(key, claim);
	try {
		const result = await resume();
		claim.resumedAt = Date.now();
		return result;
	} finally {
		// A failed resume leaves the execution waiting: a later callback may resume it.
		if (claim.resumedAt === undefined) claims.delete(key);
	}
}
