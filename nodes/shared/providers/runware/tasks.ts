import type { IDataObject } from 'n8n-workflow';

import { isTemporary, markTaskFailure } from '../../errors';
import type { TaskTracker, VideoResult } from '../../execution/tasks';
import { withoutSecrets, type ApiContext } from '../../http/send';
import type { PollRound, PollState } from '../../polling/poller';
import type { RunwareApiError } from './transport';
import { parseEnvelope, RUNWARE_API, runwareApiError, runwareRequest } from './transport';
import { chunks } from '../../chunks';

/** Most getResponse tasks sent in one request; more pending tasks are split over several. */
export const GET_RESPONSE_BATCH = 50;

const POLL_REQUEST_TIMEOUT_MS = 30_000;

const FILE_EXTENSIONS: Record<string, string> = { MP4: 'mp4', WEBM: 'webm', MOV: 'mov' };

/** What getResponse returned for one task: its result items and its top-level errors. */
export interface RunwareTaskResponse {
	items: IDataObject[];
	errors: RunwareApiError[];
}

/** What the node knows about a task it submitted; everything but the UUID is optional. */
export interface RunwareTaskInfo {
	taskUUID: string;
	/** Results to wait for; unknown: every returned item must be terminal. */
	numberResults?: number;
	model?: string;
	outputFormat?: string;
}

/** Bounds of a read: a deadline (epoch ms) no request outlasts, and the cancel signal. */
export type RunwareReadOptions = PollRound;

/**
 * Reads the state of many tasks with getResponse, several tasks per request. Tasks missing from the
 * answer, or whose batch was not sent because the deadline had passed, come back with no items and no
 * errors (still pending for the caller).
 */
export async function readRunwareTasks(
	ctx: ApiContext,
	taskUUIDs: readonly string[],
	options: RunwareReadOptions = {},
): Promise<Map<string, RunwareTaskResponse>> {
	const responses = new Map<string, RunwareTaskResponse>(
		taskUUIDs.map((taskUUID) => [taskUUID, { items: [], errors: [] }]),
	);
	for (const batch of chunks([...responses.keys()], GET_RESPONSE_BATCH)) {
		if (options.signal?.aborted) break;
		if (options.deadline !== undefined && Date.now() >= options.deadline) break;
		const envelope = await runwareRequest(
			ctx,
			batch.map((taskUUID) => ({ taskType: 'getResponse', taskUUID })),
			{
				safety: 'idempotent',
				timeoutMs: POLL_REQUEST_TIMEOUT_MS,
				deadline: options.deadline,
				signal: options.signal,
			},
		);
		for (const item of envelope.data) {
			responses.get(String(item.taskUUID))?.items.push(item);
		}
		for (const error of envelope.errors) {
			if (error.taskUUID) responses.get(error.taskUUID)?.errors.push(error);
		}
	}
	return responses;
}

const TERMINAL = new Set(['success', 'error']);

function itemStatus(item: IDataObject): string {
	if (typeof item.status === 'string') return item.status;
	// Some answers carry the result without a status.
	return item.videoURL || item.videoUUID ? 'success' : item.error ? 'error' : 'processing';
}

function itemError(item: IDataObject): RunwareApiError {
	const embedded = (item.error ?? {}) as IDataObject;
	return {
		code: typeof embedded.code === 'string' ? embedded.code : 'taskFailed',
		message: typeof embedded.message === 'string' ? embedded.message : 'The task failed',
		responseContent:
			typeof embedded.responseContent === 'string' ? embedded.responseContent : undefined,
		taskUUID: String(item.taskUUID),
	};
}

function videoResult(item: IDataObject, info: RunwareTaskInfo): VideoResult {
	const videoUUID = typeof item.videoUUID === 'string' ? item.videoUUID : undefined;
	const extension = FILE_EXTENSIONS[String(info.outputFormat ?? 'MP4').toUpperCase()] ?? 'mp4';
	const json: IDataObject = {
		taskUUID: info.taskUUID,
		videoUUID,
		videoURL: item.videoURL,
		seed: item.seed,
		...(item.cost !== undefined ? { cost: item.cost } : {}),
		...(info.model ? { model: info.model } : {}),
		status: 'success',
	};
	return {
		json,
		url: typeof item.videoURL === 'string' ? item.videoURL : undefined,
		fileName: `${videoUUID ?? info.taskUUID}.${extension}`,
	};
}

/** A failed result among successful ones: kept as an output item so that nothing goes missing. */
function failedResult(error: RunwareApiError, info: RunwareTaskInfo): VideoResult {
	return {
		json: {
			taskUUID: info.taskUUID,
			...(info.model ? { model: info.model } : {}),
			status: 'error',
			error: `Runware error ${error.code}: ${error.message}`,
		},
		fileName: `${info.taskUUID}.error`,
	};
}

