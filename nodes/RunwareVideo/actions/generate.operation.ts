import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	downloadProperties,
	readWaitMode,
	readWaitSettings,
	waitingOptionsProperty,
	waitModeProperty,
	type WaitMode,
} from '../../shared/descriptions/waiting';
import { createdTasks } from '../../shared/execution/createdTasks';
import { asItemError, ItemOutcomes } from '../../shared/execution/outcomes';
import {
	resumeCallbackUrl,
	resumeOnCallback,
	waitForResume,
	WAITING_STATUS,
} from '../../shared/execution/resume';
import { collectTaskResults } from '../../shared/execution/tasks';
import type { RunwareModel } from '../../shared/providers/runware/catalogue';
import {
	durationWhenUnset,
	resolveRunwareModels,
} from '../../shared/providers/runware/modelOptions';
import type { RunwareVideoRequest } from '../../shared/providers/runware/body';
import { submitRunwareTasks } from '../../shared/providers/runware/submit';
import { runwareTaskTracker, type RunwareTaskInfo } from '../../shared/providers/runware/tasks';
import {
	validateRunwareVideoRequest,
	type RunwareValidationIssue,
} from '../../shared/providers/runware/validation';
import { buildVideoInferenceTask } from '../../shared/providers/runware/body';
import { mediaProperties } from '../description/media.description';
import { modelProperties } from '../description/model.description';
import { settingsProperties } from '../description/settings.description';
import { requirementsNotices } from '../description/requirements.description';
import { advancedProperty, optionsProperty } from '../description/options.description';
import { providerSettingsProperty } from '../description/providerSettings.description';
import { resolveBinaryMedia } from './inputFiles';
import { readRunwareRequest, type RunwareItemRequest } from './readRequest';

export const properties: INodeProperties[] = [
	...modelProperties.slice(0, 1),
	...requirementsNotices,
	...modelProperties.slice(1),
	...settingsProperties,
	...mediaProperties,
	optionsProperty,
	advancedProperty,
	providerSettingsProperty,
	waitModeProperty('taskUUID'),
	// Shown in every mode: the timeout bounds Submit Only's requests too.
	waitingOptionsProperty({ show: { waitMode: ['wait', 'submit', 'webhook'] } }),
	...downloadProperties(),
];

export interface PreparedItem extends RunwareItemRequest {
	itemIndex: number;
	model?: RunwareModel;
}

interface SubmittedItem {
	itemIndex: number;
	info: RunwareTaskInfo;
}

function validationError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	issues: RunwareValidationIssue[],
): NodeOperationError {
	const [first] = issues;
	return new NodeOperationError(ctx.getNode(), first.message, {
		itemIndex,
		description:
			issues.length > 1
				? `All problems of this item:\n${issues.map((issue) => `- ${issue.message}`).join('\n')}`
				: 'Nothing was sent to Runware.',
	});
}

/**
 * n8n pairs the items a resumed node outputs with its input items by position (WorkflowExecute
 * addPairedItemLineage), so a resumed run can pair only one output to each input item.
 */
function severalResultsError(ctx: IExecuteFunctions, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		'Resume on Webhook gives one video per item: set Number of Results to 1',
		{
			itemIndex,
			description:
				'n8n pairs the items of a resumed node with its input items by position, so several videos of one item would be paired to other items. For several videos per item, use Wait for Completion, or Submit Only followed by the Poll Task node. Nothing was sent to Runware.',
		},
	);
}

/**
 * Checks one item's request against its model's resolved facts, the ones the editor's dropdowns offer; throws the
 * item's error when it fails.
 */
export function prepareItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	item: RunwareItemRequest,
	model: RunwareModel | undefined,
	waitMode: WaitMode,
): PreparedItem {
	item.request.duration ??= durationWhenUnset(model);
	const issues = validateRunwareVideoRequest(item.request, model);
	if (issues.length > 0) throw validationError(ctx, itemIndex, issues);
	if (waitMode === 'webhook' && (item.request.numberResults ?? 1) > 1) {
		throw severalResultsError(ctx, itemIndex);
	}
	// Listed rather than spread: V8 copies `{ ...item, more }` on a slow path, microseconds per item.
	return { request: item.request, binarySlots: item.binarySlots, itemIndex, model };
}

/**
 * Reads every item, resolves each model they name once, then checks every item; items that fail get their outcome
 * and are not sent.
 */
async function prepareItems(
	ctx: IExecuteFunctions,
	outcomes: ItemOutcomes,
	waitMode: WaitMode,
): Promise<PreparedItem[]> {
	const read: Array<{ itemIndex: number; item: RunwareItemRequest }> = [];
	for (let itemIndex = 0; itemIndex < outcomes.itemCount; itemIndex++) {
		try {
			read.push({ itemIndex, item: readRunwareRequest(ctx, itemIndex) });
		} catch (error) {
			outcomes.fail(itemIndex, asItemError(ctx, error));
		}
	}
	const models = await resolveRunwareModels(
		ctx,
		read.map(({ item }) => item.request.model),
	);
	const prepared: PreparedItem[] = [];
	for (const { itemIndex, item } of read) {
		try {
			prepared.push(prepareItem(ctx, itemIndex, item, models.get(item.request.model), waitMode));
		} catch (error) {
			outcomes.fail(itemIndex, asItemError(ctx, error));
		}
	}
	return prepared;
}

