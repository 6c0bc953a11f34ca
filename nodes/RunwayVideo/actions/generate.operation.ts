import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WaitMode } from '../../shared/descriptions/waiting';
import { readWaitMode, readWaitSettings } from '../../shared/descriptions/waiting';
import { createdTasks } from '../../shared/execution/createdTasks';
import { asItemError, ItemOutcomes } from '../../shared/execution/outcomes';
import { resumeCallbackUrl, WAITING_STATUS, waitForResume } from '../../shared/execution/resume';
import type { VideoResult, WaitSettings } from '../../shared/execution/tasks';
import { collectTaskResults, deliverTaskOutcome } from '../../shared/execution/tasks';
import type { PollOutcome } from '../../shared/polling/poller';
import { resolveRunwayAccount } from '../../shared/providers/runway/accounts';
import { buildRunwayCreateBody, isGiven } from '../../shared/providers/runway/body';
import { RUNWAY_ASSET_FIELDS } from '../../shared/providers/runway/catalogue';
import { createQueue } from '../../shared/providers/runway/submit';
import type { RunwayTask, RunwayTaskContext } from '../../shared/providers/runway/tasks';
import { runwayTaskJson, runwayTaskTracker } from '../../shared/providers/runway/tasks';
import { useApiCredentials } from '../../shared/providers/runway/transport';
import {
	validateRunwayCreate,
	type RunwayValidationIssue,
} from '../../shared/providers/runway/validation';
import { readInputFiles, uploadInputFiles, type NamedFile, type PendingCreate } from './inputFiles';
import { readRunwayRequest, type RunwayItemRequest } from './readRequest';
import { resumeOnRunwayCallback } from './resume';
import { assetProperties } from '../description/assets.description';
import { modelProperties } from '../description/model.description';
import { settingsProperties } from '../description/settings.description';
import { optionsProperties } from '../description/options.description';

export const properties: INodeProperties[] = [
	...modelProperties,
	...assetProperties,
	...settingsProperties,
	...optionsProperties,
];

interface Submitted {
	itemIndex: number;
	taskId: string;
	/** The task as the create answer described it. */
	task: RunwayTask;
}

type RunSettings = WaitSettings & { deadline: number; signal?: AbortSignal };

function readSettings(ctx: IExecuteFunctions, waitMode: WaitMode): RunSettings {
	const settings = readWaitSettings(ctx);
	return {
		...settings,
		signal: ctx.getExecutionCancelSignal(),
		deadline: Date.now() + settings.timeoutMs,
		binaryProperty: waitMode === 'submit' ? undefined : settings.binaryProperty,
	};
}

export interface PreparedItem {
	/** Its files not yet opened: `namedFiles` names them. */
	create: PendingCreate;
	context: RunwayTaskContext;
	/** The files the asset fields name, to open and check (`readInputFiles`) before anything is sent. */
	namedFiles: NamedFile[];
}

function validationError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	issues: RunwayValidationIssue[],
): NodeOperationError {
	const [first, ...others] = issues;
	return new NodeOperationError(ctx.getNode(), first.message, {
		itemIndex,
		description: others.length
			? `Also: ${others.map((other) => other.message).join('; ')}. Nothing was sent.`
			: 'Nothing was sent.',
	});
}

const NO_FILES: ReadonlySet<string> = new Set();

/**
 * Settles the item's account and replyUrl, checks its request against its model and every rule of the API document,
 * and builds its create; throws the item's error when it fails. `resumeUrl` is the execution's, sent as replyUrl in
 * the Resume on Webhook mode.
 */
export function prepareItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ request, replyUrl, account: choice, files, binaryFields }: RunwayItemRequest,
	run: { credentialEmail: string; resumeUrl?: string },
): PreparedItem {
	request.replyUrl = run.resumeUrl ?? replyUrl;
	const assets = files.length === 0 ? NO_FILES : new Set<string>(files);
	const account = resolveRunwayAccount(
		choice.trim(),
		run.credentialEmail,
		RUNWAY_ASSET_FIELDS.flatMap((field) => {
			const id = request[field];
			return id !== undefined && !assets.has(field) ? [{ field, id }] : [];
		}),
	);
	request.email = account.email;
	const issues = validateRunwayCreate(request, { files: assets, binaryFields });
	issues.push(...account.issues);
	if (run.resumeUrl && isGiven(replyUrl)) {
		issues.push({
			field: 'replyUrl',
			value: replyUrl,
			message:
				'replyUrl cannot be set with "Resume on Webhook": the node sends the execution resume URL as replyUrl',
		});
	}
	if (issues.length > 0) throw validationError(ctx, itemIndex, issues);
	return {
		create: {
			itemIndex,
			body: buildRunwayCreateBody(request) as IDataObject,
			account: account.account,
			files: [],
		},
		context: {
			model: request.model,
			replyRef: isGiven(request.replyRef) ? request.replyRef : undefined,
		},
		namedFiles: files.map((field) => ({ field, propertyName: request[field] ?? '' })),
	};
}

