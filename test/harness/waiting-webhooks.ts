import { WAITING_TOKEN_QUERY_PARAM, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { resolveWebhookDescriptionField } from 'n8n-workflow';
import { timingSafeEqual } from 'node:crypto';

/*
 * What n8n does when a waiting execution's resume URL is called, reproduced from
 * packages/cli/src/webhooks/waiting-webhooks.ts (WaitingWebhooks), webhook-helpers.ts
 * (executeWebhook, prepareExecutionData) and webhook.service.ts (getNodeWebhooks, runWebhook):
 * - the `signature` query parameter must equal the execution's resumeToken (compared in constant
 *   time); a webhook path appended after the token (`?signature=<token>/<path>`, what
 *   `$execution.resumeUrl + '/' + $nodeId` produces) is accepted as the path;
 * - executions that are running (409), finished (409) or failed (409) are refused;
 * - calls that ran the node's `webhook()` while another call resumed the execution lose the claim
 *   (active-executions.ts: update conditioned on status 'waiting', ExecutionAlreadyResumingError):
 *   HTTP 500 "Execution is already being resumed by another process";
 * - the waiting node is disabled, `waitTill` cleared and its last run data entry removed;
 * - the node's webhook must match method, path (the suffix after the execution id) and have
 *   `restartWebhook: true` (form webhooks excluded), else 404;
 * - the node's `webhook()` runs with a WebhookContext built from the saved run execution data;
 *   when it throws the caller gets 500 and the execution keeps waiting;
 * - no `workflowData`: reply `webhookResponse` or "Webhook call received", execution keeps waiting;
 * - `workflowData`: it becomes the waiting node's output (`forwardAllOutputs`) and the execution
 *   continues with `restartExecutionId` set; the reply follows the webhook's responseMode:
 *   'onReceived' answers "Workflow was started" at once, 'lastNode' answers the first item's JSON
 *   of the last node once the run ended. Other response modes (responseNode, forms, streaming)
 *   are not reproduced.
 * Not reproduced: the HTTP response object for nodes that answer themselves (`getResponseObject`),
 * multipart bodies, CORS, queue mode.
 */

export interface WebhookRequest {
	method?: IHttpRequestMethods;
	/** The URL that was called; defaults to the execution's resume URL. */
	url?: string;
	body?: unknown;
	query?: Record<string, string>;
	headers?: Record<string, string>;
}

export interface WebhookReply {
	statusCode: number;
	body: unknown;
}

export class WebhookRefusal extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
		readonly body: unknown = { code: statusCode, message },
	) {
		super(message);
	}
}

export interface ParsedWaitingRequest {
	executionId: string;
	suffix?: string;
	query: Record<string, string>;
	providedToken?: string;
}

/** Splits `/webhook-waiting/<executionId>[/<suffix>]?...` the way n8n's router does. */
export function parseWaitingUrl(url: string): ParsedWaitingRequest | undefined {
	const parsed = new URL(url, 'http://127.0.0.1');
	const match = /^\/webhook-waiting\/([^/]+)(?:\/(.+))?$/.exec(parsed.pathname);
	if (!match) return undefined;

	let providedToken = parsed.searchParams.get(WAITING_TOKEN_QUERY_PARAM) ?? undefined;
	let suffix = match[2];
	const slash = providedToken?.indexOf('/') ?? -1;
	if (providedToken !== undefined && slash !== -1) {
		suffix ??= providedToken.slice(slash + 1);
		providedToken = providedToken.slice(0, slash);
	}
	return {
		executionId: decodeURIComponent(match[1]),
		suffix,
		query: Object.fromEntries(parsed.searchParams),
		providedToken,
	};
}

export function assertValidToken(providedToken: string | undefined, storedToken?: string): void {
	if (storedToken === undefined) return;
	const valid =
		providedToken !== undefined &&
		providedToken.length === storedToken.length &&
		timingSafeEqual(Buffer.from(providedToken), Buffer.from(storedToken));
	if (!valid) throw new WebhookRefusal(401, 'Invalid token', { error: 'Invalid token' });
}

