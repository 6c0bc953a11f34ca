import type { ICredentialType } from 'n8n-workflow';

import { planCredentials } from '../../scripts/n8n-local/credentials';
import { useEmulator, useN8nApp } from './support/fixtures';
import { packageCredentials } from './support/package-contents';

/** The credential's secret field (the one shown as a password). */
function secretField(type: ICredentialType) {
	const field = type.properties.find((property) => property.typeOptions?.password);
	if (!field) throw new Error(`${type.name} has no password field`);
	return field;
}

describe('credential tests in the editor', () => {
	const app = useN8nApp();
	const emulator = useEmulator();
	const types = packageCredentials();

	function emulatorData(type: ICredentialType): Record<string, string> {
		const planned = planCredentials(emulator(), {}).find(
			(credential) => credential.type === type.name,
		);
		if (!planned) throw new Error(`No emulator settings for ${type.name}`);
		return planned.data;
	}

	it.each(types.map((type) => [type.displayName, type]))(
		'%s: the test passes against the emulator',
		async (_name, type) => {
			const modal = await app().createCredential(type.displayName);
			await modal.fill(emulatorData(type));
			const outcome = await modal.saveAndTest();
			await app().screenshot(`credential-${type.name}-ok`);
			expect(outcome).toEqual({ ok: true, message: 'Connection tested successfully' });
		},
	);

	it.each(types.map((type) => [type.displayName, type]))(
		'%s: a wrong secret fails with a message that names it',
		async (_name, type) => {
			const secret = secretField(type);
			const modal = await app().createCredential(type.displayName);
			await modal.fill({ ...emulatorData(type), [secret.name]: 'wrong-secret-0000' });
			const outcome = await modal.saveAndTest();
			await app().screenshot(`credential-${type.name}-wrong-secret`);
			expect(outcome.ok).toBe(false);
			// "Unauthorized" alone does not tell the user what to fix; the message must name the field.
			expect(outcome.message).toMatch(new RegExp(secret.displayName, 'i'));
		},
	);
});
