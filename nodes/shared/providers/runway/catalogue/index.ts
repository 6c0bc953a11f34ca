import type { RunwayCreateField } from '../body';
import { acceptsField } from './capabilities';
import { runwayModelEntries } from './models';
import { runwayModelSchema, type RunwayModel } from './schema';

/** Parses every entry; throws naming the first bad entry or a duplicate model ID. */
export function parseRunwayCatalogue(entries: readonly unknown[]): RunwayModel[] {
	const models = entries.map((entry, index) => {
		const parsed = runwayModelSchema.safeParse(entry);
		if (!parsed.success) {
			const problems = parsed.error.issues
				.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`)
				.join('; ');
			const id = typeof entry === 'object' && entry !== null && 'id' in entry ? entry.id : '?';
			throw new Error(
				`Runway catalogue entry #${index + 1} (${String(id)}) is invalid: ${problems}`,
			);
		}
		return parsed.data;
	});
	const ids = models.map((model) => model.id);
	const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
	if (duplicate !== undefined) {
		throw new Error(`Runway catalogue lists model "${duplicate}" twice`);
	}
	return models;
}

/** The models of POST /v1/runwayml/videos/create, validated when the module loads. */
export const runwayModels: readonly RunwayModel[] = parseRunwayCatalogue(runwayModelEntries);

export function findRunwayModel(id: string): RunwayModel | undefined {
	return runwayModels.find((model) => model.id === id);
}

/** IDs of the models that take the field, for messages such as "seed: only gen4.5, gen4, …". */
export function modelsAccepting(field: RunwayCreateField): string[] {
	return runwayModels.filter((model) => acceptsField(model, field)).map((model) => model.id);
}

export {
	acceptsField,
	aspectRatioChoices,
	durationChoices,
	imageSlots,
	isImageSlot,
	isVideoSlot,
	refusalReason,
	resolutionChoices,
	videoSlots,
	type RunwayGenerationMode,
} from './capabilities';
export {
	RUNWAY_ASPECT_RATIOS,
	RUNWAY_ASSET_FIELDS,
	RUNWAY_CHARACTER_ORIENTATIONS,
	RUNWAY_IMAGE_SLOTS,
	RUNWAY_KEYFRAME_FIELDS,
	RUNWAY_RESOLUTIONS,
	RUNWAY_VIDEO_SLOTS,
	type RunwayAspectRatio,
	type RunwayAssetField,
	type RunwayImageSlot,
	type RunwayKeyframeField,
	type RunwayModel,
	type RunwayResolution,
	type RunwayVideoSlot,
} from './schema';
