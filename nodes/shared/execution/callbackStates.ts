import type { INodeExecutionData } from 'n8n-workflow';

import { createHash } from 'node:crypto';

import type { PollState } from '../polling/poller';
import type { VideoResult } from './tasks';

export type EndedState = Exclude<PollState<VideoResult[]>, { status: 'pending' }>;

/** One wait of an execution's node: its resume URL, the token in it, and the node's output before the wait. */
export interface Wait {
	readonly url: string;
	readonly token: string | undefined;
	readonly items: INodeExecutionData[];
}

/**
 * What this process knows of one waiting execution: the wait, and what it has learnt of the tasks from callbacks
 * and reads. `sinceWait`: the process put the execution to wait itself, so the wait is the current one and every
 * callback since then reached it: a task it has not heard of still runs and will call back.
 */
export interface CallbackStates {
	readonly wait: Wait;
	readonly ended: Map<string, EndedState>;
	readonly sinceWait: boolean;
	/** Settles when the callbacks before this one have looked at the tasks (see `inTurn`). */
	turn: Promise<void>;
}

// Executions waiting in this process at once, at most; the oldest is forgotten first (it is read again instead).
const MAX_EXECUTIONS = 1000;

const executions = new Map<string, CallbackStates>();

/**
 * Files what this process knows of the execution (`key`): `sinceWait` when it puts the execution to wait itself,
 * otherwise what a callback read from the execution. `ended`: its tasks already known to have ended.
 */
export function fileCallbackStates(
	key: string,
	wait: Wait,
	ended: ReadonlyMap<string, EndedState>,
	sinceWait: boolean,
): CallbackStates {
	const states = {
		wait,
		ended: new Map(ended),
		sinceWait,
		turn: Promise.resolve(),
	};
	executions.delete(key);
	executions.set(key, states);
	if (executions.size > MAX_EXECUTIONS) executions.delete(executions.keys().next().value as string);
	return states;
}

/**
 * What this process knows of the execution, if anything. In queue mode the wait started on a worker, and a restart
 * forgets everything: then the wait is read from the execution and nothing is assumed of tasks not heard of.
 */
export function callbackStates(key: string): CallbackStates | undefined {
	return executions.get(key);
}

/** The execution resumes: nothing more is needed of its tasks. */
export function closeCallbackStates(key: string): void {
	executions.delete(key);
}

/**
 * Runs `look` once the callbacks of the execution before it have looked at its tasks. Callbacks arriving together
 * would otherwise each read the same tasks from the API at once (20 tasks ending together: 19 reads per callback);
 * one after the other, each finds what the ones before it read.
 */
export async function inTurn<T>(states: CallbackStates, look: () => Promise<T>): Promise<T> {
	const before = states.turn;
	let done = () => {};
	states.turn = new Promise<void>((resolve) => (done = resolve));
	try {
		await before;
		return await look();
	} finally {
		done();
	}
}

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
 * Claims the wait for the calling callback, which resumes the execution; false when another call holds the claim
 * already. Synchronous, so of the calls that reach it together exactly one gets it.
 */
export function claimResume(key: string): boolean {
	if (isClaimed(key)) return false;
	claims.set(key, {});
	return true;
}

/**
 * The claimed call handed its items to n8n (`resumed`), or failed: then the claim is dropped and the execution keeps
 * waiting, so that a later callback may resume it.
 */
export function settleClaim(key: string, resumed: boolean): void {
	const claim = claims.get(key);
	if (!claim) return;
	if (resumed) claim.resumedAt = Date.now();
	else claims.delete(key);
}
