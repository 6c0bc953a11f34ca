import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import type { NodeOptions, RunWorkflowInput } from '../../harness';
import { NODE_TYPES } from '../../support/environment';
import { jsonBodies, nodeRun } from '../setup';

export { FAST_WAITING, FIRST, SECOND, setup, type Setup } from '../setup';

export const RUNWAY_VIDEO = NODE_TYPES.runwayVideo;
export const NODE_NAME = 'Runway Video';

/** Start → Runway Video, with the given parameters and input items. */
export function videoRun(
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: NodeOptions = {},
): RunWorkflowInput {
	return nodeRun(
		{ name: NODE_NAME, type: RUNWAY_VIDEO, credential: 'useApiApi' },
		{ returnAs: 'url', ...parameters },
		items,
		options,
	);
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

/** Bodies of the videos/create requests the emulator received, in order. */
export function sentCreates(emulator: Emulator, since = 0): IDataObject[] {
	return jsonBodies(emulator, 'useapi.create')
		.slice(since)
		.flatMap((body) => (body === undefined ? [] : [body as IDataObject]));
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
