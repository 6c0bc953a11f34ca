import {
	acceptedProviderSettings,
	providerSettingsFieldsOf,
	type ProviderSettingField,
} from '../../../../nodes/shared/providers/runware/catalogue';
import { runwareProviderKeys } from '../../../../nodes/shared/providers/runware/catalogue/schema';
import { isRecord } from '../../http';
import type { RunwareError } from '../errors';
import type { Check, CheckContext } from './check';
import { fail, show, unsupportedParameter } from './check';
import { hasFrameImages } from './media';

function settingValueError(
	ctx: CheckContext,
	parameter: string,
	field: ProviderSettingField,
	value: unknown,
): RunwareError | undefined {
	const invalid = (why: string, allowedValues?: unknown[]) =>
		fail(ctx, 'invalidProviderSettings', `Invalid value for ${parameter}: ${why}.`, {
			parameter,
			allowedValues,
		});
	switch (field.type) {
		case 'boolean':
			return typeof value === 'boolean' ? undefined : invalid('must be a boolean');
		case 'number':
			if (typeof value !== 'number') return invalid('must be a number');
			if (
				(field.min !== undefined && value < field.min) ||
				(field.max !== undefined && value > field.max)
			) {
				return invalid(`must be between ${field.min ?? '-∞'} and ${field.max ?? '∞'}`);
			}
			return undefined;
		case 'options':
			return field.options?.includes(value as string)
				? undefined
				: invalid(`${show(value)} is not allowed`, field.options ? [...field.options] : undefined);
		case 'string':
			return typeof value === 'string' ? undefined : invalid('must be a string');
		default:
			return undefined;
	}
}

/** `providerSettings.<provider>`: the key must be the model's provider; fields and values checked. */
export const providerSettingsCheck: Check = (ctx) => {
	const settings = ctx.task.providerSettings;
	if (!isRecord(settings)) return undefined;
	const provider = ctx.rules.entry?.provider ?? ctx.rules.air.split(':')[0];
	for (const [key, inner] of Object.entries(settings)) {
		if (!(runwareProviderKeys as readonly string[]).includes(key)) {
			return fail(
				ctx,
				'unknownProviderSettingsProvider',
				`Unknown providerSettings provider ${show(key)}.`,
				{
					parameter: `providerSettings.${key}`,
				},
			);
		}
		if (key !== provider) {
			return fail(
				ctx,
				'mismatchProviderSettingsProvider',
				`providerSettings.${key} does not match the provider of model ${ctx.rules.air} (${provider}).`,
				{ parameter: `providerSettings.${key}`, allowedValues: [provider] },
			);
		}
		if (!isRecord(inner)) {
			return fail(ctx, 'invalidProviderSettings', `providerSettings.${key} must be an object.`, {
				parameter: `providerSettings.${key}`,
			});
		}
		const error = providerFieldsError(ctx, key, inner);
		if (error) return error;
	}
	return undefined;
};

function providerFieldsError(
	ctx: CheckContext,
	provider: string,
	values: Record<string, unknown>,
): RunwareError | undefined {
	const entry = ctx.rules.entry;
	if (!entry || providerSettingsFieldsOf(entry).length === 0) return undefined;
	const accepted = acceptedProviderSettings(entry);
	for (const [name, value] of Object.entries(values)) {
		const parameter = `providerSettings.${provider}.${name}`;
		const field = accepted.find((candidate) => candidate.name === name);
		if (!field) return unsupportedParameter(ctx, parameter);
		const error = settingValueError(ctx, parameter, field, value);
		if (error) return error;
		const clash = field.exclusiveWith?.find((other) => values[other] !== undefined);
		if (clash) {
			return fail(ctx, 'incompatibleParameters', `${parameter} cannot be combined with ${clash}.`, {
				parameter: [parameter, `providerSettings.${provider}.${clash}`],
			});
		}
		if (field.requiresFrameImages && !hasFrameImages(ctx.task)) {
			return fail(ctx, 'missingFrameImages', `${parameter} needs at least one frame image.`, {
				parameter,
			});
		}
	}
	return undefined;
}
