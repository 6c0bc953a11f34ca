import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_ACCOUNT, resolveRunwayAccount } from '../../shared/providers/runway/accounts';
import { RUNWAY_ASSET_FIELDS } from '../../shared/providers/runway/catalogue';
import type { QueuedCreate } from '../../shared/providers/runway/submission';
import type { RunwayTaskContext } from '../../shared/providers/runway/tasks';
import type { RunwayValidationIssue } from '../../shared/providers/runway/validation';
import { validateRunwayCreate } from '../../shared/providers/runway/validation';
import type { RunwayCreateRequest, RunwayShot } from '../../shared/providers/runway/videosCreate';
import { buildRunwayCreateBody, isSet } from '../../shared/providers/runway/videosCreate';

export interface RunSettings {
	/** The credential's default Runway account ('' when none). */
	credentialEmail: string;
	/** The execution's resume URL, sent as replyUrl in the Resume on Webhook mode. */
	resumeUrl?: string;
}

export interface RunwayItemRequest {
	create: QueuedCreate;
	context: RunwayTaskContext;
}

function optionalText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	return typeof value === 'string' ? value : String(value);
}

function optionalId(value: unknown): string | undefined {
	return optionalText(value)?.trim() || undefined;
}

/**
 * '' and null are unset; numeric strings (from expressions) become numbers. Anything else is passed on as it is,
 * for the validation to name it.
 */
function optionalNumber(value: unknown): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return value as number;
}

/** 0 is the UI's "not set" for fields whose range starts at 1 (seed, maxJobs). */
function optionalPositive(value: unknown): number | undefined {
	const parsed = optionalNumber(value);
	return parsed === 0 ? undefined : parsed;
}

/** '' (the "Model Default" choice) and null are unset; expressions may give 'true' / 'false'. */
function optionalBoolean(value: unknown): boolean | undefined {
	if (value === 'true' || value === 'false') return value === 'true';
	return value === null || value === undefined || value === '' ? undefined : (value as boolean);
}

function readShots(value: unknown): RunwayShot[] | undefined {
	const shots = (value as { shots?: IDataObject[] } | null)?.shots;
	if (!Array.isArray(shots)) return undefined;
	return shots.map((shot) => ({
		prompt: optionalText(shot.prompt),
		duration: optionalNumber(shot.duration),
	}));
}

function issue(field: string, value: unknown, message: string): RunwayValidationIssue {
	return { field, value, message };
}

function readRequestFields(ctx: IExecuteFunctions, itemIndex: number): RunwayCreateRequest {
	const param = (name: string): unknown => ctx.getNodeParameter(name, itemIndex, null);
	const model = (optionalText(param('model')) ?? '').trim();
	const request: RunwayCreateRequest = {
		model,
		text_prompt: optionalText(param('text_prompt')),
		duration: optionalNumber(param('duration')),
		aspect_ratio: optionalText(param('aspect_ratio')),
		resolution: optionalText(param('resolution')),
		audio: optionalBoolean(param('audio')),
		seed: optionalPositive(param('seed')),
		characterOrientation: optionalText(param('characterOrientation')),
		shots: readShots(param('multishot')),
		// false is what the API does anyway: only true is sent.
		exploreMode: optionalBoolean(param('exploreMode')) === true ? true : undefined,
	};
	for (const field of RUNWAY_ASSET_FIELDS) request[field] = optionalId(param(field));
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

/** Reads one item's parameters into a checked POST /videos/create body; every seed rule is enforced here. */
export function readRunwayRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: RunSettings,
): RunwayItemRequest {
	const request = readRequestFields(ctx, itemIndex);
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	request.replyRef = optionalText(options.replyRef);
	request.maxJobs = optionalPositive(options.maxJobs);
	request.replyUrl = run.resumeUrl ?? optionalText(options.replyUrl);

	const choice = optionalText(ctx.getNodeParameter('email', itemIndex, CREDENTIAL_ACCOUNT)) ?? '';
	const assets = RUNWAY_ASSET_FIELDS.flatMap((field) => {
		const id = request[field];
		return id === undefined ? [] : [{ field, id }];
	});
	const account = resolveRunwayAccount(choice.trim(), run.credentialEmail, assets);
	request.email = account.email;

	const issues = [...validateRunwayCreate(request), ...account.issues];
	if (run.resumeUrl && isSet(optionalText(options.replyUrl))) {
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
		},
		context: {
			model: request.model,
			replyRef: isSet(request.replyRef) ? request.replyRef : undefined,
		},
	};
}
