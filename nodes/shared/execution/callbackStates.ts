import type { INodeExecutionData } from 'n8n-workflow';

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
	/** A callback found every task ended and resumes the execution. */
	resuming: boolean;
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
		resuming: false,
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
