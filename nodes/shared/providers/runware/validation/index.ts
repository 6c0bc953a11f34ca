import type { RunwareModel } from '../catalogue';
import type { RunwareVideoRequest } from '../body';
import type { Context, RunwareValidationIssue } from './checks';
import { checkModelId, checkPrompts, checkStructures, checkUrls } from './generic';
import { checkMedia, checkMediaLimits } from './media';
import {
	checkAcceptedFields,
	checkConflicts,
	checkDependencies,
	checkRequiredInputs,
} from './model';
import { checkProviderSettings } from './providerSettings';
import { checkModelSettings, checkSettings } from './settings';

export type { RunwareValidationIssue } from './checks';
export { API_LIMITS } from './apiLimits';

/** The API document's checks, valid for every model, in the order their problems are listed. */
const GENERIC_CHECKS: ReadonlyArray<(ctx: Context) => void> = [
	checkModelId,
	checkPrompts,
	checkSettings,
	checkUrls,
	checkMedia,
	checkStructures,
];

/** The checks of a catalogued model's documented capabilities, in the order their problems are listed. */
const MODEL_CHECKS: ReadonlyArray<(ctx: Context, model: RunwareModel) => void> = [
	checkAcceptedFields,
	checkRequiredInputs,
	checkModelSettings,
	checkMediaLimits,
	checkProviderSettings,
	checkConflicts,
	checkDependencies,
];

/**
 * Checks a request before it is sent. Without a model (an AIR the catalogue does not know) only the
 * API document's generic rules apply; with one, its documented capabilities too. Returns every problem.
 */
export function validateRunwareVideoRequest(
	request: RunwareVideoRequest,
	model?: RunwareModel,
): RunwareValidationIssue[] {
	const ctx: Context = { request, model, issues: [] };
	for (const check of GENERIC_CHECKS) check(ctx);
	if (model) for (const check of MODEL_CHECKS) check(ctx, model);
	return ctx.issues;
}
