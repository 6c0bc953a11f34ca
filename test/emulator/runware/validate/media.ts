import { isRecord } from '../../http';
import type { RunwareModelRules } from '../rules';
import type { MediaField as RunwareMediaField } from '../rules/apiDocument';
import type { RunwareError } from '../errors';
import { codeFor } from '../errors';
import type { Check, CheckContext } from './check';
import { fail, show, unsupportedParameter } from './check';

type MediaKind = 'image' | 'video' | 'audio';

interface MediaItem {
	/** Where the value sits, e.g. `frameImages[0].inputImage` or `inputs.referenceImages[1]`. */
	parameter: string;
	value: unknown;
	frame?: unknown;
}

type MediaView = Record<RunwareMediaField, MediaItem[]>;

const KIND: Record<RunwareMediaField, MediaKind> = {
	frameImages: 'image',
	referenceImages: 'image',
	referenceVideos: 'video',
	inputAudios: 'audio',
};

/** Nested keys that carry each media field; the first is the default name. */
const NESTED_KEYS: Record<RunwareMediaField, readonly string[]> = {
	frameImages: ['frameImages'],
	referenceImages: ['referenceImages', 'image'],
	referenceVideos: ['referenceVideos', 'video'],
	inputAudios: ['audios', 'audio', 'referenceAudios'],
};

/** Other `inputs.*` keys of reference "Flat (2025) vs nested inputs", passed through unchecked. */
const OTHER_NESTED_KEYS = [
	'mask',
	'frame',
	'background',
	'avatar',
	'draftId',
	'videoId',
	'elements',
	'references',
	'speech',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_URI = /^data:([a-z]+)\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+={0,2}$/i;
const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;

function asList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [value];
}

/** Items of one nested key: strings, `{image|video}` objects, or `{images:[…]}` groups. */
function nestedItems(key: string, value: unknown): MediaItem[] {
	return asList(value).flatMap((item, index): MediaItem[] => {
		const parameter = Array.isArray(value) ? `inputs.${key}[${index}]` : `inputs.${key}`;
		if (!isRecord(item)) return [{ parameter, value: item }];
		if (Array.isArray(item.images)) {
			return item.images.map((image, inner) => ({
				parameter: `${parameter}.images[${inner}]`,
				value: image,
			}));
		}
		const media = item.image ?? item.video ?? item.audio;
		return [{ parameter, value: media, frame: item.frame ?? item.timestamp }];
	});
}

function flatItems(field: RunwareMediaField, value: unknown): MediaItem[] {
	return asList(value).map((item, index) => {
		if (field === 'frameImages' && isRecord(item)) {
			return {
				parameter: `frameImages[${index}].inputImage`,
				value: item.inputImage,
				frame: item.frame,
			};
		}
		return { parameter: `${field}[${index}]`, value: item };
	});
}

/** The key the model wants a nested field under ("Model discovery": `inputs.image` for some models). */
function wantedNestedKey(ctx: CheckContext, field: RunwareMediaField): string | undefined {
	return field === 'referenceImages'
		? ctx.rules.entry?.nestedInputKeys?.referenceImages
		: undefined;
}

const FRAME_COUNTS = { first: 1, 'first-last': 2, numeric: undefined } as const;

/** Most items the model takes in a media field; undefined when the documents do not say. */
function maxMediaCount(entry: RunwareModelRules, field: RunwareMediaField): number | undefined {
	if (field !== 'frameImages') return entry.maxMedia?.[field];
	return entry.frameImages === false
		? 0
		: entry.frameImages === undefined
			? undefined
			: FRAME_COUNTS[entry.frameImages];
}

