import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asItemError } from '../../shared/execution/outcomes';
import type { TaskTracker, VideoResult } from '../../shared/execution/tasks';
import type { PollState } from '../../shared/polling/poller';
import { compact } from '../../shared/providers/runware/body';
import {
	readRunwareTaskStates,
	runwareTaskTracker,
	type RunwareTaskInfo,
} from '../../shared/providers/runware/tasks';
import { namingUnknownId } from '../../shared/providers/runway/ids';
import {
	fetchRunwayTask,
	runwayTaskJson,
	runwayTaskState,
	runwayTaskTracker,
	type RunwayTaskContext,
} from '../../shared/providers/runway/tasks';
import type { PollProviderName } from '../description';
import type { PollTask, TaskDetails } from './tasks';

/** One status read of a task: its state, and for a running task the snapshot the node outputs. */
export interface TaskCheck {
	state: PollState<VideoResult[]>;
	/** Set while the task runs. */
	snapshot?: IDataObject;
}

/** How the node follows one provider's tasks: the video nodes' tracker, and a single status read. */
export interface PollProvider {
	tracker: TaskTracker;
	checkOnce(taskIds: readonly string[]): Promise<Map<string, TaskCheck>>;
}

/** The first item's details of each task (items sharing a task share its details). */
function detailsByTask(tasks: readonly PollTask[]): Map<string, TaskDetails> {
	const details = new Map<string, TaskDetails>();
	for (const task of tasks) if (!details.has(task.taskId)) details.set(task.taskId, task.details);
	return details;
}

function runwareProvider(
	ctx: IExecuteFunctions,
	tasks: readonly PollTask[],
	signal: AbortSignal | undefined,
): PollProvider {
	const infos = new Map<string, RunwareTaskInfo>(
		[...detailsByTask(tasks)].map(([taskUUID, details]) => [
			taskUUID,
			{
				taskUUID,
				numberResults: details.numberResults,
				model: details.model,
				outputFormat: details.outputFormat,
			},
		]),
	);
	const tracker = runwareTaskTracker(ctx, [...infos.values()]);
	// A running task reads as the Runware Video node's Submit Only output, so a loop can feed it back in.
	const snapshot = (taskUUID: string, progress: number | undefined): IDataObject =>
		compact({
			...infos.get(taskUUID),
			taskUUID,
			status: 'processing',
			progress: progress === undefined ? undefined : Math.round(progress),
		}) as IDataObject;
	return {
		tracker,
		async checkOnce(taskIds) {
			let states: Map<string, PollState<VideoResult[]>>;
			try {
				// A single check reports a failed read, where waiting would read again.
				states = await readRunwareTaskStates(ctx, infos, taskIds, { signal });
			} catch (error) {
				const failed: PollState<VideoResult[]> = {
					status: 'failed',
					error: asItemError(ctx, error),
				};
				states = new Map(taskIds.map((taskId) => [taskId, failed]));
			}
			const checks = new Map<string, TaskCheck>();
			for (const taskId of taskIds) {
				const state = states.get(taskId) ?? { status: 'pending' };
				checks.set(taskId, {
					state,
					snapshot: state.status === 'pending' ? snapshot(taskId, state.progress) : undefined,
				});
			}
			return checks;
		},
	};
}

function runwayProvider(
	ctx: IExecuteFunctions,
	tasks: readonly PollTask[],
	signal: AbortSignal | undefined,
): PollProvider {
	const details = detailsByTask(tasks);
	const contextOf = (taskId: string): RunwayTaskContext => {
		const { model, replyRef } = details.get(taskId) ?? {};
		return { model, replyRef };
	};
	const tracker = runwayTaskTracker(ctx, { contexts: contextOf });
	return {
		tracker: {
			...tracker,
			async checkRound(pending, round) {
				const states = await tracker.checkRound(pending, round);
				for (const [taskId, state] of states) {
					if (state.status === 'failed') namingUnknownId(state.error, 'task', taskId);
				}
				return states;
			},
		},
		async checkOnce(taskIds) {
			const checks = new Map<string, TaskCheck>();
			// One task after the other: polite to useapi.net and the Runway accounts.
			for (const taskId of taskIds) {
				try {
					const task = await fetchRunwayTask(ctx, taskId, { signal });
					const state = runwayTaskState(ctx, task, contextOf(taskId));
					checks.set(taskId, {
						state,
						snapshot:
							state.status === 'pending' ? runwayTaskJson(task, contextOf(taskId)) : undefined,
					});
				} catch (error) {
					const failure = namingUnknownId(asItemError(ctx, error), 'task', taskId);
					checks.set(taskId, { state: { status: 'failed', error: failure } });
				}
			}
			return checks;
		},
	};
}

export function pollProvider(
	ctx: IExecuteFunctions,
	provider: PollProviderName,
	tasks: readonly PollTask[],
	signal: AbortSignal | undefined,
): PollProvider {
	return provider === 'runway'
		? runwayProvider(ctx, tasks, signal)
		: runwareProvider(ctx, tasks, signal);
}
