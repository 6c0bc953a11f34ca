import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { timingSafeEqual } from 'node:crypto';

import { chunks } from '../chunks';
import type { CallbackStates, EndedState, Wait } from './callbackStates';
import {
	callbackStates,
	claimResume,
	closeCallbackStates,
	fileCallbackStates,
	inTurn,
	isClaimed,
	settleClaim,
	waitKey,
} from './callbackStates';
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
	// The resume URL itself, no path after it: a fixed path costs n8n no run of its expression engine per callback
	// (an isolate of its own under n8n's default engine), as an expression such as `$nodeId` would.
	path: '',
	restartWebhook: true,
	isFullPath: true,
};

/**
 * The `webhooks` of a node with the "Resume on Webhook" mode. It is a restart webhook n8n serves only
 * while an execution waits; nothing is registered at the provider (like n8n's send-and-wait nodes).
 */
export const resumeWebhooks: IWebhookDescription[] = [resumeWebhook];

// n8n signs an execution's resume URL with a secret token of that execution, in this query parameter.
const RESUME_TOKEN_PARAMETER = 'signature';

/** The URL the provider must call back: the execution's resume URL. */
export function resumeCallbackUrl(ctx: IExecuteFunctions | IWebhookFunctions): string {
	return String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
}

/** The execution's resume token in its resume URL (undefined from an n8n that does not sign resume URLs). */
function resumeToken(url: string): string | undefined {
	const query = url.split('?')[1] ?? '';
	return new URLSearchParams(query).get(RESUME_TOKEN_PARAMETER) || undefined;
}

/** The token a call to the resume URL carries (n8n appends a webhook path to it: `<token>/<path>`). */
function givenToken(ctx: IWebhookFunctions): string | undefined {
	const query = ctx.getQueryData() as Record<string, unknown>;
	return String(query[RESUME_TOKEN_PARAMETER] ?? '').split('/')[0] || undefined;
}

/** Equal tokens, compared in constant time; two absent tokens are equal. */
function sameToken(given: string | undefined, expected: string | undefined): boolean {
	if (given === undefined || expected === undefined) return given === expected;
	return (
		given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
	);
}

/**
 * Whether the call carries the execution's resume token, which only n8n and the provider it was given to know.
 * Such a call is the provider's own, so what it says of its task can be taken as it is; any other call is only a
 * hint to look.
 */
function isSigned(given: string | undefined, wait: Wait): boolean {
	return wait.token !== undefined && sameToken(given, wait.token);
}

/** What this process learns of a waiting execution's node is filed under the execution's id and the node's. */
function executionKey(ctx: IExecuteFunctions | IWebhookFunctions): string {
	return `${ctx.getExecutionId()}/${ctx.getNode().id}`;
}

/** The status of a task the execution waits for, in the node's output before the wait (and at the time limit). */
export const WAITING_STATUS = 'waiting';

// The shortest wait: tasks submitted right at the time limit still get a moment to call back.
const MIN_WAIT_MS = 1000;

/**
 * Puts the execution to wait for the provider's callbacks until `deadline` (epoch ms). `items` are the node's output
 * before the wait, one per input item in input order: a task to wait for (its id, status `WAITING_STATUS`), or the
 * item's error. `ended`: tasks among them already seen ending (their callbacks came before the wait and were
 * refused), by task id.
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
	ended: ReadonlyMap<string, EndedState> = new Map(),
): Promise<INodeExecutionData[][]> {
	const waiting = items.map(({ json, pairedItem }) => ({ json: { ...json }, pairedItem }));
	ctx.getExecuteData().data.main[0] = waiting;
	const url = resumeCallbackUrl(ctx);
	fileCallbackStates(
		executionKey(ctx),
		{ url, token: resumeToken(url), items: waiting },
		ended,
		true,
	);
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

const jsonOf = (items: INodeExecutionData[]) => JSON.stringify(items.map((item) => item.json));

/**
 * Reads the wait from the execution (two runs of n8n's expression engine, so once per execution and process, not
 * per callback). What this process knew is kept when it is of the same wait; otherwise it is replaced, with nothing
 * assumed of the tasks not heard of.
 */
function readWait(
	ctx: IWebhookFunctions,
	key: string,
	known: CallbackStates | undefined,
): CallbackStates {
	const url = resumeCallbackUrl(ctx);
	const wait: Wait = { url, token: resumeToken(url), items: preWaitItems(ctx) };
	if (known && known.wait.url === url && jsonOf(known.wait.items) === jsonOf(wait.items)) {
		return known;
	}
	return fileCallbackStates(key, wait, new Map(), false);
}

const isWaiting = (item: INodeExecutionData) => item.json.status === WAITING_STATUS;

/**
 * Reads tasks a request at a time, in the order given, and stops at the first one still running (or unread): the
 * execution keeps waiting, whatever the rest say. Tasks found ended are remembered.
 */
