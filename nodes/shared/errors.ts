import type { INode, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

type NodeError = NodeApiError | NodeOperationError;

/**
 * Marks a failed create whose outcome is unknown (timeout, dropped connection, server error): the provider may
 * have started a paid task, so the request must not be sent again blindly.
 */
export function markAmbiguous<E extends NodeError>(error: E): E {
	error.context.outcomeUnknown = true;
	return error;
}

/**
 * Marks the error of a task the provider reports as failed (or cancelled): it made no video, so a retry of the
 * node may create the item again. A task whose state could not be read is not so marked: it may still be running.
 */
export function markTaskFailure<E extends NodeError>(error: E): E {
	error.context.taskFailed = true;
	return error;
}

export function isTaskFailure(error: unknown): boolean {
	return hasFlag(error, 'taskFailed');
}

function hasFlag(error: unknown, flag: 'outcomeUnknown' | 'temporary' | 'taskFailed'): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { context?: Record<string, unknown> }).context?.[flag] === true
	);
}

export function isAmbiguous(error: unknown): boolean {
	return hasFlag(error, 'outcomeUnknown');
}

/**
 * Marks a failed read that may pass when asked again later (network trouble, a busy or failing server, a garbled
 * answer): a poll round that meets it leaves its tasks pending instead of failing them.
 */
export function markTemporary<E extends NodeError>(error: E): E {
	error.context.temporary = true;
	return error;
}

export function isTemporary(error: unknown): boolean {
	return hasFlag(error, 'temporary');
}

/** The error of an item whose create was never sent, `reason` saying why: nothing was created for it. */
export function notSubmittedError(node: INode, reason: string, hint = ''): NodeOperationError {
	return new NodeOperationError(node, `Not submitted: ${reason}`, {
		description: ['Nothing was submitted for this item, so it is safe to run it again.', hint]
			.filter(Boolean)
			.join(' '),
	});
}
