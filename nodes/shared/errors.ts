import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

type NodeError = NodeApiError | NodeOperationError;

/**
 * Marks a failed create whose outcome is unknown (timeout, dropped connection, server error): the provider may
 * have started a paid task, so the request must not be sent again blindly.
 */
export function markAmbiguous<E extends NodeError>(error: E): E {
	error.context.outcomeUnknown = true;
	return error;
}

function hasFlag(error: unknown, flag: 'outcomeUnknown' | 'temporary'): boolean {
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
