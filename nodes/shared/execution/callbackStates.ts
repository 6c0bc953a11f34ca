import type { PollState } from '../polling/poller';
import type { VideoResult } from './tasks';

export type EndedState = Exclude<PollState<VideoResult[]>, { status: 'pending' }>;

/**
 * What this process has learnt of one waiting execution's tasks from its callbacks and reads. `sinceWait`: the
 * process put the execution to wait itself, so every callback since then reached it, and a task it has not heard
 * of still runs and will call back.
 */
export interface CallbackStates {
	readonly ended: Map<string, EndedState>;
	readonly sinceWait: boolean;
}

// Executions waiting in this process at once, at most; the oldest is forgotten first (it is re-read instead).
const MAX_EXECUTIONS = 1000;

const executions = new Map<string, CallbackStates>();

function remember(key: string, states: CallbackStates): CallbackStates {
	executions.delete(key);
	executions.set(key, states);
	if (executions.size > MAX_EXECUTIONS) executions.delete(executions.keys().next().value as string);
	return states;
}

/** The execution (`key`) starts waiting in this process; `ended`: its tasks already known to have ended. */
export function openCallbackStates(key: string, ended: ReadonlyMap<string, EndedState>): void {
	remember(key, { ended: new Map(ended), sinceWait: true });
}

/**
 * What this process knows of the execution's tasks. In queue mode the wait started on a worker, and a restart
 * forgets everything: then nothing is assumed of tasks it has not heard of.
 */
export function callbackStates(key: string): CallbackStates {
	return executions.get(key) ?? remember(key, { ended: new Map(), sinceWait: false });
}

/** The execution resumes: nothing more is needed of its tasks. */
export function closeCallbackStates(key: string): void {
	executions.delete(key);
}
