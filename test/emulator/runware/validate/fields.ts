import { isRecord } from '../../http';
import { REQUEST_FIELDS, API_LIMITS } from '../rules/apiDocument';
import type { Check } from './check';
import {
	checkBoolean,
	checkEnum,
	checkNumber,
	checkObject,
	checkString,
	checkUrl,
	fail,
	has,
	show,
	unsupportedParameter,
} from './check';

/** Keys nobody declared: `unsupportedParameter` (a schema's `properties`, else every known field). */
const knownFields: Check = (ctx) => {
	const declared = ctx.rules.declaredFields;
	const known = new Set<string>(REQUEST_FIELDS);
	const unknown = Object.keys(ctx.task).find((field) =>
		declared
			? !declared.has(field) && !['taskType', 'taskUUID'].includes(field)
			: !known.has(field),
	);
	return unknown === undefined ? undefined : unsupportedParameter(ctx, unknown);
};

const deliveryMethod: Check = (ctx) => {
	const value = ctx.task.deliveryMethod;
	if (value === undefined || value === 'async') return undefined;
	return fail(
		ctx,
		value === 'sync' ? 'unsupportedDeliveryMethod' : 'invalidDeliveryMethod',
		`Invalid value for deliveryMethod parameter: ${show(value)}. Video inference requires "async".`,
		{ parameter: 'deliveryMethod', allowedValues: ['async'] },
	);
};

const safety: Check = (ctx) => {
	const object = checkObject(ctx, 'safety');
	if (object || !has(ctx, 'safety')) return object;
	const value = ctx.task.safety as Record<string, unknown>;
	const badKey = Object.keys(value).find((key) => !['checkContent', 'mode'].includes(key));
	if (badKey) return unsupportedParameter(ctx, `safety.${badKey}`);
	if (value.checkContent !== undefined && typeof value.checkContent !== 'boolean') {
		return fail(ctx, 'invalidSafety', 'safety.checkContent must be a boolean.', {
			parameter: 'safety.checkContent',
		});
	}
	if (value.mode !== undefined && !['none', 'fast', 'full'].includes(value.mode as string)) {
		return fail(ctx, 'invalidSafety', `Invalid value for safety.mode: ${show(value.mode)}.`, {
			parameter: 'safety.mode',
			allowedValues: ['none', 'fast', 'full'],
		});
	}
	return undefined;
};

const speech: Check = (ctx) => {
	const object = checkObject(ctx, 'speech');
	if (object || !has(ctx, 'speech')) return object;
	const value = ctx.task.speech as Record<string, unknown>;
	const badKey = Object.keys(value).find(
		(key) => !['voice', 'text'].includes(key) || typeof value[key] !== 'string',
	);
	return badKey
		? fail(
				ctx,
				'invalidSpeech',
				`speech.${badKey} must be a string (speech takes voice and text).`,
				{
					parameter: `speech.${badKey}`,
				},
			)
		: undefined;
};

const lora: Check = (ctx) => {
	if (!has(ctx, 'lora')) return undefined;
	const value = ctx.task.lora;
	const valid =
		Array.isArray(value) &&
		value.every(
			(item) =>
				isRecord(item) &&
				typeof item.model === 'string' &&
				(item.weight === undefined || typeof item.weight === 'number'),
		);
	return valid
		? undefined
		: fail(ctx, 'invalidLora', 'lora must be an array of {model, weight} objects.', {
				parameter: 'lora',
			});
};

/** Type and range checks of the seed (and request-level fields of reference "Request-level video parameters"), in seed order. */
export const fieldChecks: readonly Check[] = [
	knownFields,
	(ctx) => checkEnum(ctx, 'outputType', ['URL']),
	(ctx) => checkEnum(ctx, 'outputFormat', ['MP4', 'WEBM', 'MOV']),
	(ctx) => checkNumber(ctx, 'outputQuality', { integer: true, ...API_LIMITS.outputQuality }),
	(ctx) => checkUrl(ctx, 'webhookURL'),
	deliveryMethod,
	(ctx) => checkUrl(ctx, 'uploadEndpoint'),
	safety,
	(ctx) => checkNumber(ctx, 'ttl', { integer: true, ...API_LIMITS.ttl }),
	(ctx) => checkBoolean(ctx, 'includeCost'),
	(ctx) => checkString(ctx, 'positivePrompt'),
	(ctx) => checkString(ctx, 'negativePrompt'),
	(ctx) => checkNumber(ctx, 'width', { integer: true }),
	(ctx) => checkNumber(ctx, 'height', { integer: true }),
	(ctx) => checkNumber(ctx, 'duration', {}),
	(ctx) => checkNumber(ctx, 'fps', { integer: true }),
	(ctx) => checkNumber(ctx, 'seed', { integer: true, ...API_LIMITS.seed }),
	speech,
	(ctx) => checkNumber(ctx, 'numberResults', { integer: true, ...API_LIMITS.numberResults }),
	(ctx) => checkEnum(ctx, 'acceleration', ['none', 'low', 'medium', 'high']),
	(ctx) => checkObject(ctx, 'advancedFeatures'),
	(ctx) => checkObject(ctx, 'acceleratorOptions'),
	lora,
	(ctx) => checkObject(ctx, 'providerSettings'),
	(ctx) => checkString(ctx, 'resolution', { min: 1 }),
	(ctx) => checkObject(ctx, 'settings'),
	(ctx) => checkObject(ctx, 'inputs'),
];
