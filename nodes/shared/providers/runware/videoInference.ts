import type { RunwareModel } from './catalogue';
import {
	compact,
	isSet,
	runwareMediaFields,
	runwareRequestFields,
	type RunwareFrameImage,
	type RunwareMediaField,
	type RunwareVideoRequest,
} from './request';

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
