import { RUNWAY_ASSET_FIELDS, type RunwayAssetField } from './catalogue/schema';

/** One multishot shot; sent as multishot_prompt_N / multishot_duration_N, N = position + 1. */
export interface RunwayShot {
	prompt?: string;
	duration?: number;
}

type RunwayAssetFields = {
	[Slot in RunwayAssetField]?: string;
};

/** Body of POST /v1/runwayml/videos/create, with the multishot fields gathered in `shots`. */
export interface RunwayCreateRequest extends RunwayAssetFields {
	model: string;
	text_prompt?: string;
	duration?: number;
	aspect_ratio?: string;
	resolution?: string;
	audio?: boolean;
	seed?: number;
	characterOrientation?: string;
	shots?: RunwayShot[];
	exploreMode?: boolean;
	email?: string;
	replyUrl?: string;
	replyRef?: string;
	maxJobs?: number;
}

export type RunwayCreateField = Exclude<keyof RunwayCreateRequest, 'model'>;

type RunwayScalarField = Exclude<RunwayCreateField, 'shots'>;

/** Body fields after `model`, in the order they are sent; the shots follow characterOrientation. */
const FIELDS_BEFORE_SHOTS: readonly RunwayScalarField[] = [
	'text_prompt',
	'duration',
	'aspect_ratio',
	'resolution',
	'audio',
	'seed',
	...RUNWAY_ASSET_FIELDS,
	'characterOrientation',
];
const FIELDS_AFTER_SHOTS: readonly RunwayScalarField[] = [
	'exploreMode',
	'email',
	'replyUrl',
	'replyRef',
	'maxJobs',
];

const FIRST_FIELDS: readonly (RunwayScalarField | 'model')[] = ['model', ...FIELDS_BEFORE_SHOTS];

/** All request fields but `model`, in body order. */
export const RUNWAY_CREATE_FIELDS: readonly RunwayCreateField[] = [
	...FIELDS_BEFORE_SHOTS,
	'shots',
	...FIELDS_AFTER_SHOTS,
];

/** Whether a value was given: not undefined, null, a blank string or an empty shot list (`false` and `0` are). */
export function isGiven<T>(value: T | null | undefined): value is T {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

export function multishotPromptField(shotNumber: number): string {
	return `multishot_prompt_${shotNumber}`;
}

export function multishotDurationField(shotNumber: number): string {
	return `multishot_duration_${shotNumber}`;
}

function copySetFields(
	request: RunwayCreateRequest,
	fields: readonly (RunwayScalarField | 'model')[],
	body: Record<string, unknown>,
): void {
	for (const field of fields) {
		const value = request[field];
		if (isGiven(value)) body[field] = value;
	}
}

/** The JSON body to send: only set fields, shots flattened and numbered from 1. */
export function buildRunwayCreateBody(request: RunwayCreateRequest): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	copySetFields(request, FIRST_FIELDS, body);
	(request.shots ?? []).forEach((shot, index) => {
		if (isGiven(shot.prompt)) body[multishotPromptField(index + 1)] = shot.prompt;
		if (isGiven(shot.duration)) body[multishotDurationField(index + 1)] = shot.duration;
	});
	copySetFields(request, FIELDS_AFTER_SHOTS, body);
	return body;
}
