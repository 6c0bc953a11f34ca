import { isJsonObject } from '../../json';
import type { RunwareModel } from './catalogue';
import type { RunwareMediaKind } from './storage';

/**
 * The normalized, API-level videoInference request a node builds from its parameters. Media strings
 * are a UUID, URL, data URI or base64 (or a node's binary placeholder until it resolves the file). Only `model` is mandatory: every other
 * field is sent only when it is set (see `isSet`).
 */

export type RunwareFramePosition = 'first' | 'last' | number;

export interface RunwareFrameImage {
	image: string;
	/** Omitted: the API distributes the images (1 → first, 2 → first + last, 3+ → evenly). */
	frame?: RunwareFramePosition;
}

export interface RunwareSpeech {
	voice?: string;
	text?: string;
}

export type RunwareSafetyMode = 'none' | 'fast' | 'full';

export interface RunwareSafety {
	checkContent?: boolean;
	mode?: RunwareSafetyMode;
}

export interface RunwareLora {
	model: string;
	weight?: number;
}

export interface RunwareAdvancedFeatures {
	watermark?: unknown;
	[feature: string]: unknown;
}

export type RunwareOutputFormat = 'MP4' | 'WEBM' | 'MOV';
export type RunwareAcceleration = 'none' | 'low' | 'medium' | 'high';

export interface RunwareVideoRequest {
	/** AIR identifier, `provider:id@version`. */
	model: string;
	positivePrompt?: string;
	negativePrompt?: string;
	duration?: number;
	width?: number;
	height?: number;
	resolution?: string;
	fps?: number;
	steps?: number;
	seed?: number;
	CFGScale?: number;
	numberResults?: number;
	outputFormat?: RunwareOutputFormat;
	outputQuality?: number;
	outputType?: 'URL';
	ttl?: number;
	includeCost?: boolean;
	acceleration?: RunwareAcceleration;
	uploadEndpoint?: string;
	webhookURL?: string;
	frameImages?: RunwareFrameImage[];
	referenceImages?: string[];
	referenceVideos?: string[];
	inputAudios?: string[];
	speech?: RunwareSpeech;
	safety?: RunwareSafety;
	lora?: RunwareLora[];
	advancedFeatures?: RunwareAdvancedFeatures;
	acceleratorOptions?: Record<string, unknown>;
	/** Keyed by provider (`klingai`, `google`, …), each holding that provider's settings. */
	providerSettings?: Record<string, Record<string, unknown>>;
	/** Generic settings object of the newer models (`audio`, `draft`, `promptUpsampling`, …). */
	settings?: Record<string, unknown>;
}

export type RunwareRequestField = keyof RunwareVideoRequest;

// A record, so that the compiler insists on every request field being listed.
const requestFieldFlags: Record<RunwareRequestField, true> = {
	model: true,
	positivePrompt: true,
	negativePrompt: true,
	duration: true,
	width: true,
	height: true,
	resolution: true,
	fps: true,
	steps: true,
	seed: true,
	CFGScale: true,
	numberResults: true,
	outputFormat: true,
	outputQuality: true,
	outputType: true,
	ttl: true,
	includeCost: true,
	acceleration: true,
	uploadEndpoint: true,
	webhookURL: true,
	frameImages: true,
	referenceImages: true,
	referenceVideos: true,
	inputAudios: true,
	speech: true,
	safety: true,
	lora: true,
	advancedFeatures: true,
	acceleratorOptions: true,
	providerSettings: true,
	settings: true,
};

/** Every request field, in the order the task builder sends them. */
export const runwareRequestFields = Object.keys(
	requestFieldFlags,
) as readonly RunwareRequestField[];

export function isRunwareRequestField(name: string): name is RunwareRequestField {
	return (runwareRequestFields as readonly string[]).includes(name);
}

/** Request fields that carry media, in the flat naming of the API document. */
export const runwareMediaFields = [
	'frameImages',
	'referenceImages',
	'referenceVideos',
	'inputAudios',
] as const satisfies readonly RunwareRequestField[];

export type RunwareMediaField = (typeof runwareMediaFields)[number];

/** The kind of file each media field takes. */
export const runwareMediaFieldKinds: Record<RunwareMediaField, RunwareMediaKind> = {
	frameImages: 'image',
	referenceImages: 'image',
	referenceVideos: 'video',
	inputAudios: 'audio',
};

/** Where a media value sits in the request, as messages name it: `frameImages[0].image`, `inputAudios[1]`. */
export function runwareMediaPath(field: RunwareMediaField, index: number): string {
	return field === 'frameImages' ? `frameImages[${index}].image` : `${field}[${index}]`;
}

const BINARY_PLACEHOLDER_PREFIX = 'binary:';

