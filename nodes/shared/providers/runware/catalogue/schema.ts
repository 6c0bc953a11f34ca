import { z } from 'zod';

import { isRunwareRequestField, runwareMediaFields, type RunwareRequestField } from '../body';
import { fitsNumberChoices, type NumberChoices } from './choices';

/**
 * Capability encoding, the same for every field:
 * - `undefined`: unknown. The node shows the field and only the API document's generic checks apply.
 * - `false` (or a media maximum of 0): the model does not take the field.
 * - a value: the documented constraint.
 */

/** `providerSettings` keys; the catalogue requires an entry's key to equal its AIR prefix. */
export const runwareProviderKeys = [
	'alibaba',
	'bria',
	'bytedance',
	'creatify',
	'google',
	'heygen',
	'klingai',
	'lightricks',
	'luma',
	'lumaai',
	'minimax',
	'openai',
	'pixverse',
	'prunaai',
	'runware',
	'runway',
	'skywork',
	'sync',
	'veed',
	'vidu',
	'xai',
] as const;

export const providerKeySchema = z.enum(runwareProviderKeys);
export type RunwareProviderKey = z.infer<typeof providerKeySchema>;

/** t2v text, i2v frame images, r2v reference images, v2v video input, audio-driven (lip-sync, avatars). */
export const runwareVideoModes = ['t2v', 'i2v', 'r2v', 'v2v', 'audio-driven'] as const;

const defaultInChoices = (choices: NumberChoices) =>
	choices.default === undefined || fitsNumberChoices(choices, choices.default);

const numberListSchema = z
	.object({ values: z.array(z.number()).min(1), default: z.number().optional() })
	.strict()
	.refine(defaultInChoices, 'default must be one of the values');

const numberRangeSchema = z
	.object({
		min: z.number(),
		max: z.number(),
		step: z.number().positive().optional(),
		default: z.number().optional(),
	})
	.strict()
	.refine((range) => range.min <= range.max, 'min must not exceed max')
	.refine(defaultInChoices, 'default must lie in the range');

const numberChoicesSchema = z.union([numberListSchema, numberRangeSchema]);

const rangeOrNotAcceptedSchema = z.union([z.literal(false), numberRangeSchema]);

/** `"1280x720"` in the data, `{ width: 1280, height: 720 }` once parsed. */
const dimensionPairSchema = z
	.string()
	.regex(/^[1-9]\d*x[1-9]\d*$/, 'dimension pairs are written WIDTHxHEIGHT, e.g. 1280x720')
	.transform((pair) => {
		const [width, height] = pair.split('x').map(Number);
		return { width, height };
	});

export type DimensionPair = z.output<typeof dimensionPairSchema>;

const samePair = (a: DimensionPair, b: DimensionPair) =>
	a.width === b.width && a.height === b.height;

const dimensionsSchema = z.union([
	z.literal(false),
	z
		.object({
			/** Allowed width x height pairs; omitted when the sizes are unknown. */
			pairs: z.array(dimensionPairSchema).min(1).optional(),
			/** `withoutFrameImages`: exactly one of frame images or width/height (or resolution). */
			required: z.enum(['always', 'withoutFrameImages']).optional(),
			/** The model derives the size from the frame image and rejects width/height with one. */
			withFrameImages: z.literal('forbidden').optional(),
			/** Durations that only some sizes allow, e.g. Vidu 1.5's 8 s at 720p only. */
			durationsOnlyAt: z
				.array(
					z
						.object({
							durations: z.array(z.number().positive()).min(1),
							pairs: z.array(dimensionPairSchema).min(1),
						})
						.strict(),
				)
				.min(1)
				.optional(),
		})
		.strict()
		.refine(
			(dims) =>
				dims.durationsOnlyAt === undefined ||
				(dims.pairs !== undefined &&
					dims.durationsOnlyAt.every((limit) =>
						limit.pairs.every((pair) => dims.pairs?.some((known) => samePair(known, pair))),
					)),
			'durationsOnlyAt may only name sizes listed in pairs',
		),
]);

