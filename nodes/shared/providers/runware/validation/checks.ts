import {
	defaultOf,
	describeNumberChoices,
	fitsNumberChoices,
	modelLabel,
	type NumberChoices,
	type RunwareModel,
} from '../catalogue';
import type { RunwareVideoRequest } from '../body';

export interface RunwareValidationIssue {
	/** API path of the field, e.g. `duration` or `providerSettings.pixverse.effect`. */
	field: string;
	value: unknown;
	message: string;
}

/** What every check reads and where it reports. */
export interface Context {
	request: RunwareVideoRequest;
	model?: RunwareModel;
	issues: RunwareValidationIssue[];
}

export interface NumberRule {
	integer?: boolean;
	min?: number;
	max?: number;
	positive?: boolean;
}

export const HTTP_URL_PATTERN = /^https?:\/\/[^\s/]+\S*$/i;
// Long enough for any well-formed identifier (AIR, UUID, URL of a file), short for a prompt.
const MAX_SHOWN_LENGTH = 120;

export function showValue(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
	return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 1)}…` : text;
}

export function describeRange(rule: NumberRule): string {
	if (rule.positive) return 'greater than 0';
	if (rule.min !== undefined && rule.max !== undefined) return `from ${rule.min} to ${rule.max}`;
	return rule.min !== undefined ? `at least ${rule.min}` : `at most ${String(rule.max)}`;
}

export function report(ctx: Context, field: string, value: unknown, message: string): void {
	ctx.issues.push({ field, value, message });
}

export function notSupported(ctx: Context, field: string, value: unknown, allowed: string): void {
	const model = ctx.model as RunwareModel;
	report(
		ctx,
		field,
		value,
		`${field} ${showValue(value)} is not supported by ${modelLabel(model)}: allowed ${allowed}`,
	);
}

export const isNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

/** Type and range of a number; the range message names the model when `byModel` is set. */
export function checkNumber(
	ctx: Context,
	field: string,
	value: unknown,
	rule: NumberRule,
	byModel = false,
): value is number {
	if (!isNumber(value) || (rule.integer && !Number.isInteger(value))) {
		report(
			ctx,
			field,
			value,
			`${field} ${showValue(value)} must be ${rule.integer ? 'an integer' : 'a number'}`,
		);
		return false;
	}
	if (
		(rule.min !== undefined && value < rule.min) ||
		(rule.max !== undefined && value > rule.max) ||
		(rule.positive && value <= 0)
	) {
		if (byModel) notSupported(ctx, field, value, describeRange(rule));
		else
			report(
				ctx,
				field,
				value,
				`${field} ${value} is out of range: allowed ${describeRange(rule)}`,
			);
		return false;
	}
	return true;
}

export function checkChoices(
	ctx: Context,
	field: string,
	value: unknown,
	choices: NumberChoices,
): void {
	if (!isNumber(value)) {
		report(ctx, field, value, `${field} ${showValue(value)} must be a number`);
	} else if (!fitsNumberChoices(choices, value)) {
		notSupported(ctx, field, value, describeNumberChoices(choices));
	}
}

export function checkOneOf(
	ctx: Context,
	field: string,
	value: unknown,
	allowed: readonly string[],
): void {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		report(
			ctx,
			field,
			value,
			`${field} ${showValue(value)} is not valid: allowed ${allowed.join(', ')}`,
		);
	}
}

export function checkText(
	ctx: Context,
	field: string,
	value: unknown,
	min?: number,
	max?: number,
): void {
	if (typeof value !== 'string') {
		report(ctx, field, value, `${field} must be text`);
		return;
	}
	if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
		const limits = describeRange({ min, max });
		const scope = ctx.model ? ` for ${modelLabel(ctx.model)}` : '';
		report(
			ctx,
			field,
			value,
			`${field} has ${value.length} character${value.length === 1 ? '' : 's'}: allowed ${limits} characters${scope}`,
		);
	}
}

/** The request's duration, else the model's default one. */
export function effectiveDuration({ request, model }: Context): number | undefined {
	return isNumber(request.duration) ? request.duration : defaultOf(model?.durations || undefined);
}
