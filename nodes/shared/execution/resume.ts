import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asItemError, ItemOutcomes } from './outcomes';
import type { TaskTracker } from './tasks';
import { videoOutputs } from './tasks';

/**
 * The resume webhook of the "Resume on Webhook" waiting mode: the provider calls the execution's resume URL when a
 * task changes, n8n runs `webhook()`, and the execution continues only once every task of the run has ended.
 */
export const resumeWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
};

/**
 * The `webhooks` of a node with the "Resume on Webhook" mode. It is a restart webhook n8n serves only
 * while an execution waits; nothing is registered at the provider (like n8n's send-and-wait nodes).
 */
export const resumeWebhooks: IWebhookDescription[] = [resumeWebhook];

/** The URL the provider must call back: the execution's resume URL plus this node's webhook path. */
export function resumeCallbackUrl(ctx: IExecuteFunctions): string {
	const base = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	return `${base.replace(/\/+$/, '')}/${ctx.getNode().id}`;
}

/** Marks an output item of the pre-wait run as a task the resume must wait for. */
export const WAITING_MARK = '__waitingFor';

// Node context data key holding the pre-wait items.
const CONTEXT_KEY = 'resumeWaitingItems';

/**
 * Puts the execution to wait and returns the items that describe the submitted tasks (and any failed items).
 * n8n removes the waiting node's own output before it calls `webhook()` (and on resume it passes the
 * node's input through), so the items also go into the node's context data, which the execution keeps
 * while it waits: the task list survives the wait without any storage of our own.
 */
export async function waitForResume(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	limitMs: number,
): Promise<INodeExecutionData[][]> {
	ctx.getContext('node')[CONTEXT_KEY] = items.map(({ json, pairedItem }) => ({ json, pairedItem }));
	await ctx.putExecutionToWait(new Date(Date.now() + limitMs));
	return [items];
}

function ownPreWaitOutput(ctx: IWebhookFunctions): INodeExecutionData[] {
	const name = JSON.stringify(ctx.getNode().name);
	const items = ctx.evaluateExpression(
		`{{ $(${name}).context[${JSON.stringify(CONTEXT_KEY)}] }}`,
		0,
	);
	if (!Array.isArray(items)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The list of tasks this execution waits for was not found',
		);
	}
	return items as INodeExecutionData[];
}

function inputIndexOf(item: INodeExecutionData, fallback: number): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' && paired !== null
		? paired.item
		: typeof paired === 'number'
			? paired
			: fallback;
}

/**
 * Handles one provider callback. The payload is not trusted: every task of the run is re-read from the API with
 * the credential. Until all of them have ended the execution keeps waiting; then it continues with one output per
 * video (or error item), in input order. (n8n re-pairs a resumed node's items by position, so the pairing is exact
 * when each input item yields one output.)
 */
export async function resumeOnCallback(
	ctx: IWebhookFunctions,
	makeTracker: (waiting: IDataObject[]) => TaskTracker,
	binaryProperty: string | undefined,
): Promise<IWebhookResponseData> {
	const preWait = ownPreWaitOutput(ctx);
	const waiting = preWait.filter((item) => item.json[WAITING_MARK] !== undefined);
	const tracker = makeTracker(waiting.map((item) => item.json));
	const ids = waiting.map((item) => String(item.json[tracker.idField]));
	const states = await tracker.checkRound(ids);
	if (ids.some((id) => (states.get(id)?.status ?? 'pending') === 'pending')) {
		return { webhookResponse: { received: true, waiting: true } };
	}

	const itemCount = Math.max(0, ...preWait.map((item, index) => inputIndexOf(item, index) + 1));
	const outcomes = new ItemOutcomes(ctx, itemCount);
	for (const [index, item] of preWait.entries()) {
		const itemIndex = inputIndexOf(item, index);
		const state =
			item.json[WAITING_MARK] !== undefined
				? states.get(String(item.json[tracker.idField]))
				: undefined;
		if (state?.status === 'succeeded') {
			outcomes.succeed(itemIndex, await videoOutputs(ctx, state.value, binaryProperty));
		} else if (state?.status === 'failed') {
			outcomes.fail(itemIndex, asItemError(ctx, state.error), {
				[tracker.idField]: item.json[tracker.idField] as string,
			});
		} else {
			outcomes.succeed(itemIndex, [{ json: item.json, binary: item.binary }]);
		}
	}
	return { workflowData: [outcomes.toOutput()] };
}
