import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isAmbiguous, markAmbiguous, notSubmittedError } from '../../errors';
import type { ApiContext } from '../../http/send';
import { readRunwareTasks } from './tasks';
import { runwareApiError, runwareRequest } from './transport';

/** Most create tasks sent in one request; larger runs are split. */
export const SUBMIT_BATCH = 50;

const SUBMIT_TIMEOUT_MS = 60_000;

// Of the time left, a create leaves this share (at most the cap) for the getResponse check of an unclear answer.
const CHECK_RESERVE_SHARE = 0.25;
const CHECK_RESERVE_MAX_MS = 5000;

export type SubmitOutcome =
	| { status: 'accepted' }
	| { status: 'rejected'; error: NodeApiError | NodeOperationError };

export interface SubmitOptions {
	signal?: AbortSignal;
	/** Epoch ms that no request outlasts (the node's time limit). */
	deadline?: number;
}

/** Codes with which getResponse says it has never heard of a task. */
const UNKNOWN_TASK = /not ?found/i;

/** Its create was sent, but whether it started a task is unknown: the error is marked so that nothing resends it. */
function notResent(
	ctx: ApiContext,
	taskUUID: string,
	cause: string,
	finding: string,
): NodeOperationError {
	return markAmbiguous(
		new NodeOperationError(
			ctx.getNode(),
			`The Runware task ${taskUUID} was not resent: ${cause}, and ${finding}`,
			{
				description:
					'A create request whose outcome is unknown is never sent again, so that a task that did start is not paid twice. Check the task with the Poll Task node (taskUUID above); if Runware does not know it, run the node again to submit a new task.',
			},
		),
	);
}

/**
 * Looks up tasks whose create request has an unknown outcome. A task Runware knows (running, done or
 * failed) counts as accepted; one it does not know fails without being sent again.
 */
async function reconcile(
	ctx: ApiContext,
	taskUUIDs: string[],
	cause: string,
	options: SubmitOptions,
	outcomes: Map<string, SubmitOutcome>,
): Promise<void> {
	let responses;
	try {
		responses = await readRunwareTasks(ctx, taskUUIDs, options);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		for (const taskUUID of taskUUIDs) {
			outcomes.set(taskUUID, {
				status: 'rejected',
				error: notResent(
					ctx,
					taskUUID,
					cause,
					`checking whether Runware started it failed too (${reason}). Check it later with the Poll Task node before submitting again`,
				),
			});
		}
		return;
	}
	for (const taskUUID of taskUUIDs) {
		const response = responses.get(taskUUID) ?? { items: [], errors: [] };
		const unknown = response.errors.some((error) => UNKNOWN_TASK.test(error.code));
		const known = response.items.length > 0 || (response.errors.length > 0 && !unknown);
		outcomes.set(
			taskUUID,
			known
				? { status: 'accepted' }
				: {
						status: 'rejected',
						error: notResent(
							ctx,
							taskUUID,
							cause,
							unknown
								? 'Runware does not know the task'
								: 'Runware said nothing about it before the time limit. Check it later with the Poll Task node before submitting again',
						),
					},
		);
	}
}

/** The deadline of a create: the node's, less a moment for checking an unclear answer before the time limit. */
function createDeadline(deadline: number | undefined): number | undefined {
	if (deadline === undefined) return undefined;
	const left = Math.max(0, deadline - Date.now());
	return deadline - Math.min(CHECK_RESERVE_MAX_MS, left * CHECK_RESERVE_SHARE);
}

async function submitBatch(
	ctx: ApiContext,
	tasks: IDataObject[],
	options: SubmitOptions & { sendBy?: number },
	outcomes: Map<string, SubmitOutcome>,
): Promise<void> {
	const uuids = tasks.map((task) => String(task.taskUUID));
	let envelope;
	try {
		envelope = await runwareRequest(ctx, tasks, {
			safety: 'create',
			timeoutMs: SUBMIT_TIMEOUT_MS,
			deadline: options.sendBy,
			signal: options.signal,
		});
	} catch (error) {
		if (isAmbiguous(error)) {
			const cause = `its submission ended without a clear answer (${(error as Error).message})`;
			await reconcile(ctx, uuids, cause, options, outcomes);
			return;
		}
		const failure =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), error as Error);
		for (const taskUUID of uuids) outcomes.set(taskUUID, { status: 'rejected', error: failure });
		return;
	}
	for (const item of envelope.data) {
		if (uuids.includes(String(item.taskUUID))) {
			outcomes.set(String(item.taskUUID), { status: 'accepted' });
		}
	}
	for (const error of envelope.errors) {
		if (error.taskUUID && uuids.includes(error.taskUUID)) {
			outcomes.set(error.taskUUID, { status: 'rejected', error: runwareApiError(ctx, error) });
		}
	}
	const unanswered = uuids.filter((taskUUID) => !outcomes.has(taskUUID));
	if (unanswered.length > 0) {
		await reconcile(ctx, unanswered, 'Runware did not answer for it', options, outcomes);
	}
}

/**
 * Submits create tasks (each with its own `taskUUID`) in as few requests as possible and returns each task's
 * outcome. Nothing is ever sent twice: an unclear answer is settled with getResponse, and after one the later
 * batches are not sent (the API may be stuck), nor are batches the time limit leaves no time for.
 */
export async function submitRunwareTasks(
	ctx: ApiContext,
	tasks: readonly IDataObject[],
	options: SubmitOptions = {},
): Promise<Map<string, SubmitOutcome>> {
	const outcomes = new Map<string, SubmitOutcome>();
	const sendBy = createDeadline(options.deadline);
	const unclear = (taskUUID: string) => {
		const outcome = outcomes.get(taskUUID);
		return outcome?.status === 'rejected' && isAmbiguous(outcome.error);
	};
	for (let start = 0; start < tasks.length; start += SUBMIT_BATCH) {
		const batch = tasks.slice(start, start + SUBMIT_BATCH);
		const stuck = [...outcomes.keys()].some(unclear);
		if (stuck || (sendBy !== undefined && Date.now() >= sendBy)) {
			const error = notSubmittedError(
				ctx.getNode(),
				stuck
					? 'an earlier create request of this run got no clear answer, so no more were sent to Runware in this run'
					: 'the time limit was reached before this task was sent to Runware',
			);
			for (const task of batch) outcomes.set(String(task.taskUUID), { status: 'rejected', error });
			continue;
		}
		await submitBatch(ctx, batch, { ...options, sendBy }, outcomes);
	}
	return outcomes;
}
