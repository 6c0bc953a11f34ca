import { isPlainObject, isSet } from '../body';
import {
	checkNumber,
	checkText,
	HTTP_URL_PATTERN,
	report,
	showValue,
	type Context,
} from './checks';
import { isRunwareAir } from '../ids';
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
export function checkPrompts(ctx: Context): void {
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

export function checkStructures(ctx: Context): void {
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

/** The request's model, which must be an AIR. */
export function checkModelId(ctx: Context): void {
	const { request } = ctx;
	if (typeof request.model !== 'string' || !isRunwareAir(request.model.trim())) {
		report(
			ctx,
			'model',
			request.model,
			`model ${showValue(request.model)} is not an AIR identifier: expected provider:id@version`,
		);
	}
}

export function checkUrls(ctx: Context): void {
	checkHttpUrl(ctx, 'webhookURL');
	checkHttpUrl(ctx, 'uploadEndpoint');
}
