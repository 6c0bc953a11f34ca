import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	type Emulator,
	type KnobsPatch,
	type RequestRecord,
	type RunwayAccountOptions,
} from '../../emulator';
import { node, startNode, workflow, type NodeOptions, type RunWorkflowInput } from '../../harness';
import { startEnvironment, type Environment } from '../../support/environment';

export const RUNWAY_VIDEO = 'n8n-nodes-ai-video.runwayVideo';
export const NODE_NAME = 'Runway Video';
export const FIRST = 'first@runway.test';
export const SECOND = 'second@runway.test';

export type Setup = Environment;

export interface SetupOptions {
	knobs?: KnobsPatch;
	accounts?: RunwayAccountOptions[];
	/** The credential's default Runway account (default: none, useapi.net picks). */
	credentialEmail?: string;
	binaryMode?: 'filesystem' | 'default';
}

/** An emulator and a harness whose credentials point at it. */
export async function setup(options: SetupOptions = {}): Promise<Setup> {
	return await startEnvironment(
		{ knobs: options.knobs, accounts: options.accounts },
		{ credentialEmail: options.credentialEmail, binaryMode: options.binaryMode },
	);
}

/** Polls fast: the emulator finishes tasks in a few hundred milliseconds. */
export const FAST_WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };

/** Start → Runway Video, with the given parameters and input items. */
export function videoRun(
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: NodeOptions = {},
): RunWorkflowInput {
	return workflow([
		startNode(items),
		node(
			NODE_NAME,
			RUNWAY_VIDEO,
			{ waitingOptions: FAST_WAITING, returnAs: 'url', ...parameters },
			{ credentials: ['useApiApi'], ...options },
		),
	]);
}

const ASSET_FIELDS = [
	...Array.from({ length: 11 }, (_, index) => `imageAssetId${index + 1}`),
	'videoAssetId',
	'videoAssetId2',
	'videoAssetId3',
	'startFrameAssetId',
	'endFrameAssetId',
];

/**
 * Every request field as an expression on the item's JSON (absent: unset), so that one run can send a different
 * request per item. With the model an expression, n8n displays every field whatever the model. (The multishot
 * list is a fixedCollection, which n8n does not take as one expression: set it as a parameter.)
 */
export const FIELDS_FROM_JSON: INodeParameters = {
	model: '={{ $json.model }}',
	text_prompt: '={{ $json.text_prompt ?? "" }}',
	duration: '={{ $json.duration ?? "" }}',
	aspect_ratio: '={{ $json.aspect_ratio ?? "" }}',
	resolution: '={{ $json.resolution ?? "" }}',
	audio: '={{ $json.audio ?? "" }}',
	characterOrientation: '={{ $json.characterOrientation ?? "" }}',
	exploreMode: '={{ $json.exploreMode ?? false }}',
	email: '={{ $json.email ?? "" }}',
	options: {
		replyRef: '={{ $json.replyRef ?? "" }}',
		replyUrl: '={{ $json.replyUrl ?? "" }}',
		maxJobs: '={{ $json.maxJobs ?? "" }}',
		seed: '={{ $json.seed ?? "" }}',
	},
	...Object.fromEntries(ASSET_FIELDS.map((field) => [field, `={{ $json.${field} ?? "" }}`])),
};

function jsonBody(request: RequestRecord): IDataObject | undefined {
	return request.body?.kind === 'json' ? (request.body.value as IDataObject) : undefined;
}

/** Bodies of the videos/create requests the emulator received, in order. */
export function sentCreates(emulator: Emulator, since = 0): IDataObject[] {
	return emulator
		.requestsTo('useapi.create')
		.slice(since)
		.flatMap((request): IDataObject[] => {
			const body = jsonBody(request);
			return body ? [body] : [];
		});
}

/** Uploads a small asset to an account, as the Upload Asset node would, and returns its ID. */
export async function uploadAsset(
	emulator: Emulator,
	email: string,
	kind: 'image' | 'video',
): Promise<string> {
	const name = kind === 'image' ? 'frame.png' : 'motion.mp4';
	const response = await fetch(
		`${emulator.useApiUrl}/v1/runwayml/assets/?name=${name}&email=${encodeURIComponent(email)}`,
		{
			method: 'POST',
			headers: {
				authorization: `Bearer ${emulator.useApiToken}`,
				'content-type': kind === 'image' ? 'image/png' : 'video/mp4',
			},
			body: new Uint8Array(Buffer.from(`${kind} bytes`)),
		},
	);
	const body = (await response.json()) as { assetId?: string };
	if (!body.assetId) throw new Error(`Upload failed: ${JSON.stringify(body)}`);
	return body.assetId;
}
