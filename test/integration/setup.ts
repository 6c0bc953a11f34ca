import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator, EmulatorOptions } from '../emulator';
import { node, startNode, workflow, type NodeOptions, type RunWorkflowInput } from '../harness';
import { startEnvironment, type Environment, type HarnessOptions } from '../support/environment';

/** The emulator's default Runway accounts. */
export const FIRST = 'first@runway.test';
export const SECOND = 'second@runway.test';

/** Polls fast: the emulator finishes tasks in a few hundred milliseconds. */
export const FAST_WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };

export type Setup = Environment;

export type SetupOptions = Pick<EmulatorOptions, 'knobs' | 'accounts'> &
	Pick<HarnessOptions, 'binaryMode' | 'schemas' | 'credentialEmail'>;

/** An emulator, and a harness with the package's nodes whose credentials point at it. */
export async function setup(options: SetupOptions = {}): Promise<Setup> {
	const { knobs, accounts, ...harness } = options;
	return await startEnvironment({ knobs, accounts }, harness);
}

/** One node of the package in a workflow: its name, type and the credential it uses. */
export interface RunNode {
	name: string;
	type: string;
	credential: string;
}

/** Start → the node, with the given parameters (fast waiting unless they set it) and input items. */
export function nodeRun(
	target: RunNode,
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: NodeOptions = {},
): RunWorkflowInput {
	return workflow([
		startNode(items),
		node(
			target.name,
			target.type,
			{ waitingOptions: FAST_WAITING, ...parameters },
			{ credentials: [target.credential], ...options },
		),
	]);
}

/** The JSON body of each request the emulator received on `route`, in order (undefined: not JSON). */
export function jsonBodies(emulator: Emulator, route: string): unknown[] {
	return emulator
		.requestsTo(route)
		.map((request) => (request.body?.kind === 'json' ? request.body.value : undefined));
}
