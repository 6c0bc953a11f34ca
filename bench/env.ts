import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { RunwareApi } from '../credentials/RunwareApi.credentials';
import { UseApiApi } from '../credentials/UseApiApi.credentials';
import { PollTask } from '../nodes/PollTask/PollTask.node';
import { RunwareVideo } from '../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../nodes/RunwayVideo/RunwayVideo.node';
import { UploadAsset } from '../nodes/UploadAsset/UploadAsset.node';
import { startEmulator, type Emulator, type EmulatorOptions } from '../test/emulator';
import {
	createHarness,
	node,
	startNode,
	workflow,
	type Harness,
	type HarnessWorkflow,
	type RunResult,
} from '../test/harness';
import { REFERENCE_TYPE, ReferenceVideo } from './reference/ReferenceVideo.node';

export const TYPES = {
	runwareVideo: 'n8n-nodes-ai-video.runwareVideo',
	runwayVideo: 'n8n-nodes-ai-video.runwayVideo',
	pollTask: 'n8n-nodes-ai-video.pollTask',
	uploadAsset: 'n8n-nodes-ai-video.uploadAsset',
	reference: REFERENCE_TYPE,
} as const;

export const NODE_TYPES: Record<string, INodeType> = {
	[TYPES.runwareVideo]: new RunwareVideo(),
	[TYPES.runwayVideo]: new RunwayVideo(),
	[TYPES.pollTask]: new PollTask(),
	[TYPES.uploadAsset]: new UploadAsset(),
	[TYPES.reference]: new ReferenceVideo(),
};

export const FIRST_ACCOUNT = 'first@runway.test';

/** Where the APIs are: an emulator of this process, or one a parent process runs. */
export type ApiEndpoints = Pick<
	Emulator,
	'runwareUrl' | 'useApiUrl' | 'schemaUrl' | 'runwareApiKey' | 'useApiToken'
>;

export interface HarnessSetup {
	binaryMode?: 'filesystem' | 'default';
	/** Point the Runware credential at the emulator's model schemas (default: catalogue only). */
	schemas?: boolean;
	credentialEmail?: string;
}

/** A harness with every node of the package and the reference node, its credentials pointing at `api`. */
export async function benchHarness(api: ApiEndpoints, setup: HarnessSetup = {}): Promise<Harness> {
	return await createHarness({
		nodeTypes: NODE_TYPES,
		credentialTypes: [new RunwareApi(), new UseApiApi()],
		credentials: {
			runwareApi: {
				apiKey: api.runwareApiKey,
				baseUrl: api.runwareUrl,
				schemaBaseUrl: setup.schemas ? api.schemaUrl : '',
			},
			useApiApi: {
				apiToken: api.useApiToken,
				email: setup.credentialEmail ?? '',
				baseUrl: api.useApiUrl,
			},
		},
		binaryMode: setup.binaryMode,
	});
}

export interface BenchEnv {
	emulator: Emulator;
	harness: Harness;
	close(): Promise<void>;
}

/** An emulator and a harness on it, for one figure. */
export async function startBenchEnv(
	options: EmulatorOptions = {},
	setup: HarnessSetup = {},
): Promise<BenchEnv> {
	const emulator = await startEmulator(options);
	const harness = await benchHarness(emulator, setup);
	return {
		emulator,
		harness,
		close: async () => {
			await harness.close();
			await emulator.close();
		},
	};
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
