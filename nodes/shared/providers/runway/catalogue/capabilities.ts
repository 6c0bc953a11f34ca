import type { RunwayCreateField } from '../body';
import {
	RUNWAY_IMAGE_SLOTS,
	RUNWAY_VIDEO_SLOTS,
	type RunwayAspectRatio,
	type RunwayImageSlot,
	type RunwayModel,
	type RunwayResolution,
	type RunwayVideoSlot,
} from './schema';

/** Image-to-video as soon as any image (a slot or a start frame) is supplied. */
export type RunwayGenerationMode = 'textToVideo' | 'imageToVideo';

export function isImageSlot(field: string): field is RunwayImageSlot {
	return (RUNWAY_IMAGE_SLOTS as readonly string[]).includes(field);
}

export function isVideoSlot(field: string): field is RunwayVideoSlot {
	return (RUNWAY_VIDEO_SLOTS as readonly string[]).includes(field);
}

/** Every duration the model accepts, ranges expanded to whole seconds; empty when refused. */
export function durationChoices(model: RunwayModel): number[] {
	const { duration } = model;
	if (duration.kind === 'set') return [...duration.values];
	if (duration.kind === 'range') {
		return Array.from({ length: duration.max - duration.min + 1 }, (_, i) => duration.min + i);
	}
	return [];
}

/** Without a mode: every ratio the model accepts in any mode. */
export function aspectRatioChoices(
	model: RunwayModel,
	mode?: RunwayGenerationMode,
): readonly RunwayAspectRatio[] {
	const { aspectRatio } = model;
	if (aspectRatio.kind !== 'values') return [];
	if (mode === 'textToVideo' && aspectRatio.textToVideoValues) {
		return aspectRatio.textToVideoValues;
	}
	return aspectRatio.values;
}

export function resolutionChoices(model: RunwayModel): readonly RunwayResolution[] {
	return model.resolution.kind === 'values' ? model.resolution.values : [];
}

export function imageSlots(model: RunwayModel): readonly RunwayImageSlot[] {
	return model.images.slots;
}

export function videoSlots(model: RunwayModel): readonly RunwayVideoSlot[] {
	return model.videos.slots;
}

const always = (): boolean => true;

const fieldAcceptance: Record<
	Exclude<RunwayCreateField, RunwayImageSlot | RunwayVideoSlot>,
	(model: RunwayModel) => boolean
> = {
	text_prompt: (model) => model.prompt.requirement !== 'unsupported',
	duration: (model) => model.duration.kind === 'set' || model.duration.kind === 'range',
	aspect_ratio: (model) => model.aspectRatio.kind === 'values',
	resolution: (model) => model.resolution.kind === 'values',
	audio: (model) => model.audio.kind === 'toggle',
	seed: (model) => model.seed,
	startFrameAssetId: (model) => model.keyframes !== undefined,
	endFrameAssetId: (model) => model.keyframes !== undefined,
	characterOrientation: (model) => model.characterOrientation !== undefined,
	shots: (model) => model.multishot !== undefined,
	exploreMode: (model) => model.exploreMode,
	email: always,
	replyUrl: always,
	replyRef: always,
	maxJobs: always,
};

/** Whether the model takes the field at all (what the editor shows). */
export function acceptsField(model: RunwayModel, field: RunwayCreateField): boolean {
	if (isImageSlot(field)) return model.images.slots.includes(field);
	if (isVideoSlot(field)) return model.videos.slots.includes(field);
	return fieldAcceptance[field](model);
}

/** Why the catalogue refuses a field for this model, where it says. */
export function refusalReason(model: RunwayModel, field: RunwayCreateField): string | undefined {
	switch (field) {
		case 'duration':
			return model.duration.kind === 'notAccepted' || model.duration.kind === 'auto'
				? model.duration.reason
				: undefined;
		case 'aspect_ratio':
			return model.aspectRatio.kind === 'notAccepted' ? model.aspectRatio.reason : undefined;
		case 'resolution':
			return model.resolution.kind === 'notAccepted' ? model.resolution.reason : undefined;
		case 'audio':
			return model.audio.kind === 'alwaysOn' ? 'its audio is always on' : undefined;
		case 'exploreMode':
			return model.exploreMode ? undefined : 'it has no explore mode';
		case 'videoAssetId':
			return model.editVideo?.supported === false ? model.editVideo.reason : undefined;
		default:
			return undefined;
	}
}
