import { describeNumberChoices, dimensionChoices } from '../catalogue';
import { isPlainObject, isSet, type RunwareRequestField } from '../request';
import {
	checkNumber,
	checkOneOf,
	checkText,
	describeRange,
	HTTP_URL_PATTERN,
	report,
	showValue,
	type Context,
	type NumberRule,
} from './checks';
import { isRunwareAir } from '../ids';
import { checkMedia } from './media';
import { API_LIMITS } from './apiLimits';

/** URLs may carry tokens (webhook examples put them in the query), so they are never echoed. */
function checkHttpUrl(ctx: Context, field: 'webhookURL' | 'uploadEndpoint'): void {
	const value = ctx.request[field];
	if (isSet(value) && (typeof value !== 'string' || !HTTP_URL_PATTERN.test(value))) {
		report(ctx, field, undefined, `${field} must be an http:// or https:// URL`);
	}
}

/**
 * The API document marks positivePrompt (at least 2 characters) and duration required. That holds for every
 * model, catalogued or not, except where a document says otherwise: a model's own prompt minimum
 * (Sora 2: 1), or an exemption the catalogue names with its source.
 */
function checkPrompts(ctx: Context): void {
	const { request, model } = ctx;
	const limits = model?.prompt;
	const min = (limits || undefined)?.min ?? API_LIMITS.promptMinLength;
	if (isSet(request.positivePrompt)) {
		checkText(ctx, 'positivePrompt', request.positivePrompt, min, (limits || undefined)?.max);
	} else if (limits !== false) {
		const exempt =
			model?.seedExemptions?.positivePromptWithFrameImages !== undefined &&
			isSet(request.frameImages);
		const unless = model?.seedExemptions?.positivePromptWithFrameImages
			? ' (or a frame image)'
			: '';
		if (!exempt) {
			report(
				ctx,
				'positivePrompt',
				undefined,
				`positivePrompt is required${unless}: text of at least ${min} characters`,
			);
		}
	}
	if (isSet(request.negativePrompt)) {
		const negative = model?.negativePrompt || undefined;
		checkText(ctx, 'negativePrompt', request.negativePrompt, negative?.min, negative?.max);
	}
}

function checkDurationGiven(ctx: Context): void {
	const { request, model } = ctx;
	if (isSet(request.duration) || model?.durations === false || model?.seedExemptions?.duration)
		return;
	const durations = model?.durations || undefined;
	const allowed = durations
		? describeNumberChoices(durations)
		: describeRange(model ? { positive: true } : API_LIMITS.duration);
	report(ctx, 'duration', undefined, `duration is required: allowed ${allowed} (seconds)`);
}

/** The API document's number rules, built once. */
const RULES = {
	outputQuality: { integer: true, ...API_LIMITS.outputQuality },
	numberResults: { integer: true, ...API_LIMITS.numberResults },
	seed: { integer: true, ...API_LIMITS.seed },
	ttl: { integer: true, min: API_LIMITS.ttlMin },
	fps: { integer: true, ...API_LIMITS.fps },
	steps: { integer: true, ...API_LIMITS.steps },
	CFGScale: API_LIMITS.CFGScale,
	positive: { positive: true },
	size: { integer: true, min: 1 },
	duration: API_LIMITS.duration,
	width: { integer: true, ...API_LIMITS.width },
	height: { integer: true, ...API_LIMITS.height },
} satisfies Record<string, NumberRule>;

function checkSetNumber(ctx: Context, field: RunwareRequestField, rule: NumberRule): void {
	if (isSet(ctx.request[field])) checkNumber(ctx, field, ctx.request[field], rule);
}