/** Gathers flat and nested media into one view, refusing shapes the model does not take. */
function readMedia(ctx: CheckContext): MediaView | RunwareError {
	const view: MediaView = {
		frameImages: [],
		referenceImages: [],
		referenceVideos: [],
		inputAudios: [],
	};
	const inputs = isRecord(ctx.task.inputs) ? ctx.task.inputs : {};
	const nestedOnly = ctx.rules.entry?.nestedOnly === true;
	const allNested = new Set<string>([...Object.values(NESTED_KEYS).flat(), ...OTHER_NESTED_KEYS]);
	const strayKey = Object.keys(inputs).find((key) => !allNested.has(key));
	if (strayKey) return unsupportedParameter(ctx, `inputs.${strayKey}`);
	for (const field of Object.keys(NESTED_KEYS) as RunwareMediaField[]) {
		const flat = ctx.task[field];
		const wanted = wantedNestedKey(ctx, field);
		const nestedKeys = NESTED_KEYS[field].filter((key) => inputs[key] !== undefined);
		const refusedKey = wanted ? nestedKeys.find((key) => key !== wanted) : undefined;
		if (refusedKey) {
			return unsupportedParameter(ctx, `inputs.${refusedKey}`, `send it as inputs.${wanted}`);
		}
		if (flat !== undefined && nestedOnly) {
			return unsupportedParameter(
				ctx,
				field,
				`send it as inputs.${wanted ?? NESTED_KEYS[field][0]}`,
			);
		}
		if (flat !== undefined && nestedKeys.length > 0) {
			return fail(
				ctx,
				'incompatibleParameters',
				`Send ${field} either flat or in inputs, not both.`,
				{
					parameter: [field, `inputs.${nestedKeys[0]}`],
				},
			);
		}
		view[field] =
			flat !== undefined
				? flatItems(field, flat)
				: nestedKeys.flatMap((key) => nestedItems(key, inputs[key]));
	}
	return view;
}

