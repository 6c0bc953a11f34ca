import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	ANY_ACCOUNT,
	CREDENTIAL_ACCOUNT,
	listRunwayAccountEmails,
} from '../../shared/providers/runway/accounts';
import { useApiCredentials } from '../../shared/providers/runway/transport';

const accountOptions = (emails: string[]): INodePropertyOptions[] =>
	emails.map((email) => ({ name: email, value: email }));

/**
 * Where to store an upload: the credential's default, then every linked account. (No "any account": useapi.net
 * needs the email as soon as more than one account is linked.)
 */
export async function getUploadAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { email } = await useApiCredentials(this);
	return [
		{
			name: email
				? `Credential Default (${email})`
				: 'Credential Default (the Only Linked Account)',
			value: CREDENTIAL_ACCOUNT,
			description: 'The default Runway account of the useapi.net credential',
		},
		...accountOptions(await listRunwayAccountEmails(this)),
	];
}

/** Whose assets to list: all linked accounts, or one. */
export async function getListAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [
		{ name: 'All Accounts', value: ANY_ACCOUNT, description: 'Every linked Runway account' },
		...accountOptions(await listRunwayAccountEmails(this)),
	];
}
