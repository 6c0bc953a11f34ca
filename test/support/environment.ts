import type { INodeType } from 'n8n-workflow';

import { RunwareApi } from '../../credentials/RunwareApi.credentials';
import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import { PollTask } from '../../nodes/PollTask/PollTask.node';
import { RunwareVideo } from '../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../nodes/RunwayVideo/RunwayVideo.node';
import { UploadAsset } from '../../nodes/UploadAsset/UploadAsset.node';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { createHarness, type Harness } from '../harness';

/** The package's node type names, as n8n names a community package's nodes. */
export const NODE_TYPES = {
	runwareVideo: 'n8n-nodes-ai-video.runwareVideo',
	runwayVideo: 'n8n-nodes-ai-video.runwayVideo',
	pollTask: 'n8n-nodes-ai-video.pollTask',
	uploadAsset: 'n8n-nodes-ai-video.uploadAsset',
} as const;

/** Every node of the package, by type name. */
export function packageNodeTypes(): Record<string, INodeType> {
	return {
		[NODE_TYPES.runwareVideo]: new RunwareVideo(),
		[NODE_TYPES.runwayVideo]: new RunwayVideo(),
		[NODE_TYPES.pollTask]: new PollTask(),
		[NODE_TYPES.uploadAsset]: new UploadAsset(),
	};
}

export type ApiEndpoints = Pick<
	Emulator,
	'runwareUrl' | 'useApiUrl' | 'schemaUrl' | 'runwareApiKey' | 'useApiToken'
>;

export interface HarnessOptions {
	/** Node types by type name (default: every node of the package). */
	nodeTypes?: Record<string, INodeType>;
	binaryMode?: 'filesystem' | 'default';
	/** Point the Runware credential at the emulator's model schemas (default: catalogue only). */
	schemas?: boolean;
	/** The useapi.net credential's default Runway account (default: none, useapi.net picks). */
	credentialEmail?: string;
}

/** A harness whose Runware and useapi.net credentials point at `api` (the emulator). */
export async function harnessFor(
	api: ApiEndpoints,
	options: HarnessOptions = {},
): Promise<Harness> {
	return await createHarness({
		nodeTypes: options.nodeTypes ?? packageNodeTypes(),
		credentialTypes: [new RunwareApi(), new UseApiApi()],
		credentials: {
			runwareApi: {
				apiKey: api.runwareApiKey,
				baseUrl: api.runwareUrl,
				schemaBaseUrl: options.schemas ? api.schemaUrl : '',
			},
			useApiApi: {
				apiToken: api.useApiToken,
				email: options.credentialEmail ?? '',
				baseUrl: api.useApiUrl,
			},
		},
		binaryMode: options.binaryMode,
	});
}

export interface Environment {
	emulator: Emulator;
	harness: Harness;
	close(): Promise<void>;
}

/** An emulator and a harness on it: what integration tests, fault cases, benchmarks and the demo run in. */
export async function startEnvironment(
	emulatorOptions: EmulatorOptions = {},
	harnessOptions: HarnessOptions = {},
): Promise<Environment> {
	const emulator = await startEmulator(emulatorOptions);
	const harness = await harnessFor(emulator, harnessOptions);
	return {
		emulator,
		harness,
		close: async () => {
			await harness.close();
			await emulator.close();
		},
	};
}
