import type { INodeProperties } from 'n8n-workflow';

import { runwayModels, type RunwayModel } from '../../shared/providers/runway/catalogue';

/**
 * Builds a field from the catalogue: `variant` says what the field looks like for a model (undefined: the model
 * does not take it), and models whose variants are equal share one property shown for exactly them. n8n allows
 * several properties of one name as long as one at most is displayed.
 */
export function perModel(
	variant: (model: RunwayModel) => INodeProperties | undefined,
): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; models: string[] }>();
	for (const model of runwayModels) {
		const property = variant(model);
		if (!property) continue;
		const key = JSON.stringify(property);
		const group = groups.get(key) ?? { property, models: [] };
		group.models.push(model.id);
		groups.set(key, group);
	}
	return [...groups.values()].map(({ property, models }) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, model: models },
		},
	}));
}