/** What a node puts in a media field for a file of its input item until the file is resolved (after validation). */
export function binaryMediaPlaceholder(propertyName: string): string {
	return `${BINARY_PLACEHOLDER_PREFIX}${propertyName}`;
}

export function isBinaryMediaPlaceholder(value: string): boolean {
	return value.startsWith(BINARY_PLACEHOLDER_PREFIX);
}

/** A JSON object of the request's values (the validation modules' name for it). */
export const isPlainObject: (value: unknown) => value is Record<string, unknown> = isJsonObject;

/**
 * Whether a value counts as set by the user. `undefined`, `null`, empty strings, empty arrays and
 * objects without any set member are unset: they are neither validated nor sent.
 */
export function isSet(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (isPlainObject(value)) return Object.values(value).some(isSet);
	return true;
}

const UNSET = Symbol('unset');

/** A copy of a set value without its unset members; UNSET when the value itself is unset (see `isSet`). */
function compactSet(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return UNSET;
	if (Array.isArray(value)) return value.length > 0 ? compactList(value) : UNSET;
	if (!isPlainObject(value)) return value;
	let result: Record<string, unknown> | undefined;
	for (const key of Object.keys(value)) {
		const member = compactSet(value[key]);
		if (member !== UNSET) (result ??= {})[key] = member;
	}
	return result ?? UNSET;
}

function compactList(values: readonly unknown[]): unknown[] {
	const result: unknown[] = [];
	for (const value of values) {
		const item = compactSet(value);
		if (item !== UNSET) result.push(item);
	}
	return result;
}

/** A copy without unset members (recursively inside plain objects and arrays). */
export function compact<T>(value: T): T {
	if (Array.isArray(value)) return compactList(value) as T;
	if (!isPlainObject(value)) return value;
	const result = compactSet(value);
	return (result === UNSET ? {} : result) as T;
}

type NestedKey = NonNullable<RunwareModel['nestedInputKeys']>[Exclude<
	RunwareMediaField,
	'frameImages'
>];

/** Nested `inputs` keys holding a single value rather than a list. */
const SINGLE_VALUE_KEYS: ReadonlySet<NestedKey> = new Set<NestedKey>(['image', 'video', 'audio']);

// ComfyUI (Runware's own) sends one audio as inputs.audio; sdk-python also types it as a string.
const DEFAULT_NESTED_KEYS = {
	referenceImages: 'referenceImages',
	referenceVideos: 'referenceVideos',
	inputAudios: 'audio',
} as const satisfies Record<Exclude<RunwareMediaField, 'frameImages'>, NestedKey>;

const isMediaField = (field: string): field is RunwareMediaField =>
	(runwareMediaFields as readonly string[]).includes(field);

/** Frame images without `frame` keep it omitted, so the API distributes them (a rule of the API document). */
function frameImageItems(items: RunwareFrameImage[], imageKey: 'inputImage' | 'image') {
	return items
		.filter((item) => isSet(item?.image))
		.map((item) =>
			item.frame === undefined
				? { [imageKey]: item.image }
				: { [imageKey]: item.image, frame: item.frame },
		);
}

function nestedInputs(request: RunwareVideoRequest, model: RunwareModel): Record<string, unknown> {
	const inputs: Record<string, unknown> = {};
	if (isSet(request.frameImages)) {
		inputs.frameImages = frameImageItems(request.frameImages ?? [], 'image');
	}
	for (const field of ['referenceImages', 'referenceVideos', 'inputAudios'] as const) {
		const values = compact(request[field] ?? []);
		if (values.length === 0) continue;
		const key = model.nestedInputKeys?.[field] ?? DEFAULT_NESTED_KEYS[field];
		inputs[key] = SINGLE_VALUE_KEYS.has(key) && values.length === 1 ? values[0] : values;
	}
	return inputs;
}

/**
 * The `videoInference` task sent to Runware: only the fields the request sets, never a default.
 * Media go flat (the API document's shape, also for models the catalogue does not know) or under `inputs` when
 * the model takes the nested shape.
 */
export function buildVideoInferenceTask(
	request: RunwareVideoRequest,
	taskUUID: string,
	model?: RunwareModel,
): Record<string, unknown> {
	const task: Record<string, unknown> = {
		taskType: 'videoInference',
		taskUUID,
		deliveryMethod: 'async',
	};
	const nested = model?.inputShape === 'nested';
	for (const field of runwareRequestFields) {
		const value = request[field];
		if (value === undefined || !isSet(value) || (nested && isMediaField(field))) continue;
		task[field] =
			field === 'frameImages'
				? frameImageItems(request.frameImages ?? [], 'inputImage')
				: compact(value);
	}
	if (nested && model) {
		const inputs = nestedInputs(request, model);
		if (isSet(inputs)) task.inputs = inputs;
	}
	return task;
}
