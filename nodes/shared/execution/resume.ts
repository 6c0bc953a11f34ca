import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunks } from '../chunks';
import type { PollState } from '../polling/poller';
import { asItemError, ItemOutcomes } from './outcomes';
import { ALREADY_RESUMING, isClaimed, resumeOnce, waitKey } from './resumeClaims';
import type { TaskTracker, VideoResult } from './tasks';
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

/** The status of a task the execution waits for, in the node's output before the wait (and at the time limit). */
export const WAITING_STATUS = 'waiting';

// The shortest wait: tasks submitted right at the time limit still get a moment to call back.
const MIN_WAIT_MS = 1000;

/**
 * Puts the execution to wait for the provider's callbacks until `deadline` (epoch ms). `items` are the node's output
 * before the wait, one per input item in input order: a task to wait for (its id, status `WAITING_STATUS`), or the
 * item's error.
 *
 * They also take the place of the node's input in the execution's waiting entry, as a new array (the input items
 * themselves are shared with other nodes' run data). n8n hands that input to `webhook()`, and when the time limit
 * passes without the last callback it resumes with the node disabled, which passes its input on
 * (WorkflowExecute.handleWaitingState): each item then still names its task, for the Poll Task node.
 */
export async function waitForResume(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	deadline: number,
): Promise<INodeExecutionData[][]> {
	ctx.getExecuteData().data.main[0] = items.map(({ json, pairedItem }) => ({
		json: { ...json },
		pairedItem,
	}));
	await ctx.putExecutionToWait(new Date(Math.max(deadline, Date.now() + MIN_WAIT_MS)));
	return [items];
}

/** The node's output before the wait, which became its input (see `waitForResume`): one item per input item. */
function preWaitItems(ctx: IWebhookFunctions): INodeExecutionData[] {
	const items = ctx.evaluateExpression('{{ $input.all() }}', 0);
	if (!Array.isArray(items)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The list of tasks this execution waits for was not found',
		);
	}
	return items as INodeExecutionData[];
}

const isWaiting = (item: INodeExecutionData) => item.json.status === WAITING_STATUS;

/**
 * Reads the tasks a request at a time, the last created first (they tend to end last), and stops at the first
 * request that finds a task still running: the execution keeps waiting, whatever the rest say. So a callback costs
 * one read until the last tasks end, not one per task of the run. Returns every state once all have ended.
 */
async function readUntilOnePending(
	tracker: TaskTracker,
	ids: readonly string[],
): Promise<Map<string, PollState<VideoResult[]>> | undefined> {
	const states = new Map<string, PollState<VideoResult[]>>();
	for (const batch of chunks([...ids].reverse(), tracker.tasksPerRead)) {
		const read = await tracker.checkRound(batch);
		for (const id of batch) {
			const state = read.get(id);
			if (state === undefined || state.status === 'pending') return undefined;
			states.set(id, state);
		}
	}
	return states;
}

/**
 * Handles one provider callback. The payload is not trusted: the tasks of the run are re-read from the API with
 * the credential (see `readUntilOnePending`). Until all of them have ended the execution keeps waiting; then it continues with one output per
 * input item, in input order: the video, the task's failure, or the item's error from before the wait. (n8n pairs
 * a resumed node's items with its input items by position, so each input item yields exactly one output.)
 */
export async function resumeOnCallback(
	ctx: IWebhookFunctions,
	makeTracker: (waiting: IDataObject[]) => TaskTracker,
	binaryProperty: string | undefined,
): Promise<IWebhookResponseData> {
	const preWait = preWaitItems(ctx);
	const waiting = preWait.filter(isWaiting);
	const tracker = makeTracker(waiting.map((item) => item.json));
	const taskIdOf = (item: INodeExecutionData) => String(item.json[tracker.idField]);
	const taskIds = waiting.map(taskIdOf);
	// A callback while another one resumes the execution is answered at once (see resumeClaims.ts).
	const key = waitKey(String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0)), taskIds);
	if (isClaimed(key)) return { webhookResponse: ALREADY_RESUMING };
	const states = await readUntilOnePending(tracker, taskIds);
	if (!states) return { webhookResponse: { received: true, waiting: true } };

	const resumed = await resumeOnce(key, async () => {
		const outcomes = new ItemOutcomes(ctx, preWait.length);
		for (const [itemIndex, item] of preWait.entries()) {
			const state = isWaiting(item) ? states.get(taskIdOf(item)) : undefined;
			if (state?.status === 'succeeded') {
				outcomes.succeed(itemIndex, await videoOutputs(ctx, state.value, { binaryProperty }));
			} else if (state?.status === 'failed') {
				outcomes.fail(itemIndex, asItemError(ctx, state.error), {
					[tracker.idField]: taskIdOf(item),
				});
			} else {
				outcomes.succeed(itemIndex, [{ json: item.json }]);
			}
		}
		return outcomes.toOutput();
	});
	return resumed ? { workflowData: [resumed] } : { webhookResponse: ALREADY_RESUMING };
}