/** Disables the waiting node and drops its last run so it is neither run nor shown twice. */
export function prepareForResume(data: IRunExecutionData): string {
	const [waitingEntry] = data.executionData?.nodeExecutionStack ?? [];
	const lastNodeExecuted = data.resultData.lastNodeExecuted;
	if (waitingEntry === undefined || lastNodeExecuted === undefined) {
		throw new WebhookRefusal(404, 'Could not find node to process webhook.');
	}
	waitingEntry.node.disabled = true;
	data.waitTill = undefined;

	const runs = data.resultData.runData[lastNodeExecuted] ?? [];
	const popped = runs.pop();
	if (popped?.inputOverride) {
		runs.push({
			startTime: 0,
			executionTime: 0,
			executionIndex: 0,
			source: popped.source,
			inputOverride: popped.inputOverride,
		});
	}
	return lastNodeExecuted;
}

function describedValue<T extends boolean | string>(
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	field: string,
	fallback: T,
): T {
	const native = resolveWebhookDescriptionField(node, description, field);
	if (native.resolved) return (native.value ?? fallback) as T;
	const value = description[field];
	if (typeof value !== 'string' && typeof value !== 'boolean') return fallback;
	return (workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{},
		undefined,
		fallback,
	) ?? fallback) as T;
}

/** `WebhookService.getNodeWebhooks` narrowed to the restart webhook a waiting URL can reach. */
export function findRestartWebhook(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	method: IHttpRequestMethods,
	suffix: string | undefined,
): IWebhookData {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	for (const description of nodeType.description.webhooks ?? []) {
		const path = describedValue<string>(workflow, node, description, 'path', '').replace(
			/^\/|\/$/g,
			'',
		);
		const methods = describedValue<string>(workflow, node, description, 'httpMethod', 'GET').split(
			',',
		);
		const isRestart = describedValue<boolean>(workflow, node, description, 'restartWebhook', false);
		if (
			isRestart &&
			description.nodeType !== 'form' &&
			path === (suffix ?? '') &&
			methods.some((candidate) => candidate.trim() === method)
		) {
			return {
				httpMethod: method,
				node: node.name,
				path,
				webhookDescription: description,
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
			};
		}
	}
	throw new WebhookRefusal(
		404,
		`The workflow for execution "${additionalData.executionId}" does not contain a waiting webhook with a matching path/method.`,
	);
}

export function responseModeOf(workflow: Workflow, node: INode, webhook: IWebhookData) {
	const mode = describedValue<string>(
		workflow,
		node,
		webhook.webhookDescription,
		'responseMode',
		'onReceived',
	);
	if (mode !== 'onReceived' && mode !== 'lastNode') {
		throw new WebhookRefusal(500, `The harness does not reproduce response mode '${mode}'`);
	}
	return mode;
}

/** `WebhookService.runWebhook`: the node's `webhook()` with a real WebhookContext. */
export async function runNodeWebhook(
	workflow: Workflow,
	node: INode,
	webhook: IWebhookData,
	mode: WorkflowExecuteMode,
	runExecutionData: IRunExecutionData,
): Promise<IWebhookResponseData> {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.webhook === undefined) {
		throw new WebhookRefusal(500, `Node "${node.name}" has no webhook() method`);
	}
	const context = new WebhookContext(
		workflow,
		node,
		webhook.workflowExecuteAdditionalData,
		mode,
		webhook,
		[],
		runExecutionData,
	);
	return (await nodeType.webhook.call(context)) as IWebhookResponseData;
}

/** The express-like request WebhookContext reads body, headers, query and params from. */
export function toHttpRequest(
	request: WebhookRequest,
	method: IHttpRequestMethods,
	url: string,
	query: Record<string, string>,
): IWorkflowExecuteAdditionalData['httpRequest'] {
	const headers: IDataObject = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
	);
	return {
		method,
		url,
		headers,
		query: { ...query, ...request.query },
		params: {},
		body: request.body ?? {},
	} as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
}
