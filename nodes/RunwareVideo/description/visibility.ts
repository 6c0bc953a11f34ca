import type { IDisplayOptions } from 'n8n-workflow';

import {
	acceptsField,
	runwareModels,
	type RunwareModel,
	type RunwareProviderKey,
} from '../../shared/providers/runware/catalogue';
import { runwareProviderKeys } from '../../shared/providers/runware/catalogue/schema';
import type { RunwareRequestField } from '../../shared/providers/runware/body';

type HideRules = NonNullable<IDisplayOptions['hide']>;

/**
 * Display rules are `hide` lists of catalogued AIRs, never `show` lists: a model typed by hand that
 * the catalogue does not know shows every field. n8n compares a resource locator by its `value`.
 */
export function hideForModels(airs: readonly string[]): HideRules {
	return airs.length > 0 ? { '/model': [...airs] } : {};
}

/** Hides a field for the catalogued models that do not take request field `field`. */
export function hiddenUnlessAccepted(field: RunwareRequestField): HideRules {
	return hideForModels(
		runwareModels.filter((model) => !acceptsField(model, field)).map((model) => model.air),
	);
}

/** Hides a field for the catalogued models of which `rejects` is true. */
export function hiddenWhen(rejects: (model: RunwareModel) => boolean): HideRules {
	return hideForModels(runwareModels.filter(rejects).map((model) => model.air));
}

/** Hides a provider's settings for every model of another provider (its AIR prefix), known or not. */
export function hiddenForOtherProviders(provider: RunwareProviderKey): HideRules {
	return {
		'/model': runwareProviderKeys
			.filter((key) => key !== provider)
			.map((key) => ({ _cnd: { startsWith: `${key}:` } })),
	};
}

/** Joins hide rules: a field is hidden when any of them matches. */
export function mergeHideRules(...rules: HideRules[]): IDisplayOptions | undefined {
	const merged: HideRules = {};
	for (const rule of rules) {
		for (const [key, values] of Object.entries(rule)) {
			merged[key] = [...(merged[key] ?? []), ...(values ?? [])];
		}
	}
	return Object.keys(merged).length > 0 ? { hide: merged } : undefined;
}
