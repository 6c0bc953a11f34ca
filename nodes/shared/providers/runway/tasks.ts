import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { markTaskFailure } from '../../errors';
import type { TaskTracker, VideoResult } from '../../execution/tasks';
import { isTemporaryStatus } from '../../http/retry';
import { withoutSecrets, type ApiContext, type SendOutcome } from '../../http/send';
import { isJsonObject, jsonNumber, jsonText, withoutUndefined } from '../../json';
import type { PollRound, PollState } from '../../polling/poller';
import { USEAPI_API, useApiError, useApiResponse, useApiSend } from './transport';

export const RUNWAY_TASK_ID_FIELD = 'taskId';

/** Statuses of a task still on its way; anything else unknown also keeps waiting (within the timeout). */
export const RUNWAY_RUNNING_STATUSES: ReadonlySet<string> = new Set([
	'PENDING',
	'RUNNING',
	'THROTTLED',
]);
const CANCELLED_STATUSES = new Set(['CANCELLED', 'CANCELED']);

export interface RunwayArtifact {
	url?: string;
	fileName?: string;
	fileSize?: number;
	assetId?: string;
	previewUrl?: string;
	duration?: number;
	frameRate?: number;
	width?: number;
	height?: number;
}

export interface RunwayFailure {
	message: string;
	/** Runway's code, e.g. `SAFETY.INPUT.TEXT`. */
	reason?: string;
	moderationCategory?: string;
	moderated: boolean;
}

/** A task as GET /v1/runwayml/tasks/{taskId} (and the replyUrl callbacks) describe it. */
export interface RunwayTask {
	taskId: string;
	/** Upper case, as Runway spells it. */
	status: string;
	taskType?: string;
	/** 0–100. */
	progress?: number;
	artifacts: RunwayArtifact[];
	failure?: RunwayFailure;
	replyRef?: string;
	seed?: number;
	createdAt?: string;
	updatedAt?: string;
}

/** What the node knows about a task from its own request; the task itself wins where it says. */
export interface RunwayTaskContext {
	model?: string;
	replyRef?: string;
}

export type RunwayTaskContexts = (taskId: string) => RunwayTaskContext | undefined;

function parseArtifact(raw: unknown): RunwayArtifact | undefined {
	if (!isJsonObject(raw)) return undefined;
	const metadata = isJsonObject(raw.metadata) ? raw.metadata : {};
	const dimensions = Array.isArray(metadata.dimensions) ? metadata.dimensions : [];
	const previews = Array.isArray(raw.previewUrls) ? raw.previewUrls : [];
	return {
		url: jsonText(raw.url),
		fileName: jsonText(raw.filename) ?? jsonText(raw.fileName),
		fileSize: jsonNumber(raw.fileSize),
		assetId: jsonText(raw.assetId),
		previewUrl: jsonText(previews[0]),
		duration: jsonNumber(metadata.duration),
		frameRate: jsonNumber(metadata.frameRate),
		width: jsonNumber(dimensions[0]),
		height: jsonNumber(dimensions[1]),
	};
}

function parseFailure(raw: unknown): RunwayFailure | undefined {
	const message = jsonText(raw);
	if (message !== undefined) return { message, moderated: false };
	if (!isJsonObject(raw)) return undefined;
	const reason = jsonText(raw.reason);
	const moderationCategory = jsonText(raw.moderation_category);
	return {
		message: jsonText(raw.errorMessage) ?? jsonText(raw.message) ?? reason ?? 'no reason given',
		reason,
		moderationCategory,
		moderated:
			moderationCategory !== undefined ||
			raw.tally_asimov === true ||
			(reason?.startsWith('SAFETY') ?? false),
	};
}

/**
 * Reads a task body: the flat GET /tasks shape, or the create answer's `{task: {...}}` (useapi.net's own scripts
 * read a top-level `taskId` there too, which wins).
 */
