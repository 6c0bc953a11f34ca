import type { N8nRest } from './rest';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** The login `npm start` creates; the instance listens on loopback only. */
export const LOCAL_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Local-n8n-0wner',
};

interface PublicSettings {
	userManagement: { showSetupOnFirstLoad?: boolean };
}

/** Creates the owner account on a fresh instance, otherwise logs in with it. */
export async function signInAsOwner(rest: N8nRest, owner: OwnerAccount): Promise<void> {
	const settings = await rest.call<PublicSettings>('GET', '/settings');
	if (settings.userManagement.showSetupOnFirstLoad) {
		await rest.call('POST', '/owner/setup', owner);
		return;
	}
	await rest.call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
}

export interface CredentialSpec {
	/** Credential type name, e.g. `runwareApi`. */
	type: string;
	name: string;
	data: Record<string, string>;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** Creates each credential, or updates the one of the same type and name, so reruns do not pile up copies. */
export async function upsertCredentials(
	rest: N8nRest,
	specs: readonly CredentialSpec[],
): Promise<StoredCredential[]> {
	const existing = await rest.call<StoredCredential[]>('GET', '/credentials');
	const stored: StoredCredential[] = [];
	for (const spec of specs) {
		const match = existing.find((item) => item.type === spec.type && item.name === spec.name);
		const body = { name: spec.name, type: spec.type, data: spec.data };
		const saved = match
			? await rest.call<StoredCredential>('PATCH', `/credentials/${match.id}`, body)
			: await rest.call<StoredCredential>('POST', '/credentials', body);
		stored.push({ id: saved.id, name: saved.name, type: saved.type });
	}
	return stored;
}

/** Runs the credential type's own test request, as the editor does on save (it always sends the data). */
export async function testCredential(
	rest: N8nRest,
	credential: StoredCredential,
	data: CredentialSpec['data'],
): Promise<CredentialTestResult> {
	return await rest.call<CredentialTestResult>('POST', '/credentials/test', {
		credentials: { id: credential.id, name: credential.name, type: credential.type, data },
	});
}