/** Reads and checks every item; failures are recorded before anything is sent. */
async function readCreates(ctx: IExecuteFunctions, outcomes: ItemOutcomes, waitMode: WaitMode) {
	const { email } = await useApiCredentials(ctx);
	const run = {
		credentialEmail: email,
		resumeUrl: waitMode === 'webhook' ? resumeCallbackUrl(ctx) : undefined,
	};
	const creates: PendingCreate[] = [];
	const contexts = new Map<number, RunwayTaskContext>();
	for (let itemIndex = 0; itemIndex < outcomes.itemCount; itemIndex++) {
		try {
			const item = prepareItem(ctx, itemIndex, readRunwayRequest(ctx, itemIndex), run);
			if (item.namedFiles.length > 0) {
				item.create.files = await readInputFiles(ctx, itemIndex, item.namedFiles);
			}
			creates.push(item.create);
			contexts.set(itemIndex, item.context);
		} catch (error) {
			outcomes.fail(itemIndex, asItemError(ctx, error));
		}
	}
	return { creates, contexts };
}

/**
 * Uploads the files the items' asset fields name (only for the items this try creates: a task an earlier try created
 * is followed, its files not uploaded again). An item whose upload fails gets its error and is not created.
 */
async function uploadFiles(
	ctx: IExecuteFunctions,
	outcomes: ItemOutcomes,
	creates: PendingCreate[],
	settings: RunSettings,
): Promise<PendingCreate[]> {
	const ready: PendingCreate[] = [];
	for (const create of creates) {
		try {
			await uploadInputFiles(ctx, create, settings);
			ready.push(create);
		} catch (error) {
			outcomes.fail(create.itemIndex, asItemError(ctx, error));
		}
	}
	outcomes.throwUnlessContinuing();
	return ready;
}

/**
 * Generates one video per item: submits every create through the account-aware queue, then waits for the tasks,
 * hands their IDs over, or puts the execution to wait for useapi.net's callbacks, as the waiting mode says.
 * Tasks seen ending while the queue still waited for a slot are delivered at once.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const waitMode = readWaitMode(this);
	const settings = readSettings(this, waitMode);
	const outcomes = new ItemOutcomes(this, this.getInputData().length);
	const { creates, contexts } = await readCreates(this, outcomes, waitMode);
	outcomes.throwUnlessContinuing();
	// Retry On Fail: the tasks an earlier try created are followed, not created again.
	const ledger = createdTasks<Submitted>(this);
	const { create, follow } = ledger.sort(creates, outcomes);
	const submitted = new Map(follow.map(({ task }) => [task.taskId, task]));
	const tracker = runwayTaskTracker(this, {
		contexts: (taskId) => contexts.get(submitted.get(taskId)?.itemIndex ?? -1),
	});
	const taskJson = (entry: Submitted) => runwayTaskJson(entry.task, contexts.get(entry.itemIndex));
	const deliveries: Array<Promise<void>> = [];
	const deliver = (entry: Submitted, outcome: PollOutcome<VideoResult[]>) =>
		deliveries.push(
			deliverTaskOutcome(
				this,
				outcomes,
				[entry.itemIndex],
				entry.taskId,
				outcome,
				tracker,
				settings,
			),
		);

	// Resume on Webhook: tasks that ended while the queue waited are fetched after the wait (which keeps no binary data).
	const endedBeforeWait = new Map<Submitted, VideoResult[]>();
	let stillRunning: Submitted[] = [];
	const queue = createQueue(this, await uploadFiles(this, outcomes, create, settings), {
		deadline: settings.deadline,
		following: follow.map(({ task }) => task.taskId),
		pollBackoff: settings.backoff,
		tracker,
		signal: settings.signal,
	});
	for await (const event of queue) {
		if (event.kind === 'created') {
			const entry = {
				itemIndex: event.create.itemIndex,
				taskId: event.task.taskId,
				task: event.task,
			};
			ledger.created(entry.itemIndex, entry);
			submitted.set(entry.taskId, entry);
		} else if (event.kind === 'failed') {
			ledger.createFailed(event.create.itemIndex, event.error);
			outcomes.fail(event.create.itemIndex, event.error);
		} else if (event.kind === 'ended') {
			const entry = submitted.get(event.taskId);
			if (!entry) continue;
			if (waitMode === 'webhook' && event.outcome.status === 'succeeded') {
				endedBeforeWait.set(entry, event.outcome.value);
			} else {
				deliver(entry, event.outcome);
			}
		} else {
			stillRunning = event.running.flatMap((taskId) => submitted.get(taskId) ?? []);
		}
	}

	if (waitMode === 'wait') {
		await collectTaskResults(this, outcomes, stillRunning, tracker, settings);
	} else if (waitMode === 'submit') {
		for (const entry of stillRunning) {
			outcomes.succeed(entry.itemIndex, [{ json: taskJson(entry) }]);
		}
	} else if (stillRunning.length > 0) {
		for (const entry of [...stillRunning, ...endedBeforeWait.keys()]) {
			outcomes.succeed(entry.itemIndex, [{ json: { ...taskJson(entry), status: WAITING_STATUS } }]);
		}
		const ended = new Map(
			[...endedBeforeWait].map(([entry, value]) => [
				entry.taskId,
				{ status: 'succeeded' as const, value },
			]),
		);
		await Promise.all(deliveries);
		return await waitForResume(this, outcomes.toOutput(), settings.deadline, ended);
	} else {
		for (const [entry, videos] of endedBeforeWait)
			deliver(entry, { status: 'succeeded', value: videos });
	}
	await Promise.all(deliveries);
	return [outcomes.toOutput()];
}

/** useapi.net called the resume URL: continue once every task of the run has ended. */
export const webhook = resumeOnRunwayCallback;
