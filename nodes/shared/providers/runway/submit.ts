import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isAmbiguous, markAmbiguous, notSubmittedError } from '../../errors';
import type { ItemError } from '../../execution/outcomes';
import { asItemError } from '../../execution/outcomes';
import type { TaskTracker, VideoResult } from '../../execution/tasks';
import type { BackoffPolicy } from '../../polling/backoff';
import { nextCheckDelay, ProgressForecast } from '../../polling/forecast';
import type { PollOutcome, PollState } from '../../polling/poller';
import { abortableSleep } from '../../polling/sleep';
import { accountOfUseApiId } from './accounts';
import type { RunwayTask } from './tasks';
import { parseRunwayTask } from './tasks';
import { busyWaitMs, useApiErrorText, useApiResponse, useApiSend } from './transport';

export const RUNWAY_CREATE_PATH = ['v1', 'runwayml', 'videos', 'create'];

export interface QueuedCreate {
	itemIndex: number;
	/** The POST /videos/create body. */
	body: IDataObject;
	/** The account the task runs on when the request decides it (email, assets); undefined: useapi.net picks. */
	account?: string;
}

export interface CreateQueueOptions {
	/** Epoch ms: no create is sent after it, none outlasts it; items still waiting then fail, never created. */
	deadline: number;
	/** Tasks an earlier try of this node run created (Retry On Fail): followed like the run's own, never created. */
	following?: readonly string[];
	/** Spacing of the status checks of this run's tasks while items wait for a slot. */
	pollBackoff: BackoffPolicy;
	/** Reads this run's tasks, to learn when one ends and frees its slot. */
	tracker: TaskTracker;
	signal?: AbortSignal;
}

/** What the queue reports, in the order it happens; `done` comes last and names the tasks still running. */
export type QueueEvent<C extends QueuedCreate> =
	| { kind: 'created'; create: C; task: RunwayTask }
	| { kind: 'failed'; create: C; error: ItemError }
	/** A task of this run ended while other items still waited for a slot. */
	| { kind: 'ended'; taskId: string; outcome: PollOutcome<VideoResult[]> }
	| { kind: 'done'; running: string[] };

type CreateAttempt =
	| { kind: 'created'; task: RunwayTask }
	| { kind: 'busy'; waitMs: number; reason: string }
	| { kind: 'failed'; error: ItemError };

/** The items bound for one account (or for whichever account useapi.net picks), sent in input order. */
interface Lane<C extends QueuedCreate> {
	account?: string;
	waiting: C[];
	/** Epoch ms before which a 429 said the account has no free slot. */
	blockedUntil: number;
	/** The last 429's message and when the lane first met it. */
	busy?: { reason: string; since: number };
	/** The item whose create got no clear answer: the lane sends nothing more in this run. */
	stuckOn?: number;
}

interface RunningTask {
	account?: string;
	nextPollAt: number;
	polls: number;
}

