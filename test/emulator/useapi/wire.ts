import {
	RUNWAY_CREATE_FIELDS,
	type RunwayCreateField,
	type RunwayCreateRequest,
	type RunwayShot,
} from '../../../nodes/shared/providers/runway/videosCreate';

type WireType = 'string' | 'number' | 'boolean';

const NON_STRING_FIELDS: Partial<Record<RunwayCreateField, WireType>> = {
	duration: 'number',
	seed: 'number',
	maxJobs: 'number',
	audio: 'boolean',
	exploreMode: 'boolean',
};

const SHOT_FIELD = /^multishot_(prompt|duration)_(\d+)$/;
// Above any model's shot limit, so the validator still reports "too many shots".
const MAX_SHOT_NUMBER = 20;

function wireType(field: RunwayCreateField): WireType {
	return NON_STRING_FIELDS[field] ?? 'string';
}

function isCreateField(key: string): key is Exclude<RunwayCreateField, 'shots'> {
	return key !== 'shots' && (RUNWAY_CREATE_FIELDS as readonly string[]).includes(key);
}

/**
 * Reads a videos/create JSON body into the request type the shared validator checks: scalar
 * fields type-checked, multishot_prompt_N / multishot_duration_N gathered into `shots` (gaps
 * become empty shots, which the validator reports). Returns an error message for a body the API
 * would refuse before any model rule.
 */
export function readCreateBody(
	body: Record<string, unknown>,
): { request: RunwayCreateRequest } | { error: string } {
	if (typeof body.model !== 'string' || body.model === '') {
		return { error: 'Parameter model is required' };
	}
	const request: RunwayCreateRequest = { model: body.model };
	const shots: RunwayShot[] = [];
	for (const [key, value] of Object.entries(body)) {
		if (key === 'model' || value === undefined || value === null) continue;
		const shot = SHOT_FIELD.exec(key);
		if (shot) {
			const [, part, number] = shot;
			const expected = part === 'prompt' ? 'string' : 'number';
			if (typeof value !== expected) return { error: `Parameter ${key} must be a ${expected}` };
			const index = Number(number) - 1;
			if (index < 0 || index >= MAX_SHOT_NUMBER) {
				return { error: `Parameter ${key}: shots are numbered from 1 to ${MAX_SHOT_NUMBER}` };
			}
			shots[index] = { ...shots[index], [part]: value };
			continue;
		}
		if (!isCreateField(key)) return { error: `Unknown parameter ${key}` };
		const expected = wireType(key);
		if (typeof value !== expected) return { error: `Parameter ${key} must be a ${expected}` };
		(request as unknown as Record<string, unknown>)[key] = value;
	}
	if (shots.length > 0) request.shots = Array.from(shots, (shot) => shot ?? {});
	return { request };
}
