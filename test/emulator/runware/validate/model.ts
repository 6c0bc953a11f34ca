import { isRecord } from '../../http';
import type { RunwareError } from '../errors';
import { codeFor } from '../errors';
import type { ResolvedDimensions as DimensionRules } from '../rules';
import { fitsNumberChoices, type DimensionPair } from '../rules/numbers';
import { API_LIMITS } from '../rules/apiDocument';
import type { Check, CheckContext } from './check';
import { checkChoices, checkNumber, fail, has, show, unsupportedParameter } from './check';
import { hasFrameImages } from './media';
import { providerSettingsCheck } from './providerSettings';

/**
 * The seed requires positivePrompt (Min 2) and duration of every task. A model does without one only
 * where its rules name a document that says so; a schema may require more, never less.
 */
const promptCheck: Check = (ctx) => {
	const rule = ctx.rules.entry?.prompt;
	if (rule === false)
		return has(ctx, 'positivePrompt') ? unsupportedParameter(ctx, 'positivePrompt') : undefined;
	const prompt = ctx.task.positivePrompt;
	if (prompt === undefined || prompt === '') {
		const exempt =
			ctx.rules.entry?.exempt?.promptWithFrameImages !== undefined && hasFrameImages(ctx.task);
		return exempt
			? undefined
			: fail(ctx, 'missingPositivePrompt', 'Missing required parameter positivePrompt.', {
					parameter: 'positivePrompt',
				});
	}
	const min = rule?.min ?? API_LIMITS.promptMinLength;
	const max = rule?.max;
	const length = (prompt as string).length;
	if (length >= min && (max === undefined || length <= max)) return undefined;
	return fail(
		ctx,
		'invalidPositivePrompt',
		`Invalid value for positivePrompt parameter: it must be between ${min} and ` +
			`${max ?? 'unlimited'} characters long (${length} sent).`,
		{ parameter: 'positivePrompt' },
	);
};

const negativePromptCheck: Check = (ctx) => {
	const rule = ctx.rules.entry?.negativePrompt;
	if (!has(ctx, 'negativePrompt') || rule === undefined) return undefined;
	if (rule === false) return unsupportedParameter(ctx, 'negativePrompt');
	const length = (ctx.task.negativePrompt as string).length;
	if (length >= (rule.min ?? 0) && length <= (rule.max ?? Number.POSITIVE_INFINITY))
		return undefined;
	return fail(
		ctx,
		'invalidNegativePrompt',
		`negativePrompt must be between ${rule.min ?? 0} and ${rule.max ?? 'unlimited'} characters long.`,
		{ parameter: 'negativePrompt' },
	);
};

const durationCheck: Check = (ctx) => {
	const exempt = ctx.rules.durations === false || ctx.rules.entry?.exempt?.duration !== undefined;
	if (!has(ctx, 'duration') && !exempt) {
		return fail(ctx, 'missingDuration', 'Missing required parameter duration.', {
			parameter: 'duration',
		});
	}
	return checkChoices(ctx, 'duration', ctx.rules.durations, fitsNumberChoices);
};

const fpsCheck: Check = (ctx) => checkChoices(ctx, 'fps', ctx.rules.fps, fitsNumberChoices);

const resolutionCheck: Check = (ctx) => {
	const { resolutions } = ctx.rules;
	if (!has(ctx, 'resolution') || resolutions === undefined) return undefined;
	if (resolutions === false) return unsupportedParameter(ctx, 'resolution');
	if (resolutions.includes(ctx.task.resolution as string)) return undefined;
	return fail(
		ctx,
		'unsupportedResolution',
		`Unsupported resolution ${show(ctx.task.resolution)} for model ${ctx.rules.air}.`,
		{ parameter: 'resolution', allowedValues: [...resolutions] },
	);
};

function pairText(pair: DimensionPair): string {
	return `${pair.width}x${pair.height}`;
}

function dimensionValueError(ctx: CheckContext, rules: DimensionRules): RunwareError | undefined {
	const width = ctx.task.width as number;
	const height = ctx.task.height as number;
	if (rules.pairs) {
		if (rules.pairs.some((pair) => pair.width === width && pair.height === height))
			return undefined;
		return fail(
			ctx,
			'unsupportedDimensions',
			`Unsupported dimensions ${width}x${height} for model ${ctx.rules.air}.`,
			{ parameter: ['width', 'height'], allowedValues: rules.pairs.map(pairText) },
		);
	}
	return (
		checkChoices(ctx, 'width', rules.width, fitsNumberChoices) ??
		checkChoices(ctx, 'height', rules.height, fitsNumberChoices)
	);
}

const dimensionsCheck: Check = (ctx) => {
	const rules = ctx.rules.dimensions;
	const given = ['width', 'height'].filter((field) => has(ctx, field));
	if (rules === false) return given.length > 0 ? unsupportedParameter(ctx, given[0]) : undefined;
	const frames = hasFrameImages(ctx.task);
	if (given.length > 0 && frames && rules.withFrameImages === 'forbidden') {
		return fail(
			ctx,
			'incompatibleParameters',
			`Model ${ctx.rules.air} takes the size from the frame image: do not send width/height with frameImages.`,
			{ parameter: [given[0], 'frameImages'] },
		);
	}
	const needed =
		rules.required === 'always' ||
		(rules.required === 'withoutFrameImages' && !frames && !has(ctx, 'resolution'));
	if (given.length === 1 || (needed && given.length === 0)) {
		const missing = has(ctx, 'width') ? 'height' : 'width';
		return fail(
			ctx,
			codeFor('missing', missing),
			`Missing parameter ${missing}: send width and height together.`,
			{
				parameter: missing,
			},
		);
	}
	if (given.length === 0) return undefined;
	return dimensionValueError(ctx, rules) ?? durationAtSizeError(ctx, rules);
};

