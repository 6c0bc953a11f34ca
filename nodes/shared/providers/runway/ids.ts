import { NodeApiError } from 'n8n-workflow';

import { accountOfUseApiId } from './accounts';

export type UseApiIdKind = 'task' | 'asset';

/** How messages spell the form of a useapi.net Runway ID of `kind`. */
export function useApiIdForm(kind: UseApiIdKind): string {
	return `user:…-runwayml:…-${kind}:…`;
}

/**
 * What a useapi.net Runway ID names (`user:<n>-runwayml:<email>-task:<uuid>` or `…-asset:<uuid>`), or undefined
 * when the text is no such ID. IDs go into request paths raw, so nothing that would change the path passes.
 */
export function useApiIdKind(id: string): UseApiIdKind | undefined {
	if (/[/?#\s]/.test(id) || accountOfUseApiId(id) === undefined) return undefined;
	return /-task:[^:]+$/.test(id) ? 'task' : 'asset';
}

/** useapi.net's 404 ("Not found.") names no ID: makes the error say which task or asset it does not know. */
export function namingUnknownId<E>(error: E, kind: UseApiIdKind, id: string): E {
	if (error instanceof NodeApiError && error.httpCode === '404') {
		error.message = `useapi.net does not know the ${kind} ${id}`;
		error.description = `Check the ${kind} ID: it must be one that useapi.net returned for this useapi.net account (${useApiIdForm(kind)}).`;
	}
	return error;
}
