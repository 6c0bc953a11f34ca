import { isRecord } from '../../http';
import {
	PROVIDER_KEYS,
	PROVIDER_SETTINGS,
	type ProviderSettingField,
} from '../rules/providerSettings';
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
		case 'any':
			return undefined;
	}
}

/** `providerSettings.<provider>`: the key must be the model's provider; fields and values checked. */
export const providerSettingsCheck: Check = (ctx) => {
	const settings = ctx.task.providerSettings;
	if (!isRecord(settings)) return undefined;
	const { provider } = ctx.rules;
	for (const [key, inner] of Object.entries(settings)) {
		if (!PROVIDER_KEYS.includes(key)) {
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
	const described = PROVIDER_SETTINGS[provider];
	if (!described) return undefined;
	const narrowed = ctx.rules.entry?.providerSettings;
	for (const [name, value] of Object.entries(values)) {
		const parameter = `providerSettings.${provider}.${name}`;
		const field = described[name];
		if (!field || (narrowed && !narrowed.includes(name)))
			return unsupportedParameter(ctx, parameter);
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
