/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { parse, stringify } from 'flatted';
import { getAdditionalKeys } from 'n8n-core';
import type {
	ExecutionStatus,
	IConnections,
	ICredentialsHelper,
	INode,
	INodeExecutionData,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { createDeferred, type Deferred } from './deferred';
import { startExecution, withTimeout, type RunningExecution } from './execution';
import { toRunResult, type ResumeHandle, type RunResult } from './run-result';
import {
	assertValidToken,
	findRestartWebhook,
	parseWaitingUrl,
	prepareForResume,
	responseModeOf,
	runNodeWebhook,
	toHttpRequest,
	WebhookRefusal,
	type WebhookReply,
	type WebhookRequest,
} from './waiting-webhooks';

export const DEFAULT_ORIGIN = 'http://127.0.0.1:5678';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RunWorkflowInput {
	nodes: INode[];
	connections: IConnections;
	/** Defaults to the first node without incoming connections. */
	startNode?: string;
	/** What the start node receives; defaults to one empty item. */
	inputItems?: INodeExecutionData[];
	settings?: IWorkflowSettings;
	/** The run is canceled and the promise rejects after this long (default 30 s). */
	timeoutMs?: number;
	/** Cancels the execution after this long, as n8n's "stop execution" does. */
	cancelAfterMs?: number;
}

export interface StartedWorkflow {
	executionId: string;
	result: Promise<RunResult>;
	cancel(): void;
}

export interface Delivery {
	reply: WebhookReply;
	/** The resumed run, when the webhook let the execution continue. */
	continuation?: Promise<RunResult>;
	/** What the node's `webhook()` threw. */
	webhookError?: Error;
}

/** What n8n keeps of an execution in its database, and the live run when there is one. */
interface ExecutionRecord {
	id: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
	resumeToken?: string;
	status: ExecutionStatus;
	waitCount: number;
	/** Run execution data saved the way n8n stores it (flatted), while the execution waits. */
	savedData?: string;
	lastResult?: RunResult;
	/** Each write of the execution's row and data, as n8n makes them (see `StoredExecution`). */
	writes: ExecutionWrite[];
	running?: RunningExecution;
	resumedRuns: Map<number, Deferred<RunResult>>;
}

/**
 * One write of an execution's row: when it starts waiting, when a resume claims it (n8n's ActiveExecutions.add
 * stores the prepared run data with status 'running' before any worker takes it: a crash from then on leaves this
 * data, marked crashed) and when it ends.
 */
export interface StoredExecution {
	status: ExecutionStatus;
	data: IRunExecutionData;
}

interface ExecutionWrite {
	status: ExecutionStatus;
	/** A snapshot (flatted, as n8n stores it) or, once the run ended, its final data. */
	data: string | IRunExecutionData;
}

interface WaitingExecution {
	record: ExecutionRecord;
	waitCount: number;
	data: IRunExecutionData;
	workflow: Workflow;
	node: INode;
	suffix?: string;
	query: Record<string, string>;
}

interface LaunchParts {
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	runExecutionData: IRunExecutionData;
	timeoutMs?: number;
	cancelAfterMs?: number;
}

/** Executions of one harness: starting them, their waiting state, and resuming them. */
export class ExecutionEngine {
	/** Origin of the URLs n8n hands to nodes (`$execution.resumeUrl` and others). */
	origin = DEFAULT_ORIGIN;

	private readonly records = new Map<string, ExecutionRecord>();

	private nextId = 1;

	constructor(
		private readonly nodeTypes: INodeTypes,
		private readonly credentialsHelper: ICredentialsHelper,
	) {}

	start(input: RunWorkflowInput): StartedWorkflow {
		const now = new Date();
		const record: ExecutionRecord = {
			id: String(this.nextId++),
			mode: 'manual',
			workflowData: {
				id: 'harness-workflow',
				name: 'Harness workflow',
				active: false,
				isArchived: false,
				activeVersionId: null,
				createdAt: now,
				updatedAt: now,
				nodes: structuredClone(input.nodes),
				connections: structuredClone(input.connections),
				settings: { executionOrder: 'v1', ...input.settings },
			},
			status: 'new',
			waitCount: 0,
			writes: [],
			resumedRuns: new Map(),
		};
		this.records.set(record.id, record);

		const workflow = this.createWorkflow(record.workflowData);
		const startName = input.startNode ?? firstNodeWithoutInput(input.nodes, input.connections);
		const startNode = workflow.getNode(startName);
		if (startNode === null) throw new Error(`The workflow has no node named "${startName}"`);

		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: startNode, data: { main: [input.inputItems ?? [{ json: {} }]] }, source: null },
				],
			},
		});
		record.resumeToken = runExecutionData.resumeToken;

		return this.launch(record, {
			workflow,
			runExecutionData,
			additionalData: this.additionalData(record.id),
			timeoutMs: input.timeoutMs,
			cancelAfterMs: input.cancelAfterMs,
		});
	}

	/** Handles a call of a waiting execution's resume URL (see waiting-webhooks.ts). */
	async deliver(request: WebhookRequest & { url: string }): Promise<Delivery> {
		try {
			return await this.resume(request);
		} catch (error) {
			if (error instanceof WebhookRefusal) {
				return { reply: { statusCode: error.statusCode, body: error.body } };
			}
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- harness, not a node
			throw error;
		}
	}

	/** The execution's stored data, each write in order (see `StoredExecution`). */
	writes(executionId: string): StoredExecution[] {
		return this.record(executionId).writes.map(({ status, data }) => ({
			status,
			data: typeof data === 'string' ? (parse(data) as IRunExecutionData) : data,
		}));
	}

	lastResult(executionId: string): RunResult | undefined {
		return this.records.get(executionId)?.lastResult;
	}

	/** The run that continued from `handle`'s waiting point, once it has ended. */
	async awaitResumedRun(handle: ResumeHandle, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RunResult> {
		const record = this.record(handle.executionId);
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(
				() =>
					reject(
						new Error(`Execution ${handle.executionId} was not resumed within ${timeoutMs} ms`),
					),
				timeoutMs,
			);
		});
		try {
			return await Promise.race([this.resumedRun(record, handle.waitCount).promise, timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	cancelAll(): void {
		for (const record of this.records.values()) record.running?.cancel();
	}

	private async resume(request: WebhookRequest & { url: string }): Promise<Delivery> {
		const waiting = this.loadWaiting(request.url);
		const { record, workflow, node, data } = waiting;

		const method = request.method ?? 'POST';
		const webhookAdditionalData = this.additionalData(record.id);
		const webhook = findRestartWebhook(
			workflow,
			node,
			webhookAdditionalData,
			method,
			waiting.suffix,
		);
		const responseMode = responseModeOf(workflow, node, webhook);
		webhookAdditionalData.httpRequest = toHttpRequest(request, method, request.url, waiting.query);

		let response;
		try {
			response = await runNodeWebhook(workflow, node, webhook, record.mode, data);
		} catch (error) {
			const webhookError = error instanceof Error ? error : new Error(String(error));
			return { reply: { statusCode: 500, body: { message: webhookError.message } }, webhookError };
		}
		if (response.workflowData === undefined) {
			const body = response.webhookResponse ?? { message: 'Webhook call received' };
			return { reply: { statusCode: 200, body: response.noWebhookResponse ? undefined : body } };
		}

		const continuation = this.continueWith(waiting, response.workflowData);
		if (responseMode === 'onReceived') {
			return {
				reply: { statusCode: 200, body: { message: 'Workflow was started' } },
				continuation,
			};
		}
		return { reply: lastNodeReply(await continuation), continuation };
	}

	/** The execution a resume URL points at, as n8n reloads it from the database. */
	private loadWaiting(url: string): WaitingExecution {
		const target = parseWaitingUrl(url);
		if (target === undefined) throw new WebhookRefusal(404, `Not a waiting-webhook URL: ${url}`);
		const record = this.records.get(target.executionId);
		if (record === undefined) {
			throw new WebhookRefusal(404, `The execution "${target.executionId}" does not exist.`);
		}
		assertValidToken(target.providedToken, record.resumeToken);
		this.assertWaiting(record);

		const data = parse(record.savedData ?? '') as IRunExecutionData;
		const workflow = this.createWorkflow(record.workflowData);
		const node = workflow.getNode(prepareForResume(data));
		if (node === null) throw new WebhookRefusal(404, 'Could not find node to process webhook.');
		return { ...target, record, waitCount: record.waitCount, data, workflow, node };
	}

	/** The webhook's items become the waiting node's output and the execution runs on. */
	private continueWith(
		waiting: WaitingExecution,
		workflowData: INodeExecutionData[][],
	): Promise<RunResult> {
		const { record, waitCount, data, workflow } = waiting;
		// n8n's ActiveExecutions.add claims the execution with an update conditioned on status 'waiting'. When
		// another call claimed it while this one ran the node's webhook(), no row changes: it throws
		// ExecutionAlreadyResumingError, which executeWebhook answers with HTTP 500 (the 'onReceived' reply waits
		// for the claim). Later calls find the execution running or finished and get 409 (assertWaiting).
		if (record.status !== 'waiting' || record.waitCount !== waitCount) {
			throw new WebhookRefusal(500, 'Execution is already being resumed by another process');
		}

		const [waitingEntry] = data.executionData?.nodeExecutionStack ?? [];
		waitingEntry.data.main = workflowData;
		waitingEntry.metadata = { ...waitingEntry.metadata, forwardAllOutputs: true };
		const additionalData = this.additionalData(record.id);
		additionalData.restartExecutionId = record.id;
		record.writes.push({ status: 'running', data: stringify(data) });

		const continuation = this.launch(record, {
			workflow,
			additionalData,
			runExecutionData: data,
		}).result;
		continuation.catch(() => undefined);
		this.resumedRun(record, waitCount).resolve(continuation);
		return continuation;
	}

	private launch(record: ExecutionRecord, parts: LaunchParts): StartedWorkflow {
		record.status = 'running';
		const running = startExecution({
			workflow: parts.workflow,
			workflowData: record.workflowData,
			additionalData: parts.additionalData,
			runExecutionData: parts.runExecutionData,
			mode: record.mode,
			executionId: record.id,
		});
		record.running = running;
		const cancelTimer =
			parts.cancelAfterMs === undefined
				? undefined
				: setTimeout(running.cancel, parts.cancelAfterMs);

		const result = withTimeout(running, parts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
			.then((run) => this.settle(record, run, parts.additionalData))
			.finally(() => {
				clearTimeout(cancelTimer);
				record.running = undefined;
			});
		result.catch(() => {
			record.status = 'crashed';
		});
		return { executionId: record.id, result, cancel: running.cancel };
	}

	private settle(
		record: ExecutionRecord,
		run: IRun,
		additionalData: IWorkflowExecuteAdditionalData,
	): RunResult {
		let resume: ResumeHandle | undefined;
		record.savedData = undefined;
		if (run.status === 'waiting') {
			record.waitCount++;
			record.savedData = stringify(run.data);
			resume = {
				executionId: record.id,
				nodeName: run.data.resultData.lastNodeExecuted ?? '',
				waitCount: record.waitCount,
				resumeUrl:
					getAdditionalKeys(additionalData, record.mode, run.data).$execution?.resumeUrl ?? '',
			};
		}
		const result = toRunResult(record.id, run, resume);
		record.writes.push({ status: result.status, data: record.savedData ?? run.data });
		record.status = result.status;
		record.lastResult = result;
		return result;
	}

	private assertWaiting(record: ExecutionRecord): void {
		if (record.status === 'running') {
			throw new WebhookRefusal(409, `The execution "${record.id}" is running already.`);
		}
		if (record.lastResult?.error) {
			throw new WebhookRefusal(409, `The execution "${record.id}" has finished with error.`);
		}
		if (record.status !== 'waiting' || record.savedData === undefined) {
			throw new WebhookRefusal(409, `The execution "${record.id} has finished already.`);
		}
	}

	private resumedRun(record: ExecutionRecord, waitCount: number): Deferred<RunResult> {
		let deferred = record.resumedRuns.get(waitCount);
		if (deferred === undefined) {
			deferred = createDeferred<RunResult>();
			record.resumedRuns.set(waitCount, deferred);
		}
		return deferred;
	}

	private record(executionId: string): ExecutionRecord {
		const record = this.records.get(executionId);
		if (record === undefined) throw new Error(`The harness ran no execution "${executionId}"`);
		return record;
	}

	private additionalData(executionId: string): IWorkflowExecuteAdditionalData {
		return createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			origin: this.origin,
			executionId,
		});
	}

	/** A fresh Workflow per run, as n8n builds one from the stored workflow data. */
	private createWorkflow(workflowData: IWorkflowBase): Workflow {
		return new Workflow({
			id: workflowData.id,
			name: workflowData.name,
			nodes: structuredClone(workflowData.nodes),
			connections: workflowData.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: workflowData.settings,
		});
	}
}

function firstNodeWithoutInput(nodes: INode[], connections: IConnections): string {
	const targets = new Set(
		Object.values(connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) =>
				outputs.flatMap((connectionsOfOutput) => (connectionsOfOutput ?? []).map((c) => c.node)),
			),
		),
	);
	const start = nodes.find((candidate) => !targets.has(candidate.name));
	if (start === undefined) throw new Error('Every node has an incoming connection: pass startNode');
	return start.name;
}

/** n8n's 'lastNode' response: the first item's JSON of the node that ran last. */
function lastNodeReply(result: RunResult): WebhookReply {
	if (result.error) return { statusCode: 500, body: { message: 'Error in workflow' } };
	const lastNode = result.run.data.resultData.lastNodeExecuted;
	const firstItem = lastNode ? result.output(lastNode)[0] : undefined;
	return { statusCode: 200, body: firstItem?.json ?? {} };
}
