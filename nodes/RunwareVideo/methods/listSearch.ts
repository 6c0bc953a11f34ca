import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	providerDisplayName,
	runwareModels,
	type RunwareModel,
} from '../../shared/providers/runware/catalogue';
import { FEATURED_RUNWARE_MODELS } from '../description/featured';

function label(model: RunwareModel): string {
	const legacy = model.legacy ? ', legacy' : '';
	return `${providerDisplayName(model.provider)} · ${model.name} (${model.air}${legacy})`;
}

/** The featured models first (in their order), then by provider, current before legacy, and name. */
const featuredRank = (model: RunwareModel): number => {
	const rank = FEATURED_RUNWARE_MODELS.indexOf(model.air);
	return rank === -1 ? FEATURED_RUNWARE_MODELS.length : rank;
};
const sortedModels = [...runwareModels].sort(
	(a, b) =>
		featuredRank(a) - featuredRank(b) ||
		providerDisplayName(a.provider).localeCompare(providerDisplayName(b.provider)) ||
		Number(a.legacy ?? false) - Number(b.legacy ?? false) ||
		a.name.localeCompare(b.name, undefined, { numeric: true }),
);

/**
 * The catalogue's models, the most used first, then grouped by provider (each name starts with it). Every word of the filter
 * must appear in the provider, name or AIR. Models outside the catalogue are entered by AIR.
 */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const results = sortedModels
		.map((model) => ({ model, name: label(model) }))
		.filter(({ name }) => words.every((word) => name.toLowerCase().includes(word)))
		.map(({ model, name }) => ({ name, value: model.air }));
	return { results };
}
