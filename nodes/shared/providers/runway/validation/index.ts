import {
	findRunwayModel,
	runwayModels,
	RUNWAY_IMAGE_SLOTS,
	RUNWAY_VIDEO_SLOTS,
	type RunwayGenerationMode,
} from '../catalogue';
import { isGiven, type RunwayCreateRequest } from '../body';
import {
	issue,
	show,
	type Rule,
	type RuleContext,
	type RunwayFileInputs,
	type RunwayValidationIssue,
} from './checks';
import {
	assetIdsWellFormed,
	combinedReferencesWithinLimit,
	editVideoReferenceLimit,
	keyframeRules,
} from './assets';
import { fieldsAccepted, requiredInputs } from './model';
import { multishotRules, promptReferencesSupplied, promptRules } from './prompts';
import {
	aspectRatioAllowed,
	characterOrientationAllowed,
	durationAllowed,
	maxJobsInRange,
	replyFieldsShortEnough,
	resolutionAllowed,
	seedInRange,
} from './settings';

export type { RunwayFileInputs, RunwayValidationIssue } from './checks';

const RULES: readonly Rule[] = [
	fieldsAccepted,
	assetIdsWellFormed,
	durationAllowed,
	aspectRatioAllowed,
	resolutionAllowed,
	characterOrientationAllowed,
	seedInRange,
	maxJobsInRange,
	replyFieldsShortEnough,
	promptRules,
	requiredInputs,
	combinedReferencesWithinLimit,
	keyframeRules,
	editVideoReferenceLimit,
	multishotRules,
	promptReferencesSupplied,
];

function suppliedSlots<Slot extends keyof RunwayCreateRequest>(
	request: RunwayCreateRequest,
	slots: readonly Slot[],
): Slot[] {
	return slots.filter((slot) => isGiven(request[slot]));
}

function knownModelIds(): string {
	return runwayModels.map((known) => known.id).join(', ');
}

/**
 * Every rule of the API document for POST /videos/create, checked before anything is sent. With `fileInputs`, the asset fields it
 * names hold files still to upload: they count as supplied, and their values are not checked as asset IDs.
 */
export function validateRunwayCreate(
	request: RunwayCreateRequest,
	fileInputs?: RunwayFileInputs,
): RunwayValidationIssue[] {
	if (!isGiven(request.model)) {
		return [issue('model', request.model, `model is missing: use one of ${knownModelIds()}`)];
	}
	const model = findRunwayModel(request.model);
	if (!model) {
		return [
			issue(
				'model',
				request.model,
				`model ${show(request.model)} is unknown: use one of ${knownModelIds()}`,
			),
		];
	}
	const images = suppliedSlots(request, RUNWAY_IMAGE_SLOTS);
	const videos = suppliedSlots(request, RUNWAY_VIDEO_SLOTS);
	const mode: RunwayGenerationMode =
		images.length > 0 || isGiven(request.startFrameAssetId) ? 'imageToVideo' : 'textToVideo';
	const context: RuleContext = { request, fileInputs, model, images, videos, mode };
	const issues: RunwayValidationIssue[] = [];
	for (const rule of RULES) {
		const found = rule(context);
		if (found.length > 0) issues.push(...found);
	}
	return issues;
}
