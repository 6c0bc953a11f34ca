import type { ICredentialType } from 'n8n-workflow';

import { RunwareApi } from '../../credentials/RunwareApi.credentials';
import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import type { CredentialSpec } from './provision';

/** What the credentials need to know about the local emulator (a subset of test/emulator's `Emulator`). */
export interface EmulatorEndpoints {
	runwareUrl: string;
	schemaUrl: string;
	useApiUrl: string;
	runwareApiKey: string;
	useApiToken: string;
	accounts: ReadonlyArray<{ email: string }>;
}

/** Keys of the real services, read from the environment; a provider without one uses the emulator. */
export interface LiveKeys {
	runwareApiKey?: string;
	useApiToken?: string;
	/** Default Runway account of the useapi.net credential (optional). */
	useApiEmail?: string;
}

export interface PlannedCredential extends CredentialSpec {
	/** Where the credential points, for the start-up summary. */
	target: 'local emulator' | 'live API';
}

export function liveKeysFromEnvironment(env: NodeJS.ProcessEnv): LiveKeys {
	return {
		runwareApiKey: env.RUNWARE_API_KEY || undefined,
		useApiToken: env.USEAPI_API_KEY || undefined,
		useApiEmail: env.USEAPI_EMAIL || undefined,
	};
}

/** One credential per provider: the live service when its key is given, the emulator otherwise. */
export function planCredentials(emulator: EmulatorEndpoints, live: LiveKeys): PlannedCredential[] {
	const runware = new RunwareApi();
	const useApi = new UseApiApi();
	return [
		live.runwareApiKey
			? {
					type: runware.name,
					name: 'Runware',
					target: 'live API',
					data: {
						apiKey: live.runwareApiKey,
						baseUrl: defaultOf(runware, 'baseUrl'),
						schemaBaseUrl: defaultOf(runware, 'schemaBaseUrl'),
					},
				}
			: {
					type: runware.name,
					name: 'Runware',
					target: 'local emulator',
					data: {
						apiKey: emulator.runwareApiKey,
						baseUrl: emulator.runwareUrl,
						schemaBaseUrl: emulator.schemaUrl,
					},
				},
		live.useApiToken
			? {
					type: useApi.name,
					name: 'useapi.net',
					target: 'live API',
					data: {
						apiToken: live.useApiToken,
						email: live.useApiEmail ?? '',
						baseUrl: defaultOf(useApi, 'baseUrl'),
					},
				}
			: {
					type: useApi.name,
					name: 'useapi.net',
					target: 'local emulator',
					data: {
						apiToken: emulator.useApiToken,
						email: emulator.accounts[0]?.email ?? '',
						baseUrl: emulator.useApiUrl,
					},
				},
	];
}

/** A field's default from the credential type itself, so live URLs are defined in one place. */
function defaultOf(type: ICredentialType, field: string): string {
	const property = type.properties.find((item) => item.name === field);
	if (typeof property?.default !== 'string')
		throw new Error(`${type.name}.${field} has no string default`);
	return property.default;
}
