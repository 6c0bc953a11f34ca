import {
	acceptedProviderSettings,
	modelLabel,
	providerDisplayName,
	providerSettingsFieldsOf,
	type ProviderSettingField,
	type RunwareModel,
} from '../catalogue';
import { isPlainObject, isSet } from '../body';
import {
	checkNumber,
	checkOneOf,
	checkText,
	effectiveDuration,
	report,
	type Context,
} from './checks';

function checkSettingValue(
	ctx: Context,
	path: string,
	field: ProviderSettingField,
	value: unknown,
): void {
	switch (field.type) {
		case 'boolean':
			if (typeof value !== 'boolean') report(ctx, path, value, `${path} must be true or false`);
			break;
		case 'number':
			checkNumber(ctx, path, value, { min: field.min, max: field.max });
			break;
		case 'string':
			checkText(ctx, path, value, field.min, field.max);
			break;
		case 'options':
			checkOneOf(ctx, path, value, field.options ?? []);
			break;
		case 'json':
			break;
	}
}

function checkSettingConditions(
	ctx: Context,
	path: string,
	field: ProviderSettingField,
	settings: Record<string, unknown>,
): void {
	const hasFrames = isSet(ctx.request.frameImages);
	for (const other of field.exclusiveWith ?? []) {
		// Each exclusive pair is reported once, on the field named first alphabetically.
		if (isSet(settings[other]) && field.name < other) {
			report(
				ctx,
				path,
				settings[field.name],
				`${path} and ${path.replace(/[^.]+$/, other)} cannot be used together`,
			);
		}
	}
	if (field.requiresFrameImages && !hasFrames) {
		report(ctx, path, settings[field.name], `${path} needs at least one frame image`);
	}
	if (field.textToVideoOnly && hasFrames) {
		report(
			ctx,
			path,
			settings[field.name],
			`${path} only works for text-to-video: remove the frame images or this setting`,
		);
	}
	const duration = effectiveDuration(ctx);
	if (
		field.onlyForDurations &&
		duration !== undefined &&
		!field.onlyForDurations.includes(duration)
	) {
		report(
			ctx,
			path,
			settings[field.name],
			`${path} only works with duration ${field.onlyForDurations.join(', ')}; duration is ${duration}`,
		);
	}
}

/** Settings go under the model's own provider, and only those its catalogue entry describes. */
export function checkProviderSettings(ctx: Context, model: RunwareModel): void {
	const all = ctx.request.providerSettings;
	if (!isSet(all) || !isPlainObject(all) || model.providerSettings === false) return;
	const label = modelLabel(model);
	for (const [provider, settings] of Object.entries(all)) {
		if (!isSet(settings)) continue;
		if (provider !== model.provider) {
			report(
				ctx,
				`providerSettings.${provider}`,
				settings,
				`providerSettings.${provider} is not accepted by ${label}: its provider settings go in providerSettings.${model.provider}`,
			);
			continue;
		}
		const described = providerSettingsFieldsOf(model);
		if (!isPlainObject(settings) || described.length === 0) continue;
		const accepted = acceptedProviderSettings(model);
		for (const [name, value] of Object.entries(settings)) {
			if (!isSet(value)) continue;
			const path = `providerSettings.${provider}.${name}`;
			const field = accepted.find((candidate) => candidate.name === name);
			if (!field) {
				const known = described.some((candidate) => candidate.name === name);
				const allowed = accepted.map((candidate) => candidate.name).join(', ') || 'none';
				report(
					ctx,
					path,
					value,
					`${path} is ${known ? `not accepted by ${label}` : `not a ${providerDisplayName(model.provider)} setting`}: allowed ${allowed}`,
				);
				continue;
			}
			checkSettingValue(ctx, path, field, value);
			checkSettingConditions(ctx, path, field, settings);
		}
	}
}
