import { isRecord } from '../../http';
import type { ErrorDetails, RunwareError } from '../errors';
import { codeFor, taskError } from '../errors';
import type { ModelRules } from '../rules';
import { describeNumberChoices, isNumberList, type NumberChoices } from '../rules/numbers';

/** Whether a media UUID was uploaded or generated here. */
export type MediaLookup = (uuid: string) => boolean;

export interface CheckContext {
	task: Record<string, unknown>;
	taskUUID: string;
	rules: ModelRules;
	media: MediaLookup;
}

/** One rule; the first rule that fails names the task's error (Runware reports one per task). */
export type Check = (ctx: CheckContext) => RunwareError | undefined;

export function fail(
	ctx: CheckContext,
	code: string,
	message: string,
	details: ErrorDetails = {},
): RunwareError {
	return taskError(code, message, ctx.taskUUID, details);
}

export function has(ctx: CheckContext, field: string): boolean {
	return ctx.task[field] !== undefined && ctx.task[field] !== null;
}

export function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 56)}…` : text;
}

/** Up to 100 values of a range with a step, else undefined (the message then states the range). */
export function allowedValuesOf(choices: NumberChoices): number[] | undefined {
	if (isNumberList(choices)) return [...choices.values];
	if (choices.step === undefined) return undefined;
	const count = Math.round((choices.max - choices.min) / choices.step) + 1;
	if (count > 100) return undefined;
	return Array.from({ length: count }, (_, i) =>
		Number((choices.min + i * choices.step!).toFixed(6)),
	);
}

export interface NumberRule {
	integer?: boolean;
	min?: number;
	max?: number;
}

/** Type and range of a numeric field; `invalid<Field>` when wrong. */
export function checkNumber(
	ctx: CheckContext,
	field: string,
	rule: NumberRule,
): RunwareError | undefined {
	if (!has(ctx, field)) return undefined;
	const value = ctx.task[field];
	const kind = rule.integer ? 'an integer' : 'a number';
	const bounds =
		rule.min !== undefined && rule.max !== undefined
			? ` between ${rule.min} and ${rule.max}`
			: rule.min !== undefined
				? ` of at least ${rule.min}`
				: rule.max !== undefined
					? ` of at most ${rule.max}`
					: '';
	const valid =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		(!rule.integer || Number.isInteger(value)) &&
		(rule.min === undefined || value >= rule.min) &&
		(rule.max === undefined || value <= rule.max);
	if (valid) return undefined;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter: ${show(value)}. It must be ${kind}${bounds}.`,
		{ parameter: field },
	);
}

export function checkEnum(
	ctx: CheckContext,
	field: string,
	values: readonly unknown[],
): RunwareError | undefined {
	if (!has(ctx, field) || values.includes(ctx.task[field])) return undefined;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter: ${show(ctx.task[field])}. Allowed values: ${values.join(', ')}.`,
		{ parameter: field, allowedValues: [...values] },
	);
}

export function checkString(
	ctx: CheckContext,
	field: string,
	limits: { min?: number; max?: number } = {},
): RunwareError | undefined {
	if (!has(ctx, field)) return undefined;
	const value = ctx.task[field];
	const min = limits.min ?? 0;
	const max = limits.max ?? Number.POSITIVE_INFINITY;
	if (typeof value === 'string' && value.length >= min && value.length <= max) return undefined;
	const range = Number.isFinite(max) ? `between ${min} and ${max}` : `at least ${min}`;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter. It must be a string ${range} characters long.`,
		{ parameter: field },
	);
}

export function checkBoolean(ctx: CheckContext, field: string): RunwareError | undefined {
	if (!has(ctx, field) || typeof ctx.task[field] === 'boolean') return undefined;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter: must be a boolean.`,
		{
			parameter: field,
		},
	);
}

export function checkObject(ctx: CheckContext, field: string): RunwareError | undefined {
	if (!has(ctx, field) || isRecord(ctx.task[field])) return undefined;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter: must be an object.`,
		{
			parameter: field,
		},
	);
}

export function checkUrl(ctx: CheckContext, field: string): RunwareError | undefined {
	if (!has(ctx, field)) return undefined;
	const value = ctx.task[field];
	if (typeof value === 'string' && /^https?:\/\//i.test(value) && URL.canParse(value))
		return undefined;
	return fail(
		ctx,
		codeFor('invalid', field),
		`Invalid value for ${field} parameter: must be an http(s) URL.`,
		{
			parameter: field,
		},
	);
}

/** A field the model does not take at all. */
export function unsupportedParameter(ctx: CheckContext, field: string, why?: string): RunwareError {
	return fail(
		ctx,
		'unsupportedParameter',
		`The parameter ${field} is not supported by model ${ctx.rules.air}${why ? `: ${why}` : ''}.`,
		{ parameter: field },
	);
}

/** A numeric value outside the model's choices: `unsupported<Field>` with the allowed values. */
export function checkChoices(
	ctx: CheckContext,
	field: string,
	choices: NumberChoices | false,
	fits: (choices: NumberChoices, value: number) => boolean,
): RunwareError | undefined {
	if (!has(ctx, field)) return undefined;
	if (choices === false) return unsupportedParameter(ctx, field);
	const value = ctx.task[field];
	if (typeof value === 'number' && fits(choices, value)) return undefined;
	return fail(
		ctx,
		codeFor('unsupported', field),
		`Unsupported ${field} ${show(value)} for model ${ctx.rules.air}. Allowed values: ` +
			`${describeNumberChoices(choices)}.`,
		{ parameter: field, allowedValues: allowedValuesOf(choices) },
	);
}
