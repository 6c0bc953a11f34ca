import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class RunwareApi implements ICredentialType {
	name = 'runwareApi';

	displayName = 'Runware API';

	icon: Icon = { light: 'file:icons/runware.svg', dark: 'file:icons/runware.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ai-video/n8n-nodes-ai-video#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your Runware API key, from the API Keys page of the Runware dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.runware.ai/v1',
			description: "Runware's REST endpoint. Change it only to use a proxy or a local emulator.",
		},
		{
			displayName: 'Model Schema URL',
			name: 'schemaBaseUrl',
			type: 'string',
			default: 'https://schemas.runware.ai',
			description:
				'Where per-model capability schemas are read from (no credentials are sent there). Leave empty to use only the built-in model catalogue.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// A ping task costs nothing; Runware answers 401 with code invalidApiKey for a wrong key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '',
			method: 'POST',
			body: [{ taskType: 'ping', ping: true }],
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Runware rejected the API key: check the API Key field (Runware dashboard → API Keys)',
				},
			},
		],
	};
}
