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

export function isAmbiguous(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { context?: { outcomeUnknown?: unknown } }).context?.outcomeUnknown === true
	);
}

/** Replaces every occurrence of the given secrets in `text`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	return result;
}
