import type { RunwareModel } from '../catalogue';
import type { RunwareVideoRequest } from '../request';
import type { Context, RunwareValidationIssue } from './checks';
import { checkGeneric } from './generic';
import { checkMediaLimits } from './media';
import {
	checkAcceptedFields,
	checkConflicts,
	checkDependencies,
	checkDimensions,
	checkModelRanges,
	checkRequiredInputs,
} from './model';
import { checkProviderSettings } from './providerSettings';

export type { RunwareValidationIssue } from './checks';
export { API_LIMITS } from './apiLimits';

/** The checks of a catalogued model's documented capabilities, in the order their problems are listed. */
const MODEL_CHECKS: ReadonlyArray<(ctx: Context, model: RunwareModel) => void> = [
	checkAcceptedFields,
	checkRequiredInputs,
	checkDimensions,
	checkModelRanges,
	checkMediaLimits,
	checkProviderSettings,
	checkConflicts,
	checkDependencies,
];

/**
 * Checks a request before it is sent. Without a model (an AIR the catalogue does not know) only the
 * seed's generic ranges apply; with one, its documented capabilities too. Returns every problem.
 */
export function validateRunwareVideoRequest(
	request: RunwareVideoRequest,
	model?: RunwareModel,
): RunwareValidationIssue[] {
	const ctx: Context = { request, model, issues: [] };
	checkGeneric(ctx);
	if (model) MODEL_CHECKS.forEach((check) => check(ctx, model));
	return ctx.issues;
}
