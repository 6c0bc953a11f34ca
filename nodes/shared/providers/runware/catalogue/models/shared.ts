import type { RunwareModelInput, RunwareProviderKey } from '../schema';

/**
 * A model the reference documents no limits for: nested shape (every model accepts it, §12) and
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
