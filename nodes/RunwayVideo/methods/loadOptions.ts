import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	ANY_ACCOUNT,
	CREDENTIAL_ACCOUNT,
	listRunwayAccountEmails,
} from '../../shared/providers/runway/accounts';
import { useApiCredentials } from '../../shared/providers/runway/transport';

/** The email dropdown: the credential's default, "any account", then every linked Runway account. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { email } = await useApiCredentials(this);
	const emails = await listRunwayAccountEmails(this);
	return [
		{
			name: email ? `Credential Default (${email})` : 'Credential Default (Any Account)',
			value: CREDENTIAL_ACCOUNT,
			description: 'The default Runway account of the useapi.net credential',
		},
		{
			name: 'Any Account',
			value: ANY_ACCOUNT,
			description: 'Let useapi.net pick a linked account with free capacity',
		},
		...emails.map((account) => ({ name: account, value: account })),
	];
}
