import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { WaitMode } from '../../shared/descriptions/waiting';
import { readWaitMode, readWaitSettings } from '../../shared/descriptions/waiting';
import { createdTasks } from '../../shared/execution/createdTasks';
import { asItemError, ItemOutcomes } from '../../shared/execution/outcomes';
import { resumeCallbackUrl, WAITING_STATUS, waitForResume } from '../../shared/execution/resume';
import type { VideoResult, WaitSettings } from '../../shared/execution/tasks';
import { collectTaskResults, deliverTaskOutcome } from '../../shared/execution/tasks';
import type { PollOutcome } from '../../shared/polling/poller';
import { createQueue } from '../../shared/providers/runway/submit';
import type { RunwayTask, RunwayTaskContext } from '../../shared/providers/runway/tasks';
import { runwayTaskJson, runwayTaskTracker } from '../../shared/providers/runway/tasks';
import { useApiCredentials } from '../../shared/providers/runway/transport';
import { readInputFiles, uploadInputFiles, type PendingCreate } from './inputFiles';
import { readRunwayRequest } from './readRequest';
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

/** Reads and checks every item; failures are recorded before anything is sent. */
async function readCreates(ctx: IExecuteFunctions, outcomes: ItemOutcomes, waitMode: WaitMode) {
	const { email } = await useApiCredentials(ctx);
	const resumeUrl = waitMode === 'webhook' ? resumeCallbackUrl(ctx) : undefined;
	const creates: PendingCreate[] = [];
	const contexts = new Map<number, RunwayTaskContext>();
	for (let itemIndex = 0; itemIndex < outcomes.itemCount; itemIndex++) {
		try {
			const request = readRunwayRequest(ctx, itemIndex, { credentialEmail: email, resumeUrl });
			if (request.namedFiles.length > 0) {
				request.create.files = await readInputFiles(ctx, itemIndex, request.namedFiles);
			}
			creates.push(request.create);
			contexts.set(itemIndex, request.context);
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
