import { runwareRequestFields, type RunwareMediaField, type RunwareRequestField } from '../body';
import type { NumberChoices } from './choices';
import { providerSettingsFields, runwareProviderNames } from './providers';
import type {
	DimensionPair,
	ProviderSettingField,
	RunwareModel,
	RunwareProviderKey,
} from './schema';

/** `KlingAI 2.1 Pro (klingai:5@2)`, the way messages name a model. */
export function modelLabel(model: RunwareModel): string {
	return model.name === model.air ? model.air : `${model.name} (${model.air})`;
}

/** Address of the Runware page an entry was checked against; undefined when none was found. */
export function modelPageUrl(model: RunwareModel): string | undefined {
	if (!model.page) return undefined;
	return model.page.startsWith('providers/')
		? `https://runware.ai/docs/en/${model.page}`
		: `https://runware.ai/docs/models/${model.page}`;
}

export function providerDisplayName(provider: RunwareProviderKey): string {
	return runwareProviderNames[provider];
}

/** Allowed durations in seconds; undefined when unknown or not accepted (see `acceptsField`). */
export function durationChoices(model: RunwareModel): NumberChoices | undefined {
	return model.durations || undefined;
}

/** Allowed frame rates; undefined when unknown or not accepted. */
export function fpsChoices(model: RunwareModel): NumberChoices | undefined {
	return model.fps || undefined;
}

/** Allowed `resolution` strings; undefined when unknown or not accepted. */
export function resolutionChoices(
	model: RunwareModel,
): { values: readonly string[]; default?: string } | undefined {
	return model.resolutions || undefined;
}

/** Allowed width x height pairs; undefined when the sizes are unknown or not accepted. */
export function dimensionChoices(model: RunwareModel): readonly DimensionPair[] | undefined {
	return model.dimensions ? model.dimensions.pairs : undefined;
}

export function formatDimensionPair(pair: DimensionPair): string {
	return `${pair.width}x${pair.height}`;
}

const capabilityOf: Partial<Record<RunwareRequestField, (model: RunwareModel) => unknown>> = {
	positivePrompt: (model) => model.prompt,
	negativePrompt: (model) => model.negativePrompt,
	duration: (model) => model.durations,
	width: (model) => model.dimensions,
	height: (model) => model.dimensions,
	resolution: (model) => model.resolutions,
	fps: (model) => model.fps,
	frameImages: (model) => model.frameImages,
	referenceImages: (model) => model.referenceImages,
	referenceVideos: (model) => model.referenceVideos,
	inputAudios: (model) => model.inputAudios,
	speech: (model) => model.speech,
	seed: (model) => model.seed,
	CFGScale: (model) => model.CFGScale,
	steps: (model) => model.steps,
	lora: (model) => model.lora,
	acceleration: (model) => model.acceleration,
	providerSettings: (model) => model.providerSettings,
};

/**
 * Whether the model takes a request field. Unknown capabilities count as accepted, so the node
 * shows the field and the API stays the judge.
 */
export function acceptsField(model: RunwareModel, field: RunwareRequestField): boolean {
	const capability = capabilityOf[field]?.(model);
	return capability !== false && capability !== 0;
}

const refusedByModel = new WeakMap<RunwareModel, readonly RunwareRequestField[]>();

/** The request fields the model does not take, in request order (worked out once per model). */
export function refusedFields(model: RunwareModel): readonly RunwareRequestField[] {
	let refused = refusedByModel.get(model);
	if (!refused) {
		refused = runwareRequestFields.filter((field) => !acceptsField(model, field));
		refusedByModel.set(model, refused);
	}
	return refused;
}

/** Most items the model takes for a media field; undefined when unknown. */
export function maxMediaCount(model: RunwareModel, field: RunwareMediaField): number | undefined {
	switch (field) {
		case 'frameImages':
			if (model.frameImages === false) return 0;
			if (model.frameImages === 'first') return 1;
			return model.frameImages === 'first-last' ? 2 : undefined;
		default:
			return model[field];
	}
}

/** Every described `providerSettings` field of the model's provider. */
export function providerSettingsFieldsOf(model: RunwareModel): readonly ProviderSettingField[] {
	return providerSettingsFields[model.provider] ?? [];
}

/** The `providerSettings.<provider>` fields the model takes, described for UI generation. */
export function acceptedProviderSettings(model: RunwareModel): readonly ProviderSettingField[] {
	const accepted = model.providerSettings;
	if (accepted === false) return [];
	const fields = providerSettingsFieldsOf(model);
	return accepted === undefined ? fields : fields.filter((field) => accepted.includes(field.name));
}
