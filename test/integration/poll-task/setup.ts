import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator, KnobsPatch, RequestRecord } from '../../emulator';
import { node, type NodeOptions, type NodeSpec } from '../../harness';
import { NODE_TYPES, startEnvironment, type Environment } from '../../support/environment';

export const TYPES = NODE_TYPES;

export const FIRST = 'first@runway.test';
export const SECOND = 'second@runway.test';

/** Polls fast: the emulator finishes tasks in a few hundred milliseconds. */
export const FAST_WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };

export type Setup = Environment;

export interface SetupOptions {
	knobs?: KnobsPatch;
	binaryMode?: 'filesystem' | 'default';
	/** The useapi.net credential's default Runway account (default: none). */
	credentialEmail?: string;
}

/** An emulator, and a harness with the four nodes whose credentials point at it. */
export async function setup(options: SetupOptions = {}): Promise<Setup> {
	return await startEnvironment(
		{ knobs: options.knobs },
		{ credentialEmail: options.credentialEmail, binaryMode: options.binaryMode },
	);
}

const CREDENTIALS = { runware: ['runwareApi'], runway: ['useApiApi'] };

export type Provider = keyof typeof CREDENTIALS;

/** A Poll Task node (fast waiting, no download unless asked). */
export function pollTask(
	provider: Provider,
	parameters: INodeParameters = {},
	options: NodeOptions = {},
	name = 'Poll Task',
): NodeSpec {
	return node(
		name,
		TYPES.pollTask,
		{ provider, waitingOptions: FAST_WAITING, returnAs: 'url', ...parameters },
		{ credentials: CREDENTIALS[provider], ...options },
	);
}

/** An Upload Asset node. */
export function uploadAsset(
	provider: Provider,
	parameters: INodeParameters = {},
	options: NodeOptions = {},
	name = 'Upload Asset',
): NodeSpec {
	return node(
		name,
		TYPES.uploadAsset,
		{ provider, ...parameters },
		{
			credentials: CREDENTIALS[provider],
			...options,
		},
	);
}

/** A Runware Video node in Submit Only mode. */
export function runwareSubmit(parameters: INodeParameters = {}): NodeSpec {
	return node(
		'Runware Video',
		TYPES.runwareVideo,
		{
			model: { __rl: true, mode: 'list', value: 'openai:3@1' },
			positivePrompt: 'A lighthouse in a storm at night',
			duration: 4,
			waitMode: 'submit',
			...parameters,
		},
		{ credentials: CREDENTIALS.runware },
	);
}

/** A Runway Video node in Submit Only mode. */
export function runwaySubmit(parameters: INodeParameters = {}): NodeSpec {
	return node(
		'Runway Video',
		TYPES.runwayVideo,
		{
			model: 'gen4.5',
			text_prompt: 'A lighthouse in a storm at night',
			waitMode: 'submit',
			waitingOptions: FAST_WAITING,
			...parameters,
		},
		{ credentials: CREDENTIALS.runway },
	);
}

/** `count` empty input items. */
export const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, () => ({ json: {} }));

/** The tasks listed in the bodies of the Runware requests of one route, request by request. */
export function runwareTasksPerRequest(emulator: Emulator, route: string): IDataObject[][] {
	return emulator
		.requestsTo(route)
		.map((request: RequestRecord) =>
			request.body?.kind === 'json' && Array.isArray(request.body.value)
				? (request.body.value as IDataObject[])
				: [],
		);
}
