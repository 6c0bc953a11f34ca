import { z } from 'zod';

export const RUNWAY_IMAGE_SLOTS = [
	'imageAssetId1',
	'imageAssetId2',
	'imageAssetId3',
	'imageAssetId4',
	'imageAssetId5',
	'imageAssetId6',
	'imageAssetId7',
	'imageAssetId8',
	'imageAssetId9',
	'imageAssetId10',
	'imageAssetId11',
] as const;
export type RunwayImageSlot = (typeof RUNWAY_IMAGE_SLOTS)[number];

/** `@VID_1` refers to `videoAssetId`, `@VID_2` to `videoAssetId2`, `@VID_3` to `videoAssetId3`. */
export const RUNWAY_VIDEO_SLOTS = ['videoAssetId', 'videoAssetId2', 'videoAssetId3'] as const;
export type RunwayVideoSlot = (typeof RUNWAY_VIDEO_SLOTS)[number];

export const RUNWAY_KEYFRAME_FIELDS = ['startFrameAssetId', 'endFrameAssetId'] as const;
export type RunwayKeyframeField = (typeof RUNWAY_KEYFRAME_FIELDS)[number];

/** Every request field that takes an asset ID. */
export const RUNWAY_ASSET_FIELDS = [
	...RUNWAY_IMAGE_SLOTS,
	...RUNWAY_VIDEO_SLOTS,
	...RUNWAY_KEYFRAME_FIELDS,
] as const;
export type RunwayAssetField = (typeof RUNWAY_ASSET_FIELDS)[number];

export const RUNWAY_ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'] as const;
export const RUNWAY_RESOLUTIONS = ['480p', '720p', '1080p'] as const;
export const RUNWAY_CHARACTER_ORIENTATIONS = ['image', 'video'] as const;

const positiveInt = z.number().int().positive();
const count = z.number().int().min(0);
const text = z.string().min(1);
const aspectRatio = z.enum(RUNWAY_ASPECT_RATIOS);
const resolution = z.enum(RUNWAY_RESOLUTIONS);

function hasDuplicates(values: readonly unknown[]): boolean {
	return new Set(values).size !== values.length;
}

/** `reason` says why a field is refused; it ends up in validation messages. */
const notAccepted = z.object({ kind: z.literal('notAccepted'), reason: text.optional() });

const durationSchema = z
	.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('set'),
			values: z.array(positiveInt).nonempty(),
			default: positiveInt,
		}),
		z.object({
			kind: z.literal('range'),
			min: positiveInt,
			max: positiveInt,
			default: positiveInt,
		}),
		notAccepted,
		/** The model picks the length itself; a `duration` is refused. */
		z.object({ kind: z.literal('auto'), reason: text.optional() }),
	])
	.superRefine((duration, ctx) => {
		if (duration.kind === 'set' && duration.default !== duration.values[0]) {
			ctx.addIssue({ code: 'custom', message: 'default must be the first value of the set' });
		}
		if (
			duration.kind === 'range' &&
			(duration.min > duration.max || duration.default !== duration.min)
		) {
			ctx.addIssue({ code: 'custom', message: 'range needs min <= max and default = min' });
		}
	});

const aspectRatioSchema = z
	.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('values'),
			values: z.array(aspectRatio).nonempty(),
			/** Only where the API document gives text-to-video its own list (gen4.5: 16:9 only). */
			textToVideoValues: z.array(aspectRatio).nonempty().optional(),
		}),
		notAccepted,
	])
	.superRefine((ratios, ctx) => {
		if (ratios.kind !== 'values') return;
		const textToVideo = ratios.textToVideoValues ?? [];
		if (textToVideo.some((ratio) => !ratios.values.includes(ratio))) {
			ctx.addIssue({ code: 'custom', message: 'textToVideoValues must be a subset of values' });
		}
	});

const resolutionSchema = z
	.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('values'),
			values: z.array(resolution).nonempty(),
			default: resolution,
		}),
		notAccepted,
	])
	.superRefine((resolutions, ctx) => {
		if (resolutions.kind === 'values' && !resolutions.values.includes(resolutions.default)) {
			ctx.addIssue({ code: 'custom', message: 'default resolution must be one of the values' });
		}
	});

/** The maximum number of images is the number of slots. */
const imagesSchema = z.object({
	slots: z.array(z.enum(RUNWAY_IMAGE_SLOTS)),
	/** How many images are required (filled from the first slot on). */
	min: count,
	/** Set where `imageAssetId2` carries the end frame (gen4.5, kling-3.0-pro/standard, veo-3.1). */
	endFrameSlot: z.literal('imageAssetId2').optional(),
});

