import { NodeApiError } from 'n8n-workflow';

export type UseApiIdKind = 'task' | 'asset';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// A plain address (no quoting, no IP literal): nothing in it can leave a path segment or a query value.
const EMAIL = "[A-Za-z0-9_+'-]+(?:\\.[A-Za-z0-9_+'-]+)*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+";
const ACCOUNT_EMAIL = new RegExp(`^${EMAIL}$`);
const USEAPI_ID = new RegExp(`^user:[0-9]+-runwayml:(${EMAIL})-(task|asset):${UUID}$`);

/** How messages spell the form of a Runway account email. */
export const RUNWAY_EMAIL_FORM = 'an email address such as name@example.com';

/** How messages spell the form of a useapi.net Runway ID of `kind`. */
export function useApiIdForm(kind: UseApiIdKind): string {
	return `user:<number>-runwayml:<account email>-${kind}:<uuid>`;
}

/** Whether the text has the form of the email of a Runway account linked to useapi.net. */
export function isRunwayAccountEmail(text: string): boolean {
	return ACCOUNT_EMAIL.test(text);
}

/**
 * What a useapi.net Runway ID (`user:<n>-runwayml:<email>-task:<uuid>` or `…-asset:<uuid>`) names, or undefined
 * when the text is not exactly of that form.
 */
export function parseUseApiId(id: string): { kind: UseApiIdKind; account: string } | undefined {
	const match = USEAPI_ID.exec(id);
	return match ? { account: match[1], kind: match[2] as UseApiIdKind } : undefined;
}

/** Whether the text is a task or an asset ID, or undefined when it is neither. */
export function useApiIdKind(id: string): UseApiIdKind | undefined {
	return parseUseApiId(id)?.kind;
}

/** useapi.net's 404 ("Not found.") names no ID: makes the error say which task or asset it does not know. */
export function namingUnknownId<E>(error: E, kind: UseApiIdKind, id: string): E {
	if (error instanceof NodeApiError && error.httpCode === '404') {
		error.message = `useapi.net does not know the ${kind} ${id}`;
		error.description = `Check the ${kind} ID: it must be one that useapi.net returned for this useapi.net account (${useApiIdForm(kind)}).`;
	}
	return error;
}
