import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../http/send';
import { useApiCredentials, useApiError, useApiSend } from './transport';

/** Value of an account choice that leaves the pick to useapi.net (an account with free capacity). */
export const ANY_ACCOUNT = 'any';

/** Value of an account choice that means "the credential's default email". */
export const CREDENTIAL_ACCOUNT = '';

const USEAPI_ID = /^user:[^-]+-runwayml:(.+)-(task|asset):[^:]+$/;

/**
 * Emails of the Runway accounts linked to useapi.net, sorted. GET /accounts also returns each account's Runway
 * password and session token: those never leave this function.
 */
export async function listRunwayAccountEmails(ctx: ApiContext): Promise<string[]> {
	const outcome = await useApiSend(ctx, {
		method: 'GET',
		path: '/v1/runwayml/accounts',
		safety: 'idempotent',
		timeoutMs: 30_000,
	});
	if (outcome.kind === 'response' && outcome.response.statusCode === 404) return [];
	if (outcome.kind === 'networkError' || outcome.response.statusCode >= 300) {
		const { apiToken } = await useApiCredentials(ctx);
		throw useApiError(ctx, outcome, { safety: 'idempotent', apiToken });
	}
	const body = outcome.response.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
	const emails = Object.entries(body as IDataObject).map(([key, account]) => {
		const email = (account as IDataObject | null)?.email;
		return typeof email === 'string' && email !== '' ? email : key;
	});
	return [...new Set(emails)].sort();
}

/** The Runway account a useapi.net task or asset ID belongs to (`user:<n>-runwayml:<email>-task:<uuid>`). */
export function accountOfUseApiId(id: string): string | undefined {
	return USEAPI_ID.exec(id.trim())?.[1];
}

/** The email an account choice stands for: the credential's default, none (useapi.net picks), or the choice. */
export function chosenEmail(choice: string, credentialEmail: string): string | undefined {
	if (choice === ANY_ACCOUNT) return undefined;
	if (choice === CREDENTIAL_ACCOUNT) return credentialEmail || undefined;
	return choice;
}