async function readUntilOnePending(
	tracker: TaskTracker,
	ids: readonly string[],
	known: CallbackStates,
): Promise<boolean> {
	for (const batch of chunks(ids, tracker.tasksPerRead)) {
		const read = await tracker.checkRound(batch);
		for (const id of batch) {
			const state = read.get(id);
			if (state === undefined || state.status === 'pending') return false;
			known.ended.set(id, state);
		}
	}
	return true;
}

/**
 * Whether every task of the run has ended. A process that has seen every callback since the wait began knows that
 * a task it has not heard of still runs, so a callback from the provider costs no read. Otherwise (a callback that
 * does not say which task ended, an n8n process that did not start the wait) the tasks not heard of are read, the
 * last created first (they tend to end last), until one still runs.
 */
async function allEnded(
	tracker: TaskTracker,
	ids: readonly string[],
	known: CallbackStates,
	reportedId: string | undefined,
): Promise<boolean> {
	const unheard = ids.filter((id) => !known.ended.has(id));
	if (unheard.length === 0) return true;
	if (known.sinceWait && reportedId !== undefined) return false;
	return await readUntilOnePending(tracker, unheard.reverse(), known);
}

/** The answer to a callback while the execution keeps waiting. */
export const WAITING = { received: true, waiting: true } as const;

/** The answer to a callback that arrives while (or just after) another one resumes the execution. */
const ALREADY_RESUMING = { received: true, resuming: true } as const;

/** The tasks a wait is for, and the tracker that reads them. */
function tasksOf(wait: Wait, makeTracker: (waiting: IDataObject[]) => TaskTracker) {
	const waiting = wait.items.filter(isWaiting);
	const tracker = makeTracker(waiting.map((item) => item.json));
	const taskIdOf = (item: INodeExecutionData) => String(item.json[tracker.idField]);
	return { tracker, taskIdOf, ids: waiting.map(taskIdOf) };
}

/**
 * Handles one provider callback. A callback with the execution's resume token reports its task's end as it is;
 * any other only prompts reading the tasks from the API with the credential (see `allEnded`). Until all of them
 * have ended the execution keeps waiting; then it continues with one output per input item, in input order: the
 * video, the task's failure, or the item's error from before the wait. (n8n pairs a resumed node's items with its
 * input items by position, so each input item yields exactly one output.)
 *
 * The wait (resume URL and the node's output before it) is what the process that put the execution to wait filed,
 * or what an earlier callback read from the execution; it is read again when the callback's token or task is not
 * of it, and before resuming a wait this process did not start (a wait of the same node may have ended at its
 * time limit and another begun).
 */
export async function resumeOnCallback(
	ctx: IWebhookFunctions,
	makeTracker: (waiting: IDataObject[]) => TaskTracker,
	binaryProperty: string | undefined,
): Promise<IWebhookResponseData> {
	const key = executionKey(ctx);
	const given = givenToken(ctx);
	let known = callbackStates(key);
	let read = false;
	if (known === undefined || !sameToken(given, known.wait.token)) {
		known = readWait(ctx, key, known);
		read = true;
	}
	let tasks = tasksOf(known.wait, makeTracker);
	// A callback while another one resumes the execution is answered at once (see the claims in callbackStates.ts).
	if (isClaimed(waitKey(known.wait.url, tasks.ids))) return { webhookResponse: ALREADY_RESUMING };
	const reported = isSigned(given, known.wait)
		? await tasks.tracker.fromCallback(ctx.getBodyData())
		: undefined;
	if (reported && !tasks.ids.includes(reported.taskId) && !read) {
		known = readWait(ctx, key, known);
		read = true;
		tasks = tasksOf(known.wait, makeTracker);
	}
	let reportedId: string | undefined;
	if (reported && reported.state.status !== 'pending' && tasks.ids.includes(reported.taskId)) {
		known.ended.set(reported.taskId, reported.state);
		reportedId = reported.taskId;
	}
	// What this callback and the ones before it learnt decides, one callback at a time (see `inTurn`).
	const states = known;
	const { tracker, ids, taskIdOf } = tasks;
	const claim = waitKey(states.wait.url, ids);
	const verdict = await inTurn(states, async () => {
		if (isClaimed(claim)) return ALREADY_RESUMING;
		if (!(await allEnded(tracker, ids, states, reportedId))) return WAITING;
		// Before resuming a wait this process did not start, the wait is confirmed from the execution.
		if (!read && !(states.sinceWait && states.wait.token !== undefined)) {
			const current = readWait(ctx, key, states);
			if (current !== states) return WAITING;
		}
		return claimResume(claim) ? undefined : ALREADY_RESUMING;
	});
	if (verdict) return { webhookResponse: verdict };
	const { ended } = states;
	const { items } = states.wait;
	let resumed = false;
	try {
		const outcomes = new ItemOutcomes(ctx, items.length);
		for (const [itemIndex, item] of items.entries()) {
			const state = isWaiting(item) ? ended.get(taskIdOf(item)) : undefined;
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
		const output = outcomes.toOutput();
		resumed = true;
		// Kept until now, so that callbacks arriving meanwhile are answered from it without reading the wait again.
		closeCallbackStates(key);
		return { workflowData: [output] };
	} finally {
		settleClaim(claim, resumed);
	}
}