const lengthLimitsSchema = z
	.object({
		min: z.number().int().nonnegative().optional(),
		max: z.number().int().positive().optional(),
	})
	.strict();

const promptSchema = z.union([z.literal(false), lengthLimitsSchema]);

/** The document and section that say so. */
const sourceSchema = z.string().min(1);

/**
 * The API document requires positivePrompt and duration of every request; a model does without one only
 * where a document says so, and the entry names that statement.
 */
const seedExemptionsSchema = z
	.object({
		/** The prompt may be left out when a frame image is given. */
		positivePromptWithFrameImages: sourceSchema.optional(),
		/** The length comes from the model's inputs (e.g. the audio), so no duration is needed. */
		duration: sourceSchema.optional(),
	})
	.strict();

const speechSchema = z.union([
	z.literal(false),
	z
		.object({
			voices: z.array(z.string()).min(1).optional(),
			maxTextLength: z.number().int().positive().optional(),
		})
		.strict(),
]);

const requirableInputSchema = z.enum([...runwareMediaFields, 'speech']);

const requestFieldSchema = z.custom<RunwareRequestField>(
	(value) => typeof value === 'string' && isRunwareRequestField(value),
	'not a videoInference request field',
);

/** Maximum number of items; 0 means the model does not take the field. */
const mediaMaxSchema = z.number().int().nonnegative().optional();

