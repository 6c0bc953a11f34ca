import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_ACCOUNT } from '../../shared/providers/runway/accounts';
import {
	RUNWAY_ASSET_FIELDS,
	type RunwayAssetField,
} from '../../shared/providers/runway/catalogue';
import type { RunwayCreateRequest, RunwayShot } from '../../shared/providers/runway/body';
import { multishotDurationField, multishotPromptField } from '../../shared/providers/runway/body';
import { fieldName, TypedParameters } from '../../shared/parameters';
import { assetDisplayName } from '../description/assets.description';
import { itemParameters, type ItemParameters } from '../../shared/parameters';
import { binaryFieldsOf, fileFields } from './inputFiles';

export interface RunwayItemRequest {
	/** The body's fields as the item gives them; `email` and `replyUrl` are settled by `prepareItem`. */
	request: RunwayCreateRequest;
	/** The Options' replyUrl as given. */
	replyUrl?: string;
	/** The account choice: the credential's default (''), any account, or an email. */
	account: string;
	/** The asset fields that name a binary field of the item rather than an asset ID. */
	files: RunwayAssetField[];
	/** The names of the item's binary fields. */
	binaryFields: string[];
}

function readShots(read: TypedParameters, value: unknown): RunwayShot[] | undefined {
	const shots = (value as { shots?: IDataObject[] } | null)?.shots;
	if (!Array.isArray(shots)) return undefined;
	return shots.map((shot, index) => ({
		prompt: read.text(
			fieldName(`Shot ${index + 1} Prompt`, multishotPromptField(index + 1)),
			shot.prompt,
		),
		duration: read.number(
			fieldName(`Shot ${index + 1} Duration`, multishotDurationField(index + 1)),
			shot.duration,
		),
	}));
}

/** How messages name each parameter (display name and API field), built once rather than for every item. */
const LABELS: Record<string, string> = Object.fromEntries(
	Object.entries({
		model: 'Model',
		text_prompt: 'Text Prompt',
		duration: 'Duration',
		aspect_ratio: 'Aspect Ratio',
		resolution: 'Resolution',
		audio: 'Audio',
		seed: 'Seed',
		characterOrientation: 'Character Orientation',
		exploreMode: 'Explore Mode',
		replyRef: 'Reply Reference',
		replyUrl: 'Reply URL',
		maxJobs: 'Max Jobs',
		email: 'Runway Account Name or ID',
		...Object.fromEntries(RUNWAY_ASSET_FIELDS.map((field) => [field, assetDisplayName(field)])),
	}).map(([field, displayName]) => [field, fieldName(displayName, field)]),
);

/** Trimmed; blank is unset. */
function assetId(
	read: TypedParameters,
	field: RunwayAssetField,
	value: unknown,
): string | undefined {
	return read.text(LABELS[field], value)?.trim() || undefined;
}

function readRequestFields(
	param: ItemParameters,
	read: TypedParameters,
	options: IDataObject,
): RunwayCreateRequest {
	const request: RunwayCreateRequest = {
		model: (read.text(LABELS.model, param('model', null)) ?? '').trim(),
		text_prompt: read.text(LABELS.text_prompt, param('text_prompt', null)),
		duration: read.number(LABELS.duration, param('duration', null)),
		aspect_ratio: read.text(LABELS.aspect_ratio, param('aspect_ratio', null)),
		resolution: read.text(LABELS.resolution, param('resolution', null)),
		// '' is the "Model Default" choice.
		audio: read.boolean(LABELS.audio, param('audio', null)),
		seed: read.number(LABELS.seed, options.seed),
		characterOrientation: read.text(
			LABELS.characterOrientation,
			param('characterOrientation', null),
		),
		shots: readShots(read, param('multishot', null)),
		// false is what the API does anyway: only true is sent.
		exploreMode: read.boolean(LABELS.exploreMode, param('exploreMode', null)) || undefined,
		replyRef: read.text(LABELS.replyRef, options.replyRef),
		maxJobs: read.number(LABELS.maxJobs, options.maxJobs),
	};
	// Only the set ones: most are unset in most items, and adding a property by a computed key is slow.
	for (const field of RUNWAY_ASSET_FIELDS) {
		const id = assetId(read, field, param(field, null));
		if (id !== undefined) request[field] = id;
	}
	return request;
}

/**
 * Reads item `itemIndex`'s parameters into the API-level request (API field names, nothing unset); nothing is checked
 * against the model here (`prepareItem` in generate.operation.ts does). An asset field may name a binary field of
 * the item instead of an asset ID: `files` lists those fields.
 */
export function readRunwayRequest(ctx: IExecuteFunctions, itemIndex: number): RunwayItemRequest {
	const read = new TypedParameters(ctx, itemIndex);
	const param = itemParameters(ctx, itemIndex);
	const options = (param('options', {}) ?? {}) as IDataObject;
	const request = readRequestFields(param, read, options);
	const binaryFields = binaryFieldsOf(ctx, itemIndex);
	return {
		request,
		replyUrl: read.text(LABELS.replyUrl, options.replyUrl),
		account: read.text(LABELS.email, param('email', CREDENTIAL_ACCOUNT)) ?? '',
		files: fileFields(request, RUNWAY_ASSET_FIELDS, binaryFields),
		binaryFields,
	};
}
