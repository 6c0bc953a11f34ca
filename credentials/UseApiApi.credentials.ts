import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class UseApiApi implements ICredentialType {
	name = 'useApiApi';

	displayName = 'useapi.net API';

	icon: Icon = { light: 'file:icons/useapi.svg', dark: 'file:icons/useapi.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ai-video/n8n-nodes-ai-video#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'user:1234-abcdef…',
			description: 'Your useapi.net API token (the whole value, starting with "user:")',
		},
		{
			displayName: 'Default Runway Account Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			description:
				'The Runway account linked to useapi.net that runs generations and holds uploads unless a node says otherwise. Leave empty to let useapi.net pick an account with free capacity.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.useapi.net',
			description: 'useapi.net endpoint. Change it only to use a proxy or a local emulator.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v2/account',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'useapi.net rejected the API token: check the API Token field (the whole value, starting with "user:")',
				},
			},
		],
	};
}