export const runwareModelSchema = z
	.object({
		air: z
			.string()
			.regex(/^[a-z0-9-]+:[a-z0-9.-]+@[a-z0-9.-]+$/, 'AIR must read provider:id@version'),
		name: z.string().min(1),
		provider: providerKeySchema,
		/** Not in the current Runware registry (older docs or client lists only). */
		legacy: z.boolean().optional(),
		/**
		 * The Runware page the entry was checked against: a model page's slug
		 * (`https://runware.ai/docs/models/<slug>`) or a model's section of a provider page,
		 * `providers/<provider>#<anchor>` (`https://runware.ai/docs/en/providers/<provider>#<anchor>`).
		 * Absent: no page was found, and the facts the entry leaves unknown stay unknown (shown).
		 */
		page: z
			.string()
			.regex(
				/^(?:[a-z0-9-]+|providers\/[a-z]+#[a-z0-9-]+)$/,
				'a docs slug, or providers/<provider>#<anchor>',
			)
			.optional(),
		/** `flat`: 2025 API document fields (`frameImages[].inputImage`); `nested`: `inputs.*` ("Flat (2025) vs nested inputs"). */
		inputShape: z.enum(['flat', 'nested']),
		/** Where the nested shape puts single-purpose inputs; defaults to the flat field names. */
		nestedInputKeys: z
			.object({
				referenceImages: z.enum(['referenceImages', 'image']).optional(),
				referenceVideos: z.enum(['referenceVideos', 'video']).optional(),
				inputAudios: z.enum(['audio', 'audios', 'referenceAudios']).optional(),
			})
			.strict()
			.optional(),
		modes: z.array(z.enum(runwareVideoModes)).min(1).optional(),
		durations: z.union([z.literal(false), numberChoicesSchema]).optional(),
		dimensions: dimensionsSchema.optional(),
		resolutions: z
			.union([
				z.literal(false),
				z
					.object({ values: z.array(z.string()).min(1), default: z.string().optional() })
					.strict()
					.refine((r) => r.default === undefined || r.values.includes(r.default)),
			])
			.optional(),
		fps: z.union([z.literal(false), numberChoicesSchema]).optional(),
		prompt: promptSchema.optional(),
		seedExemptions: seedExemptionsSchema.optional(),
		negativePrompt: z.union([z.literal(false), lengthLimitsSchema]).optional(),
		/** `first`: one image, first frame; `first-last`: up to two; `numeric`: any frame index. */
		frameImages: z.union([z.literal(false), z.enum(['first', 'first-last', 'numeric'])]).optional(),
		referenceImages: mediaMaxSchema,
		referenceVideos: mediaMaxSchema,
		inputAudios: mediaMaxSchema,
		/** Each inner list: at least one of these inputs must be given. */
		requiredInputs: z.array(z.array(requirableInputSchema).min(1)).min(1).optional(),
		speech: speechSchema.optional(),
		seed: z.boolean().optional(),
		CFGScale: rangeOrNotAcceptedSchema.optional(),
		steps: rangeOrNotAcceptedSchema.optional(),
		lora: z.boolean().optional(),
		acceleration: z.boolean().optional(),
		/** Accepted `providerSettings.<provider>` field names; undefined = every described field. */
		providerSettings: z.union([z.literal(false), z.array(z.string()).min(1)]).optional(),
		/** Pairs of request fields that must not be sent together. */
		conflicts: z
			.array(z.tuple([requestFieldSchema, requestFieldSchema]))
			.min(1)
			.optional(),
		/** Pairs of request fields: the first is only accepted together with the second. */
		dependencies: z
			.array(z.tuple([requestFieldSchema, requestFieldSchema]))
			.min(1)
			.optional(),
		/** With reference videos, at most this many reference images. */
		maxReferenceImagesWithVideos: z.number().int().nonnegative().optional(),
	})
	.strict()
	.refine((model) => model.air.split(':')[0] === model.provider, {
		message: 'provider must equal the AIR prefix (the providerSettings key)',
		path: ['provider'],
	})
	.refine(
		(model) =>
			!model.dimensions ||
			!model.durations ||
			(model.dimensions.durationsOnlyAt ?? []).every((limit) =>
				limit.durations.every((duration) =>
					fitsNumberChoices(model.durations as NumberChoices, duration),
				),
			),
		{ message: 'durationsOnlyAt may only name allowed durations', path: ['dimensions'] },
	)
	.refine((model) => model.nestedInputKeys === undefined || model.inputShape === 'nested', {
		message: 'nestedInputKeys only applies to the nested input shape',
		path: ['nestedInputKeys'],
	});

export type RunwareModelInput = z.input<typeof runwareModelSchema>;
export type RunwareModel = z.output<typeof runwareModelSchema>;
export type RunwareVideoMode = (typeof runwareVideoModes)[number];

export const providerSettingFieldSchema = z
	.object({
		name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
		label: z.string().min(1),
		/** `json`: an object or array the user writes as JSON (nested or ambiguous shapes). */
		type: z.enum(['boolean', 'number', 'string', 'options', 'json']),
		options: z.array(z.string()).min(1).optional(),
		/** Value range for numbers, length range for strings. */
		min: z.number().optional(),
		max: z.number().optional(),
		default: z.union([z.boolean(), z.number(), z.string()]).optional(),
		description: z.string().min(1),
		/** Fields that must not be sent together with this one. */
		exclusiveWith: z.array(z.string()).min(1).optional(),
		/** Only valid with at least one frame image. */
		requiresFrameImages: z.boolean().optional(),
		/** Only valid for text-to-video (no frame images). */
		textToVideoOnly: z.boolean().optional(),
		/** Only valid for these durations. */
		onlyForDurations: z.array(z.number().positive()).min(1).optional(),
	})
	.strict()
	.refine((field) => (field.type === 'options') === (field.options !== undefined), {
		message: 'options are required for, and only for, type options',
	})
	.refine(
		(field) =>
			field.default === undefined ||
			(field.type === 'options'
				? field.options?.includes(String(field.default))
				: typeof field.default === field.type),
		{ message: 'default must match the field type' },
	);

export const providerSettingsFieldsSchema = z.record(
	providerKeySchema,
	z.array(providerSettingFieldSchema).min(1),
);

export type ProviderSettingFieldInput = z.input<typeof providerSettingFieldSchema>;
export type ProviderSettingField = z.output<typeof providerSettingFieldSchema>;
