/*
 * The rules of POST /v1/runwayml/videos/create, written from the seed
 * (`useapi-runway-videos-create.txt`, updated 2026-05-14) and nothing else: the emulator's own
 * statement of the API, so that a wrong rule in the node cannot also be the emulator's.
 */

/** The six ratios the seed names; a table's "all" means these. */
export const ALL_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'] as const;
const WIDE_TALL_SQUARE = ['16:9', '9:16', '1:1'];
const WIDE_TALL = ['16:9', '9:16'];
const FIVE_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'];

/** Field notes of the seed that hold for every model. */
export const COMMON = {
	maxUrlOrRefLength: 1024,
	seed: { min: 1, max: 4294967294 },
	maxJobs: { min: 1, max: 10 },
	shot: { minSeconds: 3, maxSeconds: 12, maxTotalSeconds: 15, maxPromptLength: 512, minShots: 2 },
	characterOrientations: ['image', 'video'],
} as const;

export const IMAGE_SLOTS = Array.from({ length: 11 }, (_, i) => `imageAssetId${i + 1}`);
export const VIDEO_SLOTS = ['videoAssetId', 'videoAssetId2', 'videoAssetId3'];
export const KEYFRAME_FIELDS = ['startFrameAssetId', 'endFrameAssetId'];
export const ASSET_FIELDS = [...IMAGE_SLOTS, ...VIDEO_SLOTS, ...KEYFRAME_FIELDS];

/** A set of whole seconds, a whole-second range, or not accepted (inherited / auto). */
export type Durations = readonly number[] | { min: number; max: number } | 'notAccepted';

export interface RunwayModelRules {
	durations: Durations;
	/** Undefined: the field is not accepted. */
	aspectRatios?: readonly string[];
	/** Gen-4.5: text-to-video takes only these. */
	textToVideoAspectRatios?: readonly string[];
	resolutions?: readonly string[];
	/** imageAssetId1..N; `required`: imageAssetId1 must be given. */
	images: { slots: number; required?: boolean };
	/** videoAssetId (and videoAssetId2/3 for 3 slots); `required`: videoAssetId must be given. */
	videos?: { slots: number; required?: boolean };
	/** Seedance: images + videos together. */
	combined?: { max: number; maxVideos: number };
	/** startFrameAssetId / endFrameAssetId: exclusive with references, or start frame combinable. */
	keyframes?: 'exclusiveWithReferences' | 'endFrameWithoutReferences';
	/** Kling O3 Edit Video: videoAssetId takes at most this many reference images. */
	editVideoMaxImages?: number;
	maxShots?: number;
	audio: boolean;
	seed: boolean;
	/** Undefined: text_prompt is not accepted. */
	prompt?: { required: boolean; max: number };
	exploreMode: boolean;
	characterOrientation?: boolean;
}

const KLING_O3: RunwayModelRules = {
	durations: [5, 10, 15],
	aspectRatios: WIDE_TALL_SQUARE,
	images: { slots: 7 },
	keyframes: 'endFrameWithoutReferences',
	maxShots: 6,
	audio: true,
	seed: false,
	prompt: { required: false, max: 2500 },
	exploreMode: true,
};
const KLING_O3_EDIT: RunwayModelRules = {
	...KLING_O3,
	videos: { slots: 1 },
	editVideoMaxImages: 4,
};
const KLING_30: RunwayModelRules = {
	durations: [5, 10, 15],
	aspectRatios: WIDE_TALL_SQUARE,
	images: { slots: 2 },
	maxShots: 5,
	audio: true,
	seed: false,
	prompt: { required: false, max: 2500 },
	exploreMode: true,
};
const SORA_2: RunwayModelRules = {
	durations: [4, 8, 12],
	aspectRatios: WIDE_TALL,
	images: { slots: 1 },
	audio: false,
	seed: false,
	prompt: { required: false, max: 1000 },
	exploreMode: true,
};
const GEN_4: RunwayModelRules = {
	durations: [5, 10],
	aspectRatios: ALL_RATIOS,
	resolutions: ['720p'],
	images: { slots: 1, required: true },
	audio: false,
	seed: true,
	prompt: { required: true, max: 1000 },
	exploreMode: true,
};