/** Durations that only some sizes allow (e.g. Hailuo 02: 10 s at 768p only). */
function durationAtSizeError(ctx: CheckContext, rules: DimensionRules): RunwareError | undefined {
	const duration = ctx.task.duration;
	const limit = rules.durationsOnlyAt?.find((entry) =>
		entry.durations.includes(duration as number),
	);
	if (!limit) return undefined;
	const width = ctx.task.width;
	const height = ctx.task.height;
	if (limit.pairs.some((pair) => pair.width === width && pair.height === height)) return undefined;
	return fail(
		ctx,
		'unsupportedDuration',
		`Duration ${show(duration)} is only available at ${limit.pairs.map(pairText).join(', ')} for model ${ctx.rules.air}.`,
		{ parameter: ['duration', 'width', 'height'] },
	);
}

/** Fields the documents say the model does not take (`false`). */
const refusedFields: Check = (ctx) => {
	const entry = ctx.rules.entry;
	if (!entry) return undefined;
	const refused = (['seed', 'speech', 'CFGScale', 'steps'] as const).find(
		(field) => entry[field] === false && has(ctx, field),
	);
	return refused ? unsupportedParameter(ctx, refused) : undefined;
};

const speechCheck: Check = (ctx) => {
	const rule = ctx.rules.entry?.speech;
	if (!rule || !isRecord(ctx.task.speech)) return undefined;
	const { voice, text } = ctx.task.speech;
	if (rule.voices && typeof voice === 'string' && !rule.voices.includes(voice)) {
		return fail(ctx, 'unsupportedVoice', `Unsupported speech voice ${show(voice)}.`, {
			parameter: 'speech.voice',
			allowedValues: [...rule.voices],
		});
	}
	if (rule.maxTextLength && typeof text === 'string' && text.length > rule.maxTextLength) {
		return fail(
			ctx,
			'invalidSpeech',
			`speech.text must be at most ${rule.maxTextLength} characters.`,
			{
				parameter: 'speech.text',
			},
		);
	}
	return undefined;
};

const conflictsCheck: Check = (ctx) => {
	const pair = ctx.rules.entry?.conflicts?.find(([a, b]) => has(ctx, a) && has(ctx, b));
	return pair
		? fail(ctx, 'incompatibleParameters', `${pair[0]} and ${pair[1]} cannot be sent together.`, {
				parameter: [...pair],
			})
		: undefined;
};

/** Fields a schema marks required (the prompt has its own rule). */
const schemaRequiredCheck: Check = (ctx) => {
	const missing = [...(ctx.rules.requiredFields ?? [])].find(
		(field) =>
			!['taskType', 'taskUUID', 'positivePrompt', 'deliveryMethod'].includes(field) &&
			!has(ctx, field),
	);
	return missing
		? fail(ctx, codeFor('missing', missing), `Missing required parameter ${missing}.`, {
				parameter: missing,
			})
		: undefined;
};

/** Fields with checks of their own (specific codes), skipped by the generic schema check. */
const SPECIFIC_FIELDS = [
	'taskType',
	'taskUUID',
	'model',
	'duration',
	'width',
	'height',
	'fps',
	'resolution',
];

function schemaPropertyError(
	ctx: CheckContext,
	field: string,
	property: Record<string, unknown>,
): RunwareError | undefined {
	const value = ctx.task[field];
	const invalid = (why: string, allowedValues?: unknown[]) =>
		fail(ctx, codeFor('invalid', field), `Invalid value for ${field} parameter: ${why}.`, {
			parameter: field,
			allowedValues,
		});
	if ('const' in property && value !== property.const) {
		return invalid(`${show(value)} is not allowed`, [property.const]);
	}
	if (Array.isArray(property.enum) && !property.enum.includes(value)) {
		return invalid(`${show(value)} is not allowed`, [...property.enum]);
	}
	if (typeof value === 'number') {
		if (typeof property.minimum === 'number' && value < property.minimum) {
			return invalid(`must be at least ${property.minimum}`);
		}
		if (typeof property.maximum === 'number' && value > property.maximum) {
			return invalid(`must be at most ${property.maximum}`);
		}
	}
	if (typeof value === 'string') {
		if (typeof property.minLength === 'number' && value.length < property.minLength) {
			return invalid(`must be at least ${property.minLength} characters long`);
		}
		if (typeof property.maxLength === 'number' && value.length > property.maxLength) {
			return invalid(`must be at most ${property.maxLength} characters long`);
		}
	}
	return undefined;
}

/** `enum`, `const`, ranges and lengths a schema declares for the other top-level fields. */
const schemaPropertiesCheck: Check = (ctx) => {
	for (const [field, property] of Object.entries(ctx.rules.schemaProperties ?? {})) {
		if (SPECIFIC_FIELDS.includes(field) || !has(ctx, field) || !isRecord(property)) continue;
		const error = schemaPropertyError(ctx, field, property);
		if (error) return error;
	}
	return undefined;
};

/** Checks that depend on the model (catalogue entry and/or schema). */
export const modelChecks: readonly Check[] = [
	refusedFields,
	promptCheck,
	negativePromptCheck,
	durationCheck,
	dimensionsCheck,
	fpsCheck,
	resolutionCheck,
	(ctx) => checkNumber(ctx, 'steps', { integer: true, ...API_LIMITS.steps }),
	(ctx) => checkNumber(ctx, 'CFGScale', ctx.rules.entry?.CFGScale || API_LIMITS.CFGScale),
	speechCheck,
	providerSettingsCheck,
	conflictsCheck,
	schemaRequiredCheck,
	schemaPropertiesCheck,
];
