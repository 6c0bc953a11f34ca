import type { INodeProperties } from 'n8n-workflow';

import {
	acceptedProviderSettings,
	providerDisplayName,
	providerSettingsFields,
	type ProviderSettingField,
	type RunwareProviderKey,
} from '../../shared/providers/runware/catalogue';
import {
	hiddenForOtherProviders,
	hiddenUnlessAccepted,
	hiddenWhen,
	mergeHideRules,
} from './visibility';

function typeOptionsOf(field: ProviderSettingField): INodeProperties['typeOptions'] {
	if (field.type === 'number') {
		return {
			...(field.min !== undefined ? { minValue: field.min } : {}),
			...(field.max !== undefined ? { maxValue: field.max } : {}),
		};
	}
	return field.type === 'string' ? { rows: 2 } : undefined;
}

function defaultOf(field: ProviderSettingField): INodeProperties['default'] {
	if (field.default !== undefined) return field.default;
	switch (field.type) {
		case 'boolean':
			return true;
		case 'number':
			return field.min ?? 0;
		case 'options':
			return field.options?.[0] ?? '';
		case 'json':
			return '{}';
		default:
			return '';
	}
}

/** One provider setting as a node parameter; shown only for models that take it. */
function settingProperty(
	provider: RunwareProviderKey,
	field: ProviderSettingField,
): INodeProperties {
	const property: INodeProperties = {
		displayName: field.label,
		name: field.name,
		type: field.type,
		default: defaultOf(field),
		description: field.description,
		displayOptions: mergeHideRules(
			hiddenWhen(
				(model) =>
					model.provider === provider &&
					!acceptedProviderSettings(model).some((accepted) => accepted.name === field.name),
			),
		),
	};
	const typeOptions = typeOptionsOf(field);
	if (typeOptions) property.typeOptions = typeOptions;
	if (field.type === 'options') {
		property.options = (field.options ?? []).map((value) => ({ name: value, value }));
	}
	return property;
}

/** `providerSettings.<provider>`, one group per provider, each field as the catalogue describes it. */
export const providerSettingsProperty: INodeProperties = {
	displayName: 'Provider Settings',
	name: 'providerSettings',
	type: 'collection',
	placeholder: 'Add Provider',
	default: {},
	description: "Settings of the model's provider; only the chosen model's provider applies",
	displayOptions: mergeHideRules(hiddenUnlessAccepted('providerSettings')),
	options: (Object.keys(providerSettingsFields) as RunwareProviderKey[])
		.sort((a, b) => providerDisplayName(a).localeCompare(providerDisplayName(b)))
		.map((provider) => ({
			displayName: providerDisplayName(provider),
			name: provider,
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			displayOptions: mergeHideRules(hiddenForOtherProviders(provider)),
			options: (providerSettingsFields[provider] ?? [])
				.map((field) => settingProperty(provider, field))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		})),
};
