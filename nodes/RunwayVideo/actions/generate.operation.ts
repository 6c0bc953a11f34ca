import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { WaitMode } from '../../shared/descriptions/waiting';
import { readWaitMode, readWaitSettings } from '../../shared/descriptions/waiting';
import { createdTasks } from '../../shared/execution/createdTasks';
import { asItemError, ItemOutcomes } from '../../shared/execution/outcomes';
import { resumeCallbackUrl, WAITING_STATUS, waitForResume } from '../../shared/execution/resume';
import type { TaskTracker, VideoResult, WaitSettings } from '../../shared/execution/tasks';
import { collectTaskResults, deliverTaskOutcome } from '../../shared/execution/tasks';
import type { PollOutcome } from '../../shared/polling/poller';
import { runCreateQueue } from '../../shared/providers/runway/submit';
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

/** One execution: the items' outcomes, the tasks it created, and the deliveries (downloads) under way. */
class Generation {
	readonly outcomes: ItemOutcomes;
	readonly contexts = new Map<number, RunwayTaskContext>();
	readonly submitted = new Map<string, Submitted>();
	readonly tracker: TaskTracker;
	private readonly deliveries: Array<Promise<void>> = [];

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly waitMode: WaitMode,
		readonly settings: WaitSettings & { deadline: number },
	) {
		this.outcomes = new ItemOutcomes(ctx, ctx.getInputData().length);
		this.tracker = runwayTaskTracker(ctx, {
			contexts: (taskId) => this.contexts.get(this.submitted.get(taskId)?.itemIndex ?? -1),
		});
	}

	/** Records a task's outcome on its item; a download runs while the rest goes on. */
	deliver(entry: Submitted, outcome: PollOutcome<VideoResult[]>): void {
		const { ctx, outcomes, tracker, settings } = this;
		this.deliveries.push(
			deliverTaskOutcome(
				ctx,
				outcomes,
				[entry.itemIndex],
				entry.taskId,
				outcome,
				tracker,
				settings,
			),
		);
	}

	taskJson(entry: Submitted) {
		return runwayTaskJson(entry.task, this.contexts.get(entry.itemIndex));
	}

	async output(): Promise<INodeExecutionData[]> {
		await Promise.all(this.deliveries);
		return this.outcomes.toOutput();
	}
}

function readSettings(ctx: IExecuteFunctions, waitMode: WaitMode) {
	const settings = readWaitSettings(ctx);
	return {
		...settings,
		signal: ctx.getExecutionCancelSignal(),
		deadline: Date.now() + settings.timeoutMs,
		binaryProperty: waitMode === 'submit' ? undefined : settings.binaryProperty,
	};
}

/** Reads and checks every item; failures are recorded before anything is sent. */
async function readCreates(ctx: IExecuteFunctions, run: Generation): Promise<PendingCreate[]> {
	const { email } = await useApiCredentials(ctx);
	const resumeUrl = run.waitMode === 'webhook' ? resumeCallbackUrl(ctx) : undefined;
	const creates: PendingCreate[] = [];
	for (let itemIndex = 0; itemIndex < run.outcomes.itemCount; itemIndex++) {
		try {
			const request = readRunwayRequest(ctx, itemIndex, { credentialEmail: email, resumeUrl });
			if (request.namedFiles.length > 0) {
				request.create.files = await readInputFiles(ctx, itemIndex, request.namedFiles);
			}
			creates.push(request.create);
			run.contexts.set(itemIndex, request.context);
		} catch (error) {
			run.outcomes.fail(itemIndex, asItemError(ctx, error));
		}
	}
	return creates;
}

/**
 * Uploads the files the items' asset fields name (only for the items this try creates: a task an earlier try created
 * is followed, its files not uploaded again). An item whose upload fails gets its error and is not created.
 */
