import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_ACCOUNT, resolveRunwayAccount } from '../../shared/providers/runway/accounts';
import {
	RUNWAY_ASSET_FIELDS,
	type RunwayAssetField,
} from '../../shared/providers/runway/catalogue';
import type { RunwayTaskContext } from '../../shared/providers/runway/tasks';
import type { RunwayValidationIssue } from '../../shared/providers/runway/validation';
import { validateRunwayCreate } from '../../shared/providers/runway/validation';
import type { RunwayCreateRequest, RunwayShot } from '../../shared/providers/runway/body';
import {
	buildRunwayCreateBody,
	isGiven,
	multishotDurationField,
	multishotPromptField,
} from '../../shared/providers/runway/body';
import { fieldName, TypedParameters } from '../../shared/parameters';
import { assetDisplayName } from '../description/assets.description';
import { itemParameters, type ItemParameters } from '../../shared/parameters';
import { binaryFieldsOf, fileFields, type NamedFile, type PendingCreate } from './inputFiles';

export interface RunSettings {
	/** The credential's default Runway account ('' when none). */
	credentialEmail: string;
	/** The execution's resume URL, sent as replyUrl in the Resume on Webhook mode. */
	resumeUrl?: string;
}

export interface RunwayItemRequest {
	/** Its files not yet opened: `namedFiles` names them. */
	create: PendingCreate;
	context: RunwayTaskContext;
	/** The files the asset fields name, to open and check (`readInputFiles`) before anything is sent. */
	namedFiles: NamedFile[];
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

const NO_FILES: ReadonlySet<string> = new Set();

function issue(field: string, value: unknown, message: string): RunwayValidationIssue {
	return { field, value, message };
}

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

function validationError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	issues: RunwayValidationIssue[],
): NodeOperationError {
	const [first, ...others] = issues;
	return new NodeOperationError(ctx.getNode(), first.message, {
		itemIndex,
		description: others.length
			? `Also: ${others.map((other) => other.message).join('; ')}. Nothing was sent.`
			: 'Nothing was sent.',
	});
}

/**
 * Reads one item's parameters into a checked POST /videos/create body; every rule of the API document is enforced
 * here. An asset field may name a binary field of the item instead of an asset ID: that file is opened and checked
 * next (`readInputFiles`), and uploaded later (after the Retry On Fail check), its asset ID then taking the field's
 * place in the body.
 */
export function readRunwayRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: RunSettings,
): RunwayItemRequest {
	const read = new TypedParameters(ctx, itemIndex);
	const param = itemParameters(ctx, itemIndex);
	const options = (param('options', {}) ?? {}) as IDataObject;
	const request = readRequestFields(param, read, options);
	const replyUrl = read.text(LABELS.replyUrl, options.replyUrl);
	request.replyUrl = run.resumeUrl ?? replyUrl;

	const choice = read.text(LABELS.email, param('email', CREDENTIAL_ACCOUNT)) ?? '';
	const binaryFields = binaryFieldsOf(ctx, itemIndex);
	const files = fileFields(request, RUNWAY_ASSET_FIELDS, binaryFields);
	const assets: Array<{ field: RunwayAssetField; id: string }> = [];
	for (const field of RUNWAY_ASSET_FIELDS) {
		const id = request[field];
		if (id !== undefined && !files.includes(field)) assets.push({ field, id });
	}
	const account = resolveRunwayAccount(choice.trim(), run.credentialEmail, assets);
	request.email = account.email;

	const issues = validateRunwayCreate(request, {
		files: files.length === 0 ? NO_FILES : new Set(files),
		binaryFields,
	});
	issues.push(...account.issues);
	if (run.resumeUrl && isGiven(replyUrl)) {
		issues.push(
			issue(
				'replyUrl',
				options.replyUrl,
				'replyUrl cannot be set with "Resume on Webhook": the node sends the execution resume URL as replyUrl',
			),
		);
	}
	if (issues.length > 0) throw validationError(ctx, itemIndex, issues);
	return {
		create: {
			itemIndex,
			body: buildRunwayCreateBody(request) as IDataObject,
			account: account.account,
			files: [],
		},
		context: {
			model: request.model,
			replyRef: isGiven(request.replyRef) ? request.replyRef : undefined,
		},
		namedFiles: files.map((field) => ({ field, propertyName: request[field] ?? '' })),
	};
}
