import { NodeApiError } from 'n8n-workflow';

import type { TaskTracker, VideoResult } from '../../execution/tasks';
import { isTemporaryStatus } from '../../http/retry';
import { withoutSecrets, type ApiContext, type SendOutcome } from '../../http/send';
import type { PollRound, PollState } from '../../polling/poller';
import type { RunwayTask, RunwayTaskContexts } from './taskState';
import { parseRunwayTask, RUNWAY_TASK_ID_FIELD, runwayTaskState } from './taskState';
import { USEAPI_API, useApiError, useApiResponse, useApiSend } from './transport';

// What a task body says (statuses, artifacts, failures) lives in taskState.ts; this module reads tasks.
export * from './taskState';

/** Tasks read at the same time in one poll round: polite to useapi.net and the Runway account. */
const POLL_CONCURRENCY = 2;
const POLL_REQUEST_TIMEOUT_MS = 30_000;

function readTaskRequest(taskId: string, round: PollRound) {
	return {
		method: 'GET' as const,
		path: ['v1', 'runwayml', 'tasks', taskId],
		safety: 'idempotent' as const,
		timeoutMs: POLL_REQUEST_TIMEOUT_MS,
		deadline: round.deadline,
		signal: round.signal,
	};
}

function unreadableTask(ctx: ApiContext, taskId: string): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ taskId },
		{
			message: `useapi.net answered without a task for ${taskId}`,
		},
	);
}

/** Reads one task (retrying transient failures); any failure becomes a clear error. */
export async function fetchRunwayTask(
	ctx: ApiContext,
	taskId: string,
	options: { signal?: AbortSignal } = {},
): Promise<RunwayTask> {
	const outcome = await useApiSend(ctx, readTaskRequest(taskId, options));
	const task = parseRunwayTask((await useApiResponse(ctx, outcome, 'idempotent')).body);
	if (!task) throw unreadableTask(ctx, taskId);
	return task;
}

/** A failed read that will not get better by asking again (unknown id, token, subscription). */
function isFinalFailure(outcome: SendOutcome): boolean {
	if (outcome.kind === 'networkError') return false;
	const status = outcome.response.statusCode;
	return status >= 400 && !isTemporaryStatus(status);
}

async function forEachLimited<T>(
	values: readonly T[],
	limit: number,
	run: (value: T) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < values.length) await run(values[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
}

export interface RunwayTrackerOptions {
	/** What the node knows of each task (the model it asked for, its replyRef). */
	contexts?: RunwayTaskContexts;
}

/**
 * Follows Runway tasks for the shared waiting code: each round reads the pending tasks a few at a time. A read
 * that fails for good (unknown id, token) fails its task; transient failures leave it pending for the next round,
 * and so do the reads a round has no time left for.
 */
export function runwayTaskTracker(
	ctx: ApiContext,
	options: RunwayTrackerOptions = {},
): TaskTracker {
	return {
		label: 'Runway',
		idField: RUNWAY_TASK_ID_FIELD,
		tasksPerRead: 1,
		async fromCallback(body) {
			const task = parseRunwayTask(await withoutSecrets(ctx, USEAPI_API, body));
			if (!task) return undefined;
			return {
				taskId: task.taskId,
				state: runwayTaskState(ctx, task, options.contexts?.(task.taskId)),
			};
		},
		async checkRound(pending, round = {}) {
			const states = new Map<string, PollState<VideoResult[]>>();
			await forEachLimited(pending, POLL_CONCURRENCY, async (taskId) => {
				if (round.signal?.aborted) return;
				if (round.deadline !== undefined && Date.now() >= round.deadline) return;
				const outcome = await useApiSend(ctx, readTaskRequest(taskId, round));
				if (outcome.kind === 'response' && outcome.response.statusCode < 300) {
					const task = parseRunwayTask(outcome.response.body);
					if (task) states.set(taskId, runwayTaskState(ctx, task, options.contexts?.(taskId)));
				} else if (isFinalFailure(outcome)) {
					states.set(taskId, {
						status: 'failed',
						error: useApiError(ctx, outcome, { safety: 'idempotent' }),
					});
				}
			});
			return states;
		},
	};
}
