import type { RunwareError } from '../errors';
import type { ModelRules } from '../rules';
import type { CheckContext, MediaLookup } from './check';
import { fieldChecks } from './fields';
import { mediaCheck } from './media';
import { modelChecks } from './model';

export type { MediaLookup } from './check';

/**
 * Validates one videoInference task the way the API does: field types and the API document's ranges,
 * then media, then what the model allows. Returns the first error (Runware reports one per task).
 */
export function validateVideoInference(
	task: Record<string, unknown>,
	taskUUID: string,
	rules: ModelRules,
	media: MediaLookup,
): RunwareError | undefined {
	const ctx: CheckContext = { task, taskUUID, rules, media };
	for (const check of [...fieldChecks, mediaCheck, ...modelChecks]) {
		const error = check(ctx);
		if (error) return error;
	}
	return undefined;
}