function mediaValueError(
	ctx: CheckContext,
	field: RunwareMediaField,
	item: MediaItem,
): RunwareError | undefined {
	const { value, parameter } = item;
	const invalid = (why: string) =>
		fail(ctx, codeFor('invalid', field), `Invalid value for ${parameter}: ${why}.`, { parameter });
	if (typeof value !== 'string' || value === '') {
		return invalid('a media UUID, data URI, base64 string or URL is required');
	}
	if (UUID.test(value)) {
		return ctx.media(value) ? undefined : invalid(`${value} is not a known media UUID`);
	}
	const dataUri = DATA_URI.exec(value);
	if (dataUri) {
		return dataUri[1].toLowerCase() === KIND[field]
			? undefined
			: invalid(`a data URI of type ${KIND[field]}/* is expected`);
	}
	if (/^https?:\/\//i.test(value))
		return URL.canParse(value) ? undefined : invalid('not a valid URL');
	return BASE64.test(value)
		? undefined
		: invalid('not a media UUID, data URI, base64 string or URL');
}

function framePositionError(ctx: CheckContext, item: MediaItem): RunwareError | undefined {
	const { frame } = item;
	if (frame === undefined || frame === 'first' || frame === 'last') return undefined;
	if (typeof frame === 'number' && Number.isInteger(frame) && frame >= 0) {
		const duration = typeof ctx.task.duration === 'number' ? ctx.task.duration : undefined;
		const fps = typeof ctx.task.fps === 'number' ? ctx.task.fps : 24;
		if (duration === undefined || frame < duration * fps) return undefined;
	}
	return fail(
		ctx,
		'invalidFrameImages',
		`Invalid frame position ${show(frame)}: use "first", "last" or a frame number below duration × fps.`,
		{ parameter: item.parameter.replace(/\.inputImage$/, '.frame') },
	);
}

/** What the model's frameImages rule allows (`first`, `first-last`, `numeric`). */
function frameRuleError(ctx: CheckContext, items: MediaItem[]): RunwareError | undefined {
	const rule = ctx.rules.entry?.frameImages;
	if (rule === undefined || rule === 'numeric' || items.length === 0) return undefined;
	if (rule === false) return unsupportedParameter(ctx, 'frameImages');
	const allowed = rule === 'first' ? ['first', 0] : ['first', 'last', 0];
	const bad = items.find(
		(item) => item.frame !== undefined && !allowed.includes(item.frame as never),
	);
	if (!bad) return undefined;
	return fail(
		ctx,
		'unsupportedFrameImages',
		`Model ${ctx.rules.air} only takes ${rule === 'first' ? 'a first frame' : 'first and last frames'}.`,
		{ parameter: bad.parameter, allowedValues: allowed.filter((value) => value !== 0) },
	);
}

function countError(
	ctx: CheckContext,
	field: RunwareMediaField,
	items: MediaItem[],
): RunwareError | undefined {
	const entry = ctx.rules.entry;
	const max = entry ? maxMediaCount(entry, field) : undefined;
	if (max === undefined || items.length <= max) return undefined;
	if (max === 0) return unsupportedParameter(ctx, field);
	return fail(
		ctx,
		codeFor('unsupported', field),
		`Model ${ctx.rules.air} takes at most ${max} ${field}; ${items.length} were sent.`,
		{ parameter: field },
	);
}

function requiredInputsError(ctx: CheckContext, view: MediaView): RunwareError | undefined {
	const groups = ctx.rules.entry?.requiredInputs ?? [];
	const given = (input: string) =>
		input === 'speech'
			? ctx.task.speech !== undefined
			: view[input as RunwareMediaField].length > 0;
	const missing = groups.find((group) => !group.some(given));
	if (!missing) return undefined;
	return fail(
		ctx,
		missing.length === 1 ? codeFor('missing', missing[0]) : 'missingInputs',
		`Model ${ctx.rules.air} requires ${missing.join(' or ')}.`,
		{ parameter: missing.length === 1 ? missing[0] : [...missing] },
	);
}

/** Whether a field (top-level, or `inputs.<key>`) is in the task. */
function present(task: Record<string, unknown>, field: string): boolean {
	const [, nested] = /^inputs\.(.+)$/.exec(field) ?? [];
	const value =
		nested === undefined ? task[field] : isRecord(task.inputs) ? task.inputs[nested] : undefined;
	return value !== undefined && value !== null;
}

/** Fields that need a media input, and what a video input rules out (Kling VIDEO 3.0 / O3 pages). */
function combinationError(ctx: CheckContext, view: MediaView): RunwareError | undefined {
	const entry = ctx.rules.entry;
	const missing = entry?.needs?.find(
		([field, media]) => present(ctx.task, field) && view[media].length === 0,
	);
	if (missing) {
		return fail(
			ctx,
			codeFor('missing', missing[1]),
			`${missing[0]} needs ${missing[1]} with model ${ctx.rules.air}.`,
			{
				parameter: [missing[0], missing[1]],
			},
		);
	}
	const withVideo = entry?.withVideo;
	if (!withVideo || view.referenceVideos.length === 0) return undefined;
	const refused = withVideo.refuses.find((field) => present(ctx.task, field));
	if (refused) {
		return fail(
			ctx,
			'incompatibleParameters',
			`${refused} cannot be sent with a video input to model ${ctx.rules.air}.`,
			{
				parameter: [refused, 'referenceVideos'],
			},
		);
	}
	if (view.referenceImages.length <= withVideo.maxReferenceImages) return undefined;
	return fail(
		ctx,
		'unsupportedReferenceImages',
		`Model ${ctx.rules.air} takes at most ${withVideo.maxReferenceImages} referenceImages with a video input; ${view.referenceImages.length} were sent.`,
		{ parameter: 'referenceImages' },
	);
}

/** Media fields: shape (flat or nested `inputs`), values, frame positions, counts, requirements. */
export const mediaCheck: Check = (ctx) => {
	const view = readMedia(ctx);
	if (!('frameImages' in view)) return view;
	for (const field of Object.keys(view) as RunwareMediaField[]) {
		for (const item of view[field]) {
			const error =
				mediaValueError(ctx, field, item) ??
				(field === 'frameImages' ? framePositionError(ctx, item) : undefined);
			if (error) return error;
		}
		const error =
			(field === 'frameImages' ? frameRuleError(ctx, view[field]) : undefined) ??
			countError(ctx, field, view[field]);
		if (error) return error;
	}
	return requiredInputsError(ctx, view) ?? combinationError(ctx, view);
};

/** Whether the task carries any frame image (flat or nested). */
export function hasFrameImages(task: Record<string, unknown>): boolean {
	const inputs = isRecord(task.inputs) ? task.inputs : {};
	const present = (value: unknown) =>
		Array.isArray(value) ? value.length > 0 : value !== undefined;
	return present(task.frameImages) || present(inputs.frameImages);
}
