import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import type { EmulatorOptions } from '../test/emulator';
import {
	node,
	startNode,
	workflow,
	type Harness,
	type HarnessWorkflow,
	type RunResult,
} from '../test/harness';
import {
	harnessFor,
	NODE_TYPES as PACKAGE_TYPES,
	packageNodeTypes,
	startEnvironment,
	type ApiEndpoints,
	type Environment,
} from '../test/support/environment';
import { REFERENCE_TYPE, ReferenceVideo } from './reference/ReferenceVideo.node';

export const TYPES = { ...PACKAGE_TYPES, reference: REFERENCE_TYPE } as const;

export const NODE_TYPES: Record<string, INodeType> = {
	...packageNodeTypes(),
	[TYPES.reference]: new ReferenceVideo(),
};

export const FIRST_ACCOUNT = 'first@runway.test';

export type { ApiEndpoints } from '../test/support/environment';
export type BenchEnv = Environment;

export interface HarnessSetup {
	binaryMode?: 'filesystem' | 'default';
	/** Point the Runware credential at the emulator's model schemas (default: catalogue only). */
	schemas?: boolean;
	credentialEmail?: string;
}

/** A harness with every node of the package and the reference node, its credentials pointing at `api`. */
export async function benchHarness(api: ApiEndpoints, setup: HarnessSetup = {}): Promise<Harness> {
	return await harnessFor(api, { ...setup, nodeTypes: NODE_TYPES });
}

/** An emulator and a harness on it, for one figure. */
export async function startBenchEnv(
	options: EmulatorOptions = {},
	setup: HarnessSetup = {},
): Promise<BenchEnv> {
	return await startEnvironment(options, { ...setup, nodeTypes: NODE_TYPES });
}

const CREDENTIALS: Record<string, string[]> = {
	[TYPES.runwareVideo]: ['runwareApi'],
	[TYPES.runwayVideo]: ['useApiApi'],
	[TYPES.pollTask]: ['runwareApi', 'useApiApi'],
	[TYPES.uploadAsset]: ['runwareApi', 'useApiApi'],
	[TYPES.reference]: ['runwareApi', 'useApiApi'],
};

export const NODE_NAME = 'Node';

/** Start → one node named `NODE_NAME`. */
export function oneNode(
	type: string,
	parameters: INodeParameters,
	items: INodeExecutionData[],
	id?: string,
): HarnessWorkflow {
	return workflow([
		startNode(items),
		node(NODE_NAME, type, parameters, { credentials: CREDENTIALS[type], ...(id ? { id } : {}) }),
	]);
}

/** Epoch ms when the node handed its output to n8n (its last run). */
export function nodeOutputAt(result: RunResult, nodeName = NODE_NAME): number {
	const run = result.runData[nodeName]?.at(-1);
	if (!run) throw new Error(`${nodeName} did not run (${result.error?.message ?? result.status})`);
	return run.startTime + run.executionTime;
}

/** `count` empty items. */
export const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({ json: { index } }));