async function uploadFiles(
	ctx: IExecuteFunctions,
	run: Generation,
	creates: PendingCreate[],
): Promise<PendingCreate[]> {
	const { signal, deadline } = run.settings;
	const ready: PendingCreate[] = [];
	for (const create of creates) {
		try {
			await uploadInputFiles(ctx, create, { signal, deadline });
			ready.push(create);
		} catch (error) {
			run.outcomes.fail(create.itemIndex, asItemError(ctx, error));
		}
	}
	run.outcomes.throwUnlessContinuing();
	return ready;
}

/**
 * Resume on Webhook: the tasks still running, and those that ended while the queue waited (their videos are
 * fetched after the wait, which keeps no binary data), become the items the execution waits for.
 */
async function waitForCallbacks(
	ctx: IExecuteFunctions,
	run: Generation,
	stillRunning: Submitted[],
	finishedBeforeWait: Map<Submitted, VideoResult[]>,
): Promise<INodeExecutionData[][]> {
	for (const entry of [...stillRunning, ...finishedBeforeWait.keys()]) {
		run.outcomes.succeed(entry.itemIndex, [
			{ json: { ...run.taskJson(entry), status: WAITING_STATUS } },
		]);
	}
	const ended = new Map(
		[...finishedBeforeWait].map(([entry, value]) => [
			entry.taskId,
			{ status: 'succeeded' as const, value },
		]),
	);
	return await waitForResume(ctx, await run.output(), run.settings.deadline, ended);
}

/**
 * Generates one video per item: submits every create through the account-aware queue, then waits for the tasks,
 * hands their IDs over, or puts the execution to wait for useapi.net's callbacks, as the waiting mode says.
 * Tasks seen ending while the queue still waited for a slot are delivered at once.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const waitMode = readWaitMode(this);
	const run = new Generation(this, waitMode, readSettings(this, waitMode));
	const creates = await readCreates(this, run);
	run.outcomes.throwUnlessContinuing();
	// Retry On Fail: the tasks an earlier try created are followed, not created again.
	const ledger = createdTasks<Submitted>(this);
	const { create, follow } = ledger.sort(creates, run.outcomes);
	for (const { task } of follow) run.submitted.set(task.taskId, task);

	const finishedBeforeWait = new Map<Submitted, VideoResult[]>();
	const running = await runCreateQueue(this, await uploadFiles(this, run, create), {
		deadline: run.settings.deadline,
		following: follow.map(({ task }) => task.taskId),
		pollBackoff: run.settings.backoff,
		tracker: run.tracker,
		signal: run.settings.signal,
		onCreated: (queued, task) => {
			const entry = { itemIndex: queued.itemIndex, taskId: task.taskId, task };
			ledger.created(queued.itemIndex, entry);
			run.submitted.set(task.taskId, entry);
		},
		onSettled: (taskId, outcome) => {
			const entry = run.submitted.get(taskId);
			if (!entry) return;
			if (waitMode === 'webhook' && outcome.status === 'succeeded') {
				finishedBeforeWait.set(entry, outcome.value);
			} else {
				run.deliver(entry, outcome);
			}
		},
		onFailed: (queued, error) => {
			ledger.createFailed(queued.itemIndex, error);
			run.outcomes.fail(queued.itemIndex, error);
		},
	});
	const stillRunning = running.flatMap((taskId) => run.submitted.get(taskId) ?? []);

	if (waitMode === 'wait') {
		await collectTaskResults(this, run.outcomes, stillRunning, run.tracker, run.settings);
	} else if (waitMode === 'submit') {
		for (const entry of stillRunning) {
			run.outcomes.succeed(entry.itemIndex, [{ json: run.taskJson(entry) }]);
		}
	} else if (stillRunning.length > 0) {
		return await waitForCallbacks(this, run, stillRunning, finishedBeforeWait);
	} else {
		for (const [entry, videos] of finishedBeforeWait) {
			run.deliver(entry, { status: 'succeeded', value: videos });
		}
	}
	return [await run.output()];
}

/** useapi.net called the resume URL: continue once every task of the run has ended. */
export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await resumeOnRunwayCallback.call(this);
}