const videosSchema = z.object({
	slots: z.array(z.enum(RUNWAY_VIDEO_SLOTS)),
	min: count,
	/** Length limits of a reference video, informational: asset IDs carry no duration. */
	minSeconds: positiveInt.optional(),
	maxSeconds: positiveInt.optional(),
});

const multishotSchema = z.object({
	minShots: positiveInt,
	maxShots: positiveInt,
	shotSeconds: z.object({ min: positiveInt, max: positiveInt }),
	maxTotalSeconds: positiveInt,
	maxPromptLength: positiveInt,
	/** Kling O3: `@IMG_N` in a shot prompt binds imageAssetIdN to that shot. */
	shotBoundImages: z.boolean(),
});

const editVideoSchema = z.discriminatedUnion('supported', [
	z.object({
		supported: z.literal(true),
		maxReferenceImages: count,
		maxSourceSeconds: positiveInt,
	}),
	z.object({ supported: z.literal(false), reason: text }),
]);

const audioSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('toggle'), default: z.boolean(), note: text.optional() }),
	z.object({ kind: z.literal('alwaysOn') }),
	z.object({ kind: z.literal('none') }),
]);

const promptSchema = z
	.object({
		requirement: z.enum(['required', 'optional', 'unsupported']),
		maxLength: positiveInt.optional(),
	})
	.refine((prompt) => (prompt.requirement === 'unsupported') === (prompt.maxLength === undefined), {
		message: 'maxLength is given exactly when a prompt is accepted',
	});

export const runwayModelSchema = z
	.object({
		id: text,
		name: text,
		description: text,
		duration: durationSchema,
		aspectRatio: aspectRatioSchema,
		resolution: resolutionSchema,
		images: imagesSchema,
		videos: videosSchema,
		/** Seedance multi-reference mode: images + videos together. */
		combinedReferences: z.object({ max: positiveInt, maxVideos: count }).optional(),
		/**
		 * startFrameAssetId / endFrameAssetId. `exclusive`: no imageAssetIdN/videoAssetIdN with them
		 * (seedance-2); `startFrameOnly`: only the start frame combines with reference images (kling-o3-*).
		 */
		keyframes: z.object({ withReferences: z.enum(['exclusive', 'startFrameOnly']) }).optional(),
		multishot: multishotSchema.optional(),
		editVideo: editVideoSchema.optional(),
		characterOrientation: z
			.object({
				values: z.array(z.enum(RUNWAY_CHARACTER_ORIENTATIONS)).nonempty(),
				default: z.enum(RUNWAY_CHARACTER_ORIENTATIONS),
			})
			.optional(),
		audio: audioSchema,
		seed: z.boolean(),
		prompt: promptSchema,
		/** Highest N of `@IMG_N` / `@VID_N` a prompt may use; absent: prompts carry no references. */
		promptReferences: z.object({ images: count, videos: count }).optional(),
		exploreMode: z.boolean(),
	})
	.strict()
	.superRefine((model, ctx) => {
		const problems: string[] = [];
		if (hasDuplicates(model.images.slots)) problems.push('duplicate image slots');
		if (hasDuplicates(model.videos.slots)) problems.push('duplicate video slots');
		if (model.images.min > model.images.slots.length) problems.push('images.min exceeds slots');
		if (model.videos.min > model.videos.slots.length) problems.push('videos.min exceeds slots');
		const endFrameSlot = model.images.endFrameSlot;
		if (endFrameSlot && !model.images.slots.includes(endFrameSlot)) {
			problems.push('endFrameSlot is not an image slot');
		}
		const references = model.promptReferences;
		if (references && references.images > model.images.slots.length) {
			problems.push('promptReferences.images exceeds image slots');
		}
		if (references && references.videos > model.videos.slots.length) {
			problems.push('promptReferences.videos exceeds video slots');
		}
		if (model.multishot && model.multishot.minShots > model.multishot.maxShots) {
			problems.push('multishot minShots exceeds maxShots');
		}
		if (model.editVideo?.supported && !model.videos.slots.includes('videoAssetId')) {
			problems.push('Edit Video needs the videoAssetId slot');
		}
		const orientation = model.characterOrientation;
		if (orientation && !orientation.values.includes(orientation.default)) {
			problems.push('characterOrientation default is not one of its values');
		}
		for (const message of problems) ctx.addIssue({ code: 'custom', message });
	});

export type RunwayModelInput = z.input<typeof runwayModelSchema>;
export type RunwayModel = z.output<typeof runwayModelSchema>;
export type RunwayAspectRatio = (typeof RUNWAY_ASPECT_RATIOS)[number];
export type RunwayResolution = (typeof RUNWAY_RESOLUTIONS)[number];
