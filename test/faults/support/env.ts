import type { INodeType } from 'n8n-workflow';

import type { Emulator, KnobsPatch, RunwayAccountOptions } from '../../emulator';
import type { Harness } from '../../harness';
import { NODE_TYPES, startEnvironment } from '../../support/environment';
import { captureLogs } from './logs';

/** The credentials of every fault run: unlike anything else in a run, so any copy of them is found. */
export const SECRETS = {
	runware: 'rw-fault-suite-key-4c7e91b2d0f5',
	useapi: 'user:1-fault-suite-token-9a3f6e27c1',
} as const;

export const TYPES = NODE_TYPES;

export const FIRST_ACCOUNT = 'first@runway.test';

export interface FaultEnvOptions {
	/** The node types the run uses, by type name (see `TYPES`). */
	nodeTypes: Record<string, INodeType>;
	knobs?: KnobsPatch;
	accounts?: RunwayAccountOptions[];
	/** The useapi.net credential's default Runway account (default: none). */
	credentialEmail?: string;
	/** Serve resume URLs on loopback, so that provider callbacks resume the execution for real. */
	resume?: boolean;
}

export interface FaultEnv {
	emulator: Emulator;
	harness: Harness;
	/** Every log line n8n wrote while the process ran (shared by all environments of a test file). */
	logs: readonly string[];
	close(): Promise<void>;
}

/** An emulator and a harness whose credentials (the `SECRETS`) point at it. */
export async function startFaultEnv(options: FaultEnvOptions): Promise<FaultEnv> {
	const logs = captureLogs();
	const { emulator, harness, close } = await startEnvironment(
		{
			knobs: options.knobs,
			accounts: options.accounts,
			runwareApiKey: SECRETS.runware,
			useApiToken: SECRETS.useapi,
		},
		{ nodeTypes: options.nodeTypes, credentialEmail: options.credentialEmail },
	);
	if (options.resume) await harness.listenForResume();
	return {
		emulator,
		harness,
		logs,
		close,
	};
}

/** Runs `test` in a fresh environment of its own (so that cases can run concurrently) and closes it. */
export async function withFaultEnv<T>(
	options: FaultEnvOptions,
	test: (env: FaultEnv) => Promise<T>,
): Promise<T> {
	const env = await startFaultEnv(options);
	try {
		return await test(env);
	} finally {
		await env.close();
	}
}
