import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../binary/download';
import { isTaskFailure } from '../errors';
import type { BackoffPolicy } from '../polling/backoff';
import type { PollOutcome, PollRound, PollState } from '../polling/poller';
import { pollUntilSettled } from '../polling/poller';
import { createdTasks } from './createdTasks';
import type { ItemOutcomes } from './outcomes';
import { asItemError } from './outcomes';

/** One finished video as a provider reports it: the output JSON and where the file can be fetched. */
export interface VideoResult {
	json: IDataObject;
	url?: string;
	fileName: string;
}

/** What the shared waiting code needs from a provider to follow its tasks. */
export interface TaskTracker {
	/** 'Runware' or 'Runway', for messages. */
	label: string;
	/** Field that names a task in outputs: 'taskUUID' or 'taskId'. */
	idField: string;
	/** How many tasks one status request reads. */
	tasksPerRead: number;
	/**
	 * The task a provider's callback describes and its state, the credential's secrets taken out; undefined when
	 * the body names no task of this run. Only for callbacks that carry the execution's resume token.
	 */
	fromCallback(
		body: unknown,
	): Promise<{ taskId: string; state: PollState<VideoResult[]> } | undefined>;
	/**
	 * Checks all pending tasks in one round; see `PollOptions.checkRound`. Failures that may pass leave tasks
	 * pending; no request outlasts the round's deadline.
	 */
	checkRound(
		pending: readonly string[],
		round?: PollRound,
	): Promise<Map<string, PollState<VideoResult[]>>>;
}

export interface TrackedTask {
	itemIndex: number;
	taskId: string;
}

export interface WaitSettings {
	timeoutMs: number;
	backoff: BackoffPolicy;
	/** Binary property to stream each video into, or undefined for URLs only. */
	binaryProperty?: string;
	signal?: AbortSignal;
	/** Epoch ms when waiting ends, when time already spent (e.g. queueing) counts against `timeoutMs`. */
	deadline?: number;
}

type ExecutionContext = IExecuteFunctions | IWebhookFunctions;

/** Where finished videos go: the binary property to stream them into (none: URLs only), and by when. */
export interface VideoDelivery {
	binaryProperty?: string;
	signal?: AbortSignal;
	/** Epoch ms: the node's time limit, which downloads end by. */
	deadline?: number;
}

/** Turns finished videos into output items, streaming each file into binary data when asked. */
export async function videoOutputs(
	ctx: ExecutionContext,
	videos: VideoResult[],
	{ binaryProperty, signal, deadline }: VideoDelivery,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[] = [];
	for (const video of videos) {
		if (!binaryProperty || !video.url) {
			outputs.push({ json: video.json });
			continue;
		}
		const binary = await downloadToBinary(ctx, video.url, {
			fallbackFileName: video.fileName,
			signal,
			deadline,
		});
		outputs.push({ json: video.json, binary: { [binaryProperty]: binary } });
	}
	return outputs;
}

function unfinishedError(
	ctx: ExecutionContext,
	tracker: TaskTracker,
	taskId: string,
	outcome: Extract<PollOutcome<unknown>, { status: 'timedOut' | 'cancelled' }>,
	timeoutMs: number,
): NodeOperationError {
	const progress =
		outcome.status === 'timedOut' && outcome.last?.progress !== undefined
			? ` (last progress ${Math.round(outcome.last.progress)} %)`
			: '';
	const message =
		outcome.status === 'timedOut'
			? `${tracker.label} task ${taskId} was still running after ${Math.round(timeoutMs / 1000)} s${progress}`
			: `Stopped waiting for ${tracker.label} task ${taskId}: the execution was cancelled`;
	return new NodeOperationError(ctx.getNode(), message, {
		description: `The task was not cancelled at ${tracker.label} and may still finish (and be charged). Pick it up later with the Poll Task node using ${tracker.idField} "${taskId}", or raise the timeout.`,
	});
}

/**
 * Records the outcome of one task on its items: videos (downloaded when asked), the provider's failure reason, or
 * a timeout/cancel error that names the task. A task the provider reports failed is taken off the run's created
 * tasks, so that a retry of the node creates its items again; any other task a retry follows instead.
 */
export async function deliverTaskOutcome(
	ctx: ExecutionContext,
	outcomes: ItemOutcomes,
	itemIndices: readonly number[],
	taskId: string,
	outcome: PollOutcome<VideoResult[]>,
	tracker: TaskTracker,
	settings: WaitSettings,
): Promise<void> {
	for (const itemIndex of itemIndices) {
		if (outcome.status === 'succeeded') {
			try {
				outcomes.succeed(itemIndex, await videoOutputs(ctx, outcome.value, settings));
			} catch (error) {
				outcomes.fail(itemIndex, asItemError(ctx, error), { [tracker.idField]: taskId });
			}
		} else if (outcome.status === 'failed') {
			if (isTaskFailure(outcome.error)) createdTasks(ctx).taskFailed(itemIndex);
			outcomes.fail(itemIndex, asItemError(ctx, outcome.error), { [tracker.idField]: taskId });
		} else {
			outcomes.fail(itemIndex, unfinishedError(ctx, tracker, taskId, outcome, settings.timeoutMs), {
				[tracker.idField]: taskId,
				status: outcome.status,
			});
		}
	}
}

/**
 * Waits for many tasks together and records each item's outcome as soon as its task ends: videos (downloaded
 * while other tasks still run), the provider's failure reason, or a timeout/cancel error that names the task.
 */
export async function collectTaskResults(
	ctx: ExecutionContext,
	outcomes: ItemOutcomes,
	tasks: readonly TrackedTask[],
	tracker: TaskTracker,
	settings: WaitSettings,
): Promise<void> {
	const itemsByTask = new Map<string, number[]>();
	for (const { taskId, itemIndex } of tasks) {
		itemsByTask.set(taskId, [...(itemsByTask.get(taskId) ?? []), itemIndex]);
	}
	const deliveries: Array<Promise<void>> = [];
	// Downloads end by the same time limit as the waiting.
	const deadline = settings.deadline ?? Date.now() + settings.timeoutMs;

	await pollUntilSettled<VideoResult[]>({
		ids: [...itemsByTask.keys()],
		checkRound: async (pending, round) => await tracker.checkRound(pending, round),
		backoff: settings.backoff,
		timeoutMs: Math.max(0, deadline - Date.now()),
		signal: settings.signal,
		onSettled: (taskId, outcome) =>
			deliveries.push(
				deliverTaskOutcome(ctx, outcomes, itemsByTask.get(taskId) ?? [], taskId, outcome, tracker, {
					...settings,
					deadline,
				}),
			),
	});
	await Promise.all(deliveries);
}