function notResent(error: ItemError): ItemError {
	error.message = `${error.message} (not resent: the task may have been created anyway)`;
	error.description = [
		error.description,
		"The outcome of this create is unknown: useapi.net may have started (and charged) the task although the answer was lost, so the request was not sent again. Check the Runway account's tasks (the Runway web app, or useapi.net's task list) before running this item again.",
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

async function attemptCreate(
	ctx: IExecuteFunctions,
	create: QueuedCreate,
	options: CreateQueueOptions,
): Promise<CreateAttempt> {
	try {
		const outcome = await useApiSend(ctx, {
			method: 'POST',
			path: RUNWAY_CREATE_PATH,
			body: create.body,
			safety: 'create',
			returnStatuses: [429],
			deadline: options.deadline,
			signal: options.signal,
		});
		if (outcome.kind === 'response' && outcome.response.statusCode === 429) {
			const reason = useApiErrorText(outcome.response.body) || 'account busy';
			return { kind: 'busy', waitMs: busyWaitMs(outcome.response), reason };
		}
		const task = parseRunwayTask((await useApiResponse(ctx, outcome, 'create')).body);
		if (!task) {
			throw markAmbiguous(
				new NodeApiError(
					ctx.getNode(),
					{},
					{
						message: 'useapi.net accepted the request, but its answer names no task',
					},
				),
			);
		}
		return { kind: 'created', task };
	} catch (error) {
		const itemError = asItemError(ctx, error);
		return { kind: 'failed', error: isAmbiguous(itemError) ? notResent(itemError) : itemError };
	}
}

function unsentError(
	ctx: IExecuteFunctions,
	lane: Lane<QueuedCreate>,
	cancelled: boolean,
): NodeOperationError {
	const account = lane.account ?? 'every linked Runway account';
	if (cancelled) {
		return notSubmittedError(
			ctx.getNode(),
			'the execution was cancelled while this item waited for a free Runway job slot',
		);
	}
	if (lane.stuckOn !== undefined) {
		return notSubmittedError(
			ctx.getNode(),
			`the create request of item ${lane.stuckOn} to ${account} got no clear answer, so no more creates were sent there in this run`,
			'useapi.net may be stuck; see the error of that item for how to check whether its task was created.',
		);
	}
	if (!lane.busy) {
		return notSubmittedError(ctx.getNode(), 'the time limit was reached before its turn came');
	}
	return notSubmittedError(
		ctx.getNode(),
		`${account} stayed busy for ${Math.round((Date.now() - lane.busy.since) / 1000)} s until the time limit`,
		`useapi.net kept answering 429 ("${lane.busy.reason}"). Raise the timeout, wait for running jobs to finish, or link more Runway accounts.`,
	);
}

/**
 * Submits every create as fast as the accounts allow. A 429 (account busy) keeps the item queued, with the items
 * behind it on the same account, until the wait the answer implies has passed or, earlier, one of this run's own
 * tasks on that account ends and frees its slot; meanwhile the other accounts' items go on. A create is sent again
 * only after a 429. A create whose outcome is unknown fails its item, and its account's items behind it fail unsent:
 * the API may be stuck, and each further create would only add an item whose outcome is unknown.
 */
export async function* createQueue<C extends QueuedCreate>(
	ctx: IExecuteFunctions,
	creates: readonly C[],
	options: CreateQueueOptions,
): AsyncGenerator<QueueEvent<C>> {
	const lanes: Array<Lane<C>> = [];
	for (const create of creates) {
		let lane = lanes.find((candidate) => candidate.account === create.account);
		if (!lane) {
			lane = { account: create.account, waiting: [], blockedUntil: 0 };
			lanes.push(lane);
		}
		lane.waiting.push(create);
	}
	const running = new Map<string, RunningTask>();
	const forecast = new ProgressForecast(Date.now());

	const schedulePoll = (taskId: string, task: RunningTask) => {
		const now = Date.now();
		task.nextPollAt =
			now + nextCheckDelay(options.pollBackoff, task.polls, forecast, [taskId], now);
		task.polls += 1;
	};
	for (const taskId of options.following ?? []) {
		const task: RunningTask = { account: accountOfUseApiId(taskId), nextPollAt: 0, polls: 0 };
		schedulePoll(taskId, task);
		running.set(taskId, task);
	}

	function* failWaiting(of: ReadonlyArray<Lane<C>>, cancelled: boolean): Generator<QueueEvent<C>> {
		for (const lane of of) {
			for (const create of lane.waiting.splice(0)) {
				yield { kind: 'failed', create, error: unsentError(ctx, lane, cancelled) };
			}
		}
	}

	async function* submitUnblocked(): AsyncGenerator<QueueEvent<C>> {
		for (const lane of lanes) {
			while (
				lane.waiting.length > 0 &&
				lane.blockedUntil <= Date.now() &&
				lane.stuckOn === undefined
			) {
				if (options.signal?.aborted || Date.now() >= options.deadline) return;
				const create = lane.waiting[0];
				const attempt = await attemptCreate(ctx, create, options);
				if (attempt.kind === 'busy') {
					lane.blockedUntil = Date.now() + attempt.waitMs;
					lane.busy = { reason: attempt.reason, since: lane.busy?.since ?? Date.now() };
					break;
				}
				lane.waiting.shift();
				lane.busy = undefined;
				if (attempt.kind === 'failed') {
					yield { kind: 'failed', create, error: attempt.error };
					if (isAmbiguous(attempt.error)) {
						lane.stuckOn = create.itemIndex;
						yield* failWaiting([lane], false);
					}
					continue;
				}
				const task: RunningTask = {
					account: accountOfUseApiId(attempt.task.taskId) ?? lane.account,
					nextPollAt: 0,
					polls: 0,
				};
				forecast.started(attempt.task.taskId, Date.now());
				schedulePoll(attempt.task.taskId, task);
				running.set(attempt.task.taskId, task);
				yield { kind: 'created', create, task: attempt.task };
			}
		}
	}

	// A slot freed on an account unblocks its lane and the lane of items any account may take.
	const unblock = (account: string | undefined) => {
		for (const lane of lanes) {
			if (account === undefined || lane.account === undefined || lane.account === account) {
				lane.blockedUntil = 0;
			}
		}
	};

	/** Checks the tasks that are due; returns true when one ended (its slot is free). */
	async function* pollDue(): AsyncGenerator<QueueEvent<C>, boolean> {
		const due = [...running].filter(([, task]) => task.nextPollAt <= Date.now()).map(([id]) => id);
		if (due.length === 0) return false;
		let states: Map<string, PollState<VideoResult[]>>;
		try {
			states = await options.tracker.checkRound(due, {
				deadline: options.deadline,
				signal: options.signal,
			});
		} catch (error) {
			const failed: PollState<VideoResult[]> = { status: 'failed', error: error as Error };
			states = new Map(due.map((id) => [id, failed]));
		}
		let freed = false;
		for (const id of due) {
			const task = running.get(id);
			const state = states.get(id);
			if (!task) continue;
			if (state === undefined || state.status === 'pending') {
				if (state) forecast.record(id, state.progress, Date.now());
				schedulePoll(id, task);
				continue;
			}
			running.delete(id);
			yield { kind: 'ended', taskId: id, outcome: state };
			unblock(task.account);
			freed = true;
		}
		return freed;
	}

	for (;;) {
		if (options.signal?.aborted) {
			yield* failWaiting(lanes, true);
			break;
		}
		yield* submitUnblocked();
		const blocked = lanes.filter((lane) => lane.waiting.length > 0);
		if (blocked.length === 0) break;
		if (options.signal?.aborted) continue;
		if (Date.now() >= options.deadline) {
			yield* failWaiting(lanes, false);
			break;
		}
		if (yield* pollDue()) continue;
		const wakeAt = Math.min(
			options.deadline,
			...blocked.map((lane) => lane.blockedUntil),
			...[...running.values()].map((task) => task.nextPollAt),
		);
		await abortableSleep(wakeAt - Date.now(), options.signal);
	}
	yield { kind: 'done', running: [...running.keys()] };
}