/** Numbers with the API document's ranges; width, height and duration ranges only without a model. */
function checkNumbers(ctx: Context): void {
	const { request, model } = ctx;
	checkSetNumber(ctx, 'outputQuality', RULES.outputQuality);
	checkSetNumber(ctx, 'numberResults', RULES.numberResults);
	checkSetNumber(ctx, 'seed', RULES.seed);
	checkSetNumber(ctx, 'ttl', RULES.ttl);
	if (!model?.fps) checkSetNumber(ctx, 'fps', RULES.fps);
	if (!model?.steps) checkSetNumber(ctx, 'steps', RULES.steps);
	if (!model?.CFGScale) checkSetNumber(ctx, 'CFGScale', RULES.CFGScale);
	if (model) {
		if (!model.durations) checkSetNumber(ctx, 'duration', RULES.positive);
		if (!dimensionChoices(model)) {
			checkSetNumber(ctx, 'width', RULES.size);
			checkSetNumber(ctx, 'height', RULES.size);
		}
		return;
	}
	checkSetNumber(ctx, 'duration', RULES.duration);
	for (const field of ['width', 'height'] as const) {
		if (
			isSet(request[field]) &&
			checkNumber(ctx, field, request[field], RULES[field]) &&
			(request[field] as number) % API_LIMITS.dimensionMultiple !== 0
		) {
			report(
				ctx,
				field,
				request[field],
				`${field} ${String(request[field])} must be a multiple of ${API_LIMITS.dimensionMultiple}`,
			);
		}
	}
}

function checkChoiceFields(ctx: Context): void {
	const { request } = ctx;
	if (isSet(request.outputType))
		checkOneOf(ctx, 'outputType', request.outputType, API_LIMITS.outputTypes);
	if (isSet(request.outputFormat))
		checkOneOf(ctx, 'outputFormat', request.outputFormat, API_LIMITS.outputFormats);
	if (isSet(request.acceleration))
		checkOneOf(ctx, 'acceleration', request.acceleration, API_LIMITS.accelerations);
	if (isSet(request.safety?.mode))
		checkOneOf(ctx, 'safety.mode', request.safety?.mode, API_LIMITS.safetyModes);
	if (isSet(request.resolution) && typeof request.resolution !== 'string') {
		report(ctx, 'resolution', request.resolution, 'resolution must be text, e.g. 1080p');
	}
}

function checkStructures(ctx: Context): void {
	const { request } = ctx;
	if (isSet(request.speech)) {
		for (const part of ['voice', 'text'] as const) {
			const value = request.speech?.[part];
			if (typeof value !== 'string' || value.trim() === '') {
				report(ctx, `speech.${part}`, value, `speech.${part} is required when speech is used`);
			}
		}
	}
	(Array.isArray(request.lora) ? request.lora : []).forEach((lora, index) => {
		if (typeof lora?.model !== 'string' || !isRunwareAir(lora.model.trim())) {
			report(
				ctx,
				`lora[${index}].model`,
				lora?.model,
				`lora[${index}].model must be an AIR identifier`,
			);
		}
		if (isSet(lora?.weight)) checkNumber(ctx, `lora[${index}].weight`, lora.weight, {});
	});
	for (const [provider, settings] of Object.entries(request.providerSettings ?? {})) {
		if (isSet(settings) && !isPlainObject(settings)) {
			report(
				ctx,
				`providerSettings.${provider}`,
				settings,
				`providerSettings.${provider} must be an object`,
			);
		}
	}
}

/** The API document's rules, valid for every model. */
export function checkGeneric(ctx: Context): void {
	const { request } = ctx;
	if (typeof request.model !== 'string' || !isRunwareAir(request.model.trim())) {
		report(
			ctx,
			'model',
			request.model,
			`model ${showValue(request.model)} is not an AIR identifier: expected provider:id@version`,
		);
	}
	checkPrompts(ctx);
	checkDurationGiven(ctx);
	checkNumbers(ctx);
	checkChoiceFields(ctx);
	checkHttpUrl(ctx, 'webhookURL');
	checkHttpUrl(ctx, 'uploadEndpoint');
	checkMedia(ctx);
	checkStructures(ctx);
}
