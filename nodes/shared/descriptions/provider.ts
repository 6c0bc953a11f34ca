import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { RUNWARE_CREDENTIAL } from '../providers/runware/transport';
import { USEAPI_CREDENTIAL } from '../providers/runway/transport';

/** The two providers of the nodes that serve both (Poll Task, Upload Asset), as their `provider` values. */
export type ProviderName = 'runware' | 'runway';

/** Each provider's credential, shown only when that provider is chosen in the node's `provider` parameter. */
export const providerCredentials: INodeCredentialDescription[] = [
	{
		name: RUNWARE_CREDENTIAL,
		required: true,
		displayOptions: { show: { provider: ['runware'] } },
	},
	{
		name: USEAPI_CREDENTIAL,
		required: true,
		displayOptions: { show: { provider: ['runway'] } },
	},
];

/** The `provider` parameter: what each provider's choice serves, in the node's words. */
export function providerProperty(serves: Record<ProviderName, string>): INodeProperties {
	return {
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		noDataExpression: true,
		default: 'runware',
		options: [
			{ name: 'Runware', value: 'runware', description: serves.runware },
			{ name: 'Runway (useapi.net)', value: 'runway', description: serves.runway },
		],
	};
}
