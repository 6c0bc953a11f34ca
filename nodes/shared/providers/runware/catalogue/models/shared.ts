import type { RunwareModelInput, RunwareProviderKey } from '../schema';

/**
 * A model the reference documents no limits for: nested shape (every model accepts it, "Flat (2025) vs nested inputs") and
 * every capability unknown. The provider is the AIR prefix; the catalogue parse rejects unknown ones.
 */
export const plainModel = (air: string, name: string): RunwareModelInput => ({
	air,
	name,
	provider: air.split(':')[0] as RunwareProviderKey,
	inputShape: 'nested',
});

/** bifrost (schema-derived): models that take one image in inputs.image, never a frame image. */
export const imageDrivenModel = (air: string, name: string): RunwareModelInput => ({
	...plainModel(air, name),
	nestedInputKeys: { referenceImages: 'image' },
	frameImages: false,
	referenceImages: 1,
});

/** Lip-sync and video-editing models; ComfyUI sends them no dimensions. */
export const videoDrivenModel = (
	air: string,
	name: string,
	modes: RunwareModelInput['modes'],
): RunwareModelInput => ({
	...plainModel(air, name),
	modes,
	dimensions: false,
});

/** Model pages: "`resolution` cannot be used with `width/height`". */
export const RESOLUTION_OR_SIZE: RunwareModelInput['conflicts'] = [
	['resolution', 'width'],
	['resolution', 'height'],
];

/**
 * A model's section of a Runware provider page (docs 2025-10, `runware.ai/docs/en/providers/<provider>`),
 * which lists what the model takes: prompt, negative prompt, CFG scale, sizes, frame rate, durations,
 * frame images, reference images, input audios, speech and the provider-specific parameters it
 * supports. A field the section does not list, the model does not take. The seed is a field of every
 * videoInference request unless the section says "No seed support".
 */
export const providerPageSection = (provider: RunwareProviderKey, anchor: string) =>
	({
		page: `providers/${provider}#${anchor}`,
		negativePrompt: false,
		CFGScale: false,
		steps: false,
		resolutions: false,
		seed: true,
		referenceImages: 0,
		referenceVideos: 0,
		inputAudios: 0,
		speech: false,
		providerSettings: false,
	}) as const satisfies Partial<RunwareModelInput>;