export function parseRunwayTask(body: unknown): RunwayTask | undefined {
	const raw = isJsonObject(body) && isJsonObject(body.task) ? { ...body.task, ...body } : body;
	if (!isJsonObject(raw)) return undefined;
	const taskId = jsonText(raw.taskId);
	if (taskId === undefined) return undefined;
	const options = isJsonObject(raw.options) ? raw.options : {};
	const ratio = jsonNumber(raw.progressRatio);
	return {
		taskId,
		status: (jsonText(raw.status) ?? 'UNKNOWN').toUpperCase(),
		taskType: jsonText(raw.taskType),
		progress: ratio === undefined ? undefined : Math.round(ratio * 1000) / 10,
		artifacts: (Array.isArray(raw.artifacts) ? raw.artifacts : [])
			.map(parseArtifact)
			.filter((artifact): artifact is RunwayArtifact => artifact !== undefined),
		failure: parseFailure(raw.error),
		replyRef: jsonText(raw.replyRef),
		seed: jsonNumber(options.seed),
		createdAt: jsonText(raw.createdAt),
		updatedAt: jsonText(raw.updatedAt),
	};
}

/** The output JSON of a task: id, status, model, video URL, every artifact with its metadata, replyRef. */
export function runwayTaskJson(task: RunwayTask, context: RunwayTaskContext = {}): IDataObject {
	return withoutUndefined({
		taskId: task.taskId,
		status: task.status,
		model: context.model ?? task.taskType,
		videoURL: task.artifacts[0]?.url,
		artifacts: task.artifacts.map((artifact) => withoutUndefined({ ...artifact })),
		progress: RUNWAY_RUNNING_STATUSES.has(task.status) ? task.progress : undefined,
		error: task.failure?.message,
		errorReason: task.failure?.reason,
		moderationCategory: task.failure?.moderationCategory,
		seed: task.seed,
		replyRef: task.replyRef ?? context.replyRef,
		createdAt: task.createdAt,
		updatedAt: task.updatedAt,
	});
}

function failureError(ctx: ApiContext, task: RunwayTask): NodeOperationError {
	const failure = task.failure;
	if (CANCELLED_STATUSES.has(task.status)) {
		return new NodeOperationError(ctx.getNode(), `Runway task ${task.taskId} was cancelled`, {
			description: 'The task was cancelled at Runway (on the website or through the API).',
		});
	}
	const reason = failure?.reason ? ` (${failure.reason})` : '';
	if (failure?.moderated) {
		const category = failure.moderationCategory ? `, category ${failure.moderationCategory}` : '';
		return new NodeOperationError(
			ctx.getNode(),
			`Runway's moderation refused task ${task.taskId}: ${failure.message}${reason}${category}`,
			{
				description:
					'Change the prompt or the images. Runway counts moderated tasks and may suspend the account when there are too many.',
			},
		);
	}
	return new NodeOperationError(
		ctx.getNode(),
		`Runway task ${task.taskId} failed: ${failure?.message ?? 'no reason given'}${reason}`,
	);
}

/** What a task's state means to the waiting code: the video, Runway's failure reason, or keep waiting. */
export function runwayTaskState(
	ctx: ApiContext,
	task: RunwayTask,
	context: RunwayTaskContext = {},
): PollState<VideoResult[]> {
	if (task.status === 'SUCCEEDED') {
		const video = task.artifacts.find((artifact) => artifact.url !== undefined);
		if (!video) {
			return {
				status: 'failed',
				error: new NodeOperationError(
					ctx.getNode(),
					`Runway task ${task.taskId} succeeded but returned no video URL`,
				),
			};
		}
		const id = task.taskId.split(':').pop() ?? 'video';
		return {
			status: 'succeeded',
			value: [
				{
					json: runwayTaskJson(task, context),
					url: video.url,
					fileName: video.fileName ?? `runway-${id}.mp4`,
				},
			],
		};
	}
	if (task.status === 'FAILED' || CANCELLED_STATUSES.has(task.status)) {
		return { status: 'failed', error: markTaskFailure(failureError(ctx, task)) };
	}
	const detail = RUNWAY_RUNNING_STATUSES.has(task.status)
		? task.status
		: `unknown status "${task.status}"`;
	return { status: 'pending', progress: task.progress, detail };
}

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