function taskInfo(taskUUID: string, request: RunwareVideoRequest): RunwareTaskInfo {
	return {
		taskUUID,
		numberResults: request.numberResults ?? 1,
		model: request.model,
		outputFormat: request.outputFormat,
	};
}

interface PendingTask extends SubmittedItem {
	task: IDataObject;
}

/** The item's videoInference task, built from its request with its files resolved. */
export function pendingTask(
	item: PreparedItem,
	resolved: RunwareVideoRequest,
	webhookURL: string | undefined,
): PendingTask {
	const request = webhookURL ? { ...resolved, webhookURL } : resolved;
	const taskUUID = randomUUID();
	return {
		itemIndex: item.itemIndex,
		info: taskInfo(taskUUID, request),
		task: buildVideoInferenceTask(request, taskUUID, item.model) as IDataObject,
	};
}

/**
 * Resolves files, builds every task and submits them together; failed items get their outcome. Items whose task an
 * earlier try of this node run created (Retry On Fail) are not sent again: their tasks are followed.
 */
async function submitItems(
	ctx: IExecuteFunctions,
	outcomes: ItemOutcomes,
	prepared: PreparedItem[],
	webhookURL: string | undefined,
	bounds: { signal?: AbortSignal; deadline: number },
): Promise<SubmittedItem[]> {
	const ledger = createdTasks<RunwareTaskInfo>(ctx);
	const { create, follow } = ledger.sort(prepared, outcomes);
	const pending: PendingTask[] = [];
	for (const item of create) {
		try {
			// Files are resolved (uploaded when large) only now, after the Retry On Fail check.
			const resolved =
				item.binarySlots.length === 0
					? item.request
					: await resolveBinaryMedia(ctx, item.itemIndex, item.request, item.binarySlots, bounds);
			pending.push(pendingTask(item, resolved, webhookURL));
		} catch (error) {
			outcomes.fail(item.itemIndex, asItemError(ctx, error));
		}
	}
	outcomes.throwUnlessContinuing();
	const results = await submitRunwareTasks(
		ctx,
		pending.map((item) => item.task),
		bounds,
	);
	const submitted: SubmittedItem[] = follow.map(({ item, task }) => ({
		itemIndex: item.itemIndex,
		info: task,
	}));
	for (const { itemIndex, info } of pending) {
		const result = results.get(info.taskUUID);
		if (result?.status === 'accepted') {
			ledger.created(itemIndex, info);
			submitted.push({ itemIndex, info });
		} else if (result) {
			ledger.createFailed(itemIndex, result.error);
			outcomes.fail(itemIndex, result.error, { taskUUID: info.taskUUID });
		}
	}
	return submitted;
}

function submittedJson(info: RunwareTaskInfo, status: string): IDataObject {
	return {
		taskUUID: info.taskUUID,
		model: info.model,
		numberResults: info.numberResults,
		...(info.outputFormat ? { outputFormat: info.outputFormat } : {}),
		status,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outcomes = new ItemOutcomes(this, this.getInputData().length);
	const waitMode = readWaitMode(this);
	const signal = this.getExecutionCancelSignal();
	const settings = readWaitSettings(this);
	// Every request and wait of the run, and Resume on Webhook's wait, ends at the time limit counted from its start.
	const deadline = Date.now() + settings.timeoutMs;

	const prepared = await prepareItems(this, outcomes, waitMode);
	outcomes.throwUnlessContinuing();
	const webhookURL = waitMode === 'webhook' ? resumeCallbackUrl(this) : undefined;
	const submitted = await submitItems(this, outcomes, prepared, webhookURL, { signal, deadline });

	if (waitMode === 'wait') {
		const tracker = runwareTaskTracker(
			this,
			submitted.map((item) => item.info),
		);
		const tasks = submitted.map(({ itemIndex, info }) => ({ itemIndex, taskId: info.taskUUID }));
		await collectTaskResults(this, outcomes, tasks, tracker, { ...settings, signal, deadline });
		return [outcomes.toOutput()];
	}
	const status = waitMode === 'submit' ? 'submitted' : WAITING_STATUS;
	for (const { itemIndex, info } of submitted) {
		outcomes.succeed(itemIndex, [{ json: submittedJson(info, status) }]);
	}
	const output = outcomes.toOutput();
	if (waitMode === 'submit' || submitted.length === 0) return [output];
	return await waitForResume(this, output, deadline);
}

/** Runware called the resume URL: continue once every task of the run has ended. */
export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await resumeOnCallback(
		this,
		(waiting) => runwareTaskTracker(this, waiting as unknown as RunwareTaskInfo[]),
		readWaitSettings(this).binaryProperty,
	);
}