export const RUNWAY_MODELS: Readonly<Record<string, RunwayModelRules>> = {
	'seedance-2': {
		durations: { min: 4, max: 15 },
		aspectRatios: ALL_RATIOS,
		resolutions: ['480p', '720p', '1080p'],
		images: { slots: 11 },
		videos: { slots: 3 },
		combined: { max: 11, maxVideos: 3 },
		keyframes: 'exclusiveWithReferences',
		audio: true,
		seed: false,
		prompt: { required: false, max: 3500 },
		exploreMode: true,
	},
	'happyhorse-1.0': {
		durations: { min: 3, max: 15 },
		aspectRatios: FIVE_RATIOS,
		resolutions: ['720p', '1080p'],
		images: { slots: 1 },
		audio: false,
		seed: false,
		prompt: { required: false, max: 2500 },
		exploreMode: true,
	},
	'kling-o3-4k': KLING_O3,
	'kling-o3-pro': KLING_O3_EDIT,
	'kling-o3-standard': KLING_O3_EDIT,
	'kling-3.0-pro': KLING_30,
	'kling-3.0-standard': KLING_30,
	'kling-3.0-motion-control': {
		durations: 'notAccepted',
		resolutions: ['720p', '1080p'],
		images: { slots: 1, required: true },
		videos: { slots: 1, required: true },
		characterOrientation: true,
		audio: true,
		seed: false,
		prompt: { required: false, max: 2500 },
		exploreMode: true,
	},
	'kling-2.6-pro': {
		durations: [5, 10],
		aspectRatios: WIDE_TALL,
		images: { slots: 1 },
		audio: true,
		seed: false,
		prompt: { required: true, max: 2500 },
		exploreMode: true,
	},
	'kling-2.6-i2v': {
		durations: [5, 10],
		images: { slots: 1, required: true },
		audio: true,
		seed: false,
		prompt: { required: true, max: 2500 },
		exploreMode: true,
	},
	'wan-2.6-flash': {
		durations: [5, 10, 15],
		aspectRatios: WIDE_TALL_SQUARE,
		resolutions: ['720p', '1080p'],
		images: { slots: 1, required: true },
		audio: true,
		seed: false,
		prompt: { required: true, max: 1500 },
		exploreMode: true,
	},
	'wan-2.2-animate': {
		durations: 'notAccepted',
		aspectRatios: FIVE_RATIOS,
		images: { slots: 1, required: true },
		videos: { slots: 1, required: true },
		audio: false,
		seed: false,
		exploreMode: true,
	},
	'veo-3.1': {
		durations: [4, 6, 8],
		aspectRatios: WIDE_TALL,
		resolutions: ['720p', '1080p'],
		images: { slots: 2 },
		audio: true,
		seed: false,
		prompt: { required: false, max: 5000 },
		exploreMode: false,
	},
	'sora-2': SORA_2,
	'sora-2-pro': { ...SORA_2, resolutions: ['720p', '1080p'] },
	'gen4.5': {
		durations: { min: 2, max: 10 },
		aspectRatios: ALL_RATIOS,
		textToVideoAspectRatios: ['16:9'],
		// The table says 0–1 reference images; the imageAssetId2 note names Gen-4.5 among the end-frame models.
		images: { slots: 2 },
		audio: true,
		seed: true,
		prompt: { required: false, max: 5000 },
		exploreMode: true,
	},
	gen4: GEN_4,
	'gen4-turbo': GEN_4,
};

/** The default duration ("the first supported value for the model"), for the task's seconds. */
export function defaultSeconds(rules: RunwayModelRules | undefined): number | undefined {
	const durations = rules?.durations;
	if (durations === undefined || durations === 'notAccepted') return undefined;
	return 'min' in durations ? durations.min : durations[0];
}
