import { ASSET_FIELDS } from './rules';

/** A multishot shot: `multishot_prompt_N` / `multishot_duration_N`. */
export interface Shot {
	prompt?: string;
	duration?: number;
}

/** A videos/create body as the emulator reads it: scalars type-checked, shots gathered. */
export interface CreateRequest {
	model: string;
	text_prompt?: string;
	duration?: number;
	aspect_ratio?: string;
	resolution?: string;
	audio?: boolean;
	seed?: number;
	exploreMode?: boolean;
	characterOrientation?: string;
	email?: string;
	replyUrl?: string;
	replyRef?: string;
	maxJobs?: number;
	/** Asset-ID fields given (imageAssetIdN, videoAssetId*, start/end frame), by field. */
	assets: Record<string, string>;
	/** Shots by number (index 0 = shot 1); a gap is an empty shot. */
	shots: Shot[];
}

type WireType = 'string' | 'number' | 'boolean';

const SCALAR_FIELDS: Record<string, WireType> = {
	text_prompt: 'string',
	duration: 'number',
	aspect_ratio: 'string',
	resolution: 'string',
	audio: 'boolean',
	seed: 'number',
	exploreMode: 'boolean',
	characterOrientation: 'string',
	email: 'string',
	replyUrl: 'string',
	replyRef: 'string',
	maxJobs: 'number',
};

const SHOT_FIELD = /^multishot_(prompt|duration)_(\d+)$/;
// Above any model's shot limit, so that "too many shots" is still reported by the model rule.
const MAX_SHOT_NUMBER = 20;

/**
 * Reads a videos/create JSON body: the API document's fields with their types, multishot_prompt_N /
 * multishot_duration_N gathered into `shots`. Returns an error message for a body refused before
 * any model rule (missing model, wrong type, unknown field).
 */
export function readCreateBody(
	body: Record<string, unknown>,
): { request: CreateRequest } | { error: string } {
	if (typeof body.model !== 'string' || body.model === '') {
		return { error: 'Parameter model is required' };
	}
	const request: CreateRequest = { model: body.model, assets: {}, shots: [] };
	const fields = request as unknown as Record<string, unknown>;
	for (const [key, value] of Object.entries(body)) {
		if (key === 'model' || value === undefined || value === null) continue;
		const shot = SHOT_FIELD.exec(key);
		const expected: WireType | undefined = shot
			? shot[1] === 'prompt'
				? 'string'
				: 'number'
			: ASSET_FIELDS.includes(key)
				? 'string'
				: SCALAR_FIELDS[key];
		if (!expected) return { error: `Unknown parameter ${key}` };
		if (typeof value !== expected) return { error: `Parameter ${key} must be a ${expected}` };
		if (shot) {
			const index = Number(shot[2]) - 1;
			if (index < 0 || index >= MAX_SHOT_NUMBER) {
				return { error: `Parameter ${key}: shots are numbered from 1 to ${MAX_SHOT_NUMBER}` };
			}
			request.shots[index] = { ...request.shots[index], [shot[1]]: value };
		} else if (ASSET_FIELDS.includes(key)) {
			request.assets[key] = value as string;
		} else {
			fields[key] = value;
		}
	}
	request.shots = Array.from(request.shots, (shot) => shot ?? {});
	return { request };
}
