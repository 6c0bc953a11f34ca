/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { ImportedExample } from '../../../scripts/n8n-local/examples';
import type { PostgresConnection } from '../../../scripts/n8n-local/postgres';
import type { OwnerAccount, StoredCredential } from '../../../scripts/n8n-local/provision';

/** What the global setup started, handed to the test files through the environment. */
export interface E2eState {
	n8nUrl: string;
	/** The instance's `N8N_USER_FOLDER`; workflows write files in `filesFolder(userFolder)`. */
	userFolder: string;
	owner: OwnerAccount;
	/** The credentials point at an emulator on this port; a test file starts one there when it needs it. */
	emulatorPort: number;
	credentials: StoredCredential[];
	examples: ImportedExample[];
	chromiumPath: string;
	/** The packed package that n8n runs. */
	tarball: string;
	/** Set when n8n runs in queue mode. */
	queue?: {
		postgres: PostgresConnection;
		/** Console output of the main process and of each worker. */
		mainLog: string;
		workerLogs: string[];
		/** Where the global setup takes orders to kill or restart the stack's workers and Redis (control.ts). */
		controlUrl: string;
	};
}

const STATE_VARIABLE = 'N8N_E2E_STATE';

export function publishE2eState(state: E2eState): void {
	process.env[STATE_VARIABLE] = JSON.stringify(state);
}

export function e2eState(): E2eState {
	const raw = process.env[STATE_VARIABLE];
	if (!raw) throw new Error('No e2e state: run these tests with `npm run test:e2e`');
	return JSON.parse(raw) as E2eState;
}

/** The name of the credential of a type that the global setup stored (pointing at the emulator). */
export function provisionedCredential(type: string): string {
	const credential = e2eState().credentials.find((candidate) => candidate.type === type);
	if (!credential) throw new Error(`No ${type} credential was provisioned`);
	return credential.name;
}
