import {
	findRunwareModel,
	providerDisplayName,
	runwareModels,
	type RunwareModel,
} from '../../shared/providers/runware/catalogue';

/** A new node's model: current, inexpensive and text-to-video, so a fresh node runs once given a prompt. */
export const DEFAULT_RUNWARE_MODEL = 'google:veo@3.1-lite';

/** The models most users reach for, listed first, in this order. */
export const FEATURED_RUNWARE_MODELS: readonly string[] = [
	DEFAULT_RUNWARE_MODEL,
	'google:3@3',
	'google:3@2',
	'klingai:kling-video@3-standard',
	'bytedance:seedance@2.0-fast',
	'minimax:4@2',
	'openai:3@1',
	'alibaba:wan@2.6',
	'lightricks:2@1',
	'pixverse:1@5',
];

/** The model's name without its provider ("Veo 3.1" for Google Veo 3.1), unless only a version would remain. */
export function shortModelName(model: RunwareModel): string {
	const prefix = `${providerDisplayName(model.provider)} `;
	const rest = model.name.slice(prefix.length);
	return model.name.startsWith(prefix) && /^\p{L}/u.test(rest) ? rest : model.name;
}

export const runwareModelNames: Readonly<Record<string, string>> = Object.fromEntries(
	runwareModels.map((model) => [model.air, shortModelName(model)]),
);

export function defaultModelName(): string {
	const model = findRunwareModel(DEFAULT_RUNWARE_MODEL);
	return model ? model.name : DEFAULT_RUNWARE_MODEL;
}
