import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../http/send';
import { isRunwayAccountEmail, parseUseApiId, RUNWAY_EMAIL_FORM } from './ids';
import type { RunwayValidationIssue } from './validation';
import { useApiError, useApiSend } from './transport';

/** Value of an account choice that leaves the pick to useapi.net (an account with free capacity). */
export const ANY_ACCOUNT = 'any';

/** Value of an account choice that means "the credential's default email". */
export const CREDENTIAL_ACCOUNT = '';

/**
 * Emails of the Runway accounts linked to useapi.net, sorted. GET /accounts also returns each account's Runway
 * password and session token: those never leave this function.
 */
export async function listRunwayAccountEmails(ctx: ApiContext): Promise<string[]> {
	const outcome = await useApiSend(ctx, {
		method: 'GET',
		path: ['v1', 'runwayml', 'accounts'],
		safety: 'idempotent',
		timeoutMs: 30_000,
	});
	if (outcome.kind === 'response' && outcome.response.statusCode === 404) return [];
	if (outcome.kind === 'networkError' || outcome.response.statusCode >= 300) {
		throw useApiError(ctx, outcome, { safety: 'idempotent' });
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
	return parseUseApiId(id.trim())?.account;
}

/** The email an account choice stands for: the credential's default, none (useapi.net picks), or the choice. */
export function chosenEmail(choice: string, credentialEmail: string): string | undefined {
	if (choice === ANY_ACCOUNT) return undefined;
	if (choice === CREDENTIAL_ACCOUNT) return credentialEmail || undefined;
	return choice;
}

/** The credential field that holds the default account, as messages name it. */
export const CREDENTIAL_EMAIL_FIELD = "the credential's Default Runway Account Email";

/** Why `email` (sent as a query value or in a body) cannot be a Runway account's email, if it cannot. */
export function accountEmailIssue(
	field: string,
	email: string | undefined,
): RunwayValidationIssue | undefined {
	if (email === undefined || isRunwayAccountEmail(email)) return undefined;
	return {
		field,
		value: email,
		message: `${field} ${JSON.stringify(email)} is not a Runway account email: expected ${RUNWAY_EMAIL_FORM}`,
	};
}

export interface ResolvedAccount {
	/** The email to send; undefined: none (useapi.net picks, or the assets decide). */
	email?: string;
	/** The account the task will run on, when known. */
	account?: string;
	/** Asset or email choices that cannot work together. */
	issues: RunwayValidationIssue[];
}

/**
 * Where a generation runs: an explicit email, else the account holding its assets (useapi.net uses it, so no email
 * is sent), else the credential's default; "any account" leaves the pick to useapi.net. Assets always run on their
 * own account, so assets of two accounts, or an email other than theirs, are refused.
 */
export function resolveRunwayAccount(
	choice: string,
	credentialEmail: string,
	assets: ReadonlyArray<{ field: string; id: string }>,
): ResolvedAccount {
	const pinned = assets.flatMap((asset) => {
		const account = accountOfUseApiId(asset.id);
		return account ? [{ ...asset, account }] : [];
	});
	const [first] = pinned;
	const issues: RunwayValidationIssue[] = pinned
		.filter((asset) => asset.account !== first.account)
		.map((asset) => ({
			field: asset.field,
			value: asset.id,
			message:
				`${asset.field} belongs to the Runway account ${asset.account}, but ${first.field} to ` +
				`${first.account}: the assets of one generation must be on one account`,
		}));
	const explicit = choice !== CREDENTIAL_ACCOUNT && choice !== ANY_ACCOUNT;
	const malformed = explicit
		? accountEmailIssue('email', choice)
		: choice === CREDENTIAL_ACCOUNT && !first
			? accountEmailIssue(CREDENTIAL_EMAIL_FIELD, credentialEmail || undefined)
			: undefined;
	if (malformed) issues.push(malformed);
	if (explicit && first && first.account !== choice) {
		issues.push({
			field: 'email',
			value: choice,
			message:
				`email "${choice}" is not the account holding ${first.field} (${first.account}): ` +
				'a generation runs on the account that holds its assets',
		});
	}
	if (explicit) return { email: choice, account: choice, issues };
	if (first) return { account: first.account, issues };
	const email = chosenEmail(choice, credentialEmail);
	return { email, account: email, issues };
}
