import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import { node, type NodeOptions, type NodeSpec } from '../../harness';
import { NODE_TYPES } from '../../support/environment';
import { FAST_WAITING, jsonBodies } from '../setup';

export { FAST_WAITING, FIRST, SECOND, setup, type Setup } from '../setup';

export const TYPES = NODE_TYPES;

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
	return jsonBodies(emulator, route).map((body) =>
		Array.isArray(body) ? (body as IDataObject[]) : [],
	);
}