/**
 * The state of one task from its getResponse answer. A task with `numberResults` N is done when N
 * results are terminal (Runware answers one placeholder until the first result is ready). It fails
 * when every result failed or a top-level error names it.
 */
export function runwareTaskState(
	ctx: ApiContext,
	response: RunwareTaskResponse,
	info: RunwareTaskInfo,
): PollState<VideoResult[]> {
	const [topLevelError] = response.errors;
	if (topLevelError) {
		return { status: 'failed', error: markTaskFailure(runwareApiError(ctx, topLevelError)) };
	}
	const terminal = response.items.filter((item) => TERMINAL.has(itemStatus(item)));
	const expected = info.numberResults ?? Math.max(1, response.items.length);
	if (response.items.length === 0 || terminal.length < expected) {
		const progress = response.items
			.map((item) => item.progress)
			.filter((value): value is number => typeof value === 'number');
		return {
			status: 'pending',
			progress: progress.length ? progress.reduce((a, b) => a + b, 0) / progress.length : undefined,
		};
	}
	const succeeded = terminal.filter((item) => itemStatus(item) === 'success');
	const failed = terminal.filter((item) => itemStatus(item) === 'error').map(itemError);
	if (succeeded.length === 0) {
		return { status: 'failed', error: markTaskFailure(runwareApiError(ctx, failed[0])) };
	}
	return {
		status: 'succeeded',
		value: [
			...succeeded.map((item) => videoResult(item, info)),
			...failed.map((error) => failedResult(error, info)),
		],
	};
}

/**
 * A webhook call's body as the answer for its task. Runware calls once per finished result, with the getResponse
 * envelope (`data` or `errors`) or, from some endpoints, the bare result.
 */
function callbackResponse(
	body: unknown,
): { taskUUID: string; response: RunwareTaskResponse } | undefined {
	const bare = typeof body === 'object' && body !== null && 'taskUUID' in body;
	const envelope = bare ? { data: [body as IDataObject], errors: [] } : parseEnvelope(body);
	const taskUUID = envelope?.data[0]?.taskUUID ?? envelope?.errors[0]?.taskUUID;
	if (!envelope || typeof taskUUID !== 'string') return undefined;
	return {
		taskUUID,
		response: {
			items: envelope.data.filter((item) => item.taskUUID === taskUUID),
			errors: envelope.errors.filter((error) => error.taskUUID === taskUUID),
		},
	};
}

/**
 * The state of each task from one batched getResponse read. Throws when the read fails (a single status
 * check reports that); `runwareTaskTracker` keeps waiting through failures that may pass.
 */
export async function readRunwareTaskStates(
	ctx: ApiContext,
	infos: ReadonlyMap<string, RunwareTaskInfo>,
	taskUUIDs: readonly string[],
	options: RunwareReadOptions = {},
): Promise<Map<string, PollState<VideoResult[]>>> {
	const responses = await readRunwareTasks(ctx, taskUUIDs, options);
	const states = new Map<string, PollState<VideoResult[]>>();
	for (const [taskUUID, response] of responses) {
		const info = infos.get(taskUUID) ?? { taskUUID };
		states.set(taskUUID, runwareTaskState(ctx, response, info));
	}
	return states;
}

/**
 * Follows Runware tasks for the shared waiting code: one batched getResponse round per check. A read that
 * fails for the time being (network, server error, garbled answer) leaves every task pending, as the tasks
 * go on running (and are charged) at Runware; only a definitive failure (key, balance, request) fails them.
 */
export function runwareTaskTracker(
	ctx: ApiContext,
	tasks: readonly RunwareTaskInfo[],
): TaskTracker {
	const infos = new Map(tasks.map((task) => [task.taskUUID, task]));
	return {
		label: 'Runware',
		idField: 'taskUUID',
		tasksPerRead: GET_RESPONSE_BATCH,
		async fromCallback(body) {
			const reported = callbackResponse(await withoutSecrets(ctx, RUNWARE_API, body));
			const info = reported && infos.get(reported.taskUUID);
			if (!reported || !info) return undefined;
			return { taskId: info.taskUUID, state: runwareTaskState(ctx, reported.response, info) };
		},
		async checkRound(pending, round) {
			try {
				return await readRunwareTaskStates(ctx, infos, pending, round);
			} catch (error) {
				if (isTemporary(error)) return new Map();
				const failed: PollState<VideoResult[]> = { status: 'failed', error: error as Error };
				return new Map(pending.map((taskUUID) => [taskUUID, failed]));
			}
		},
	};
}
