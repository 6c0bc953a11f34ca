import {
	acceptsField,
	describeNumberChoices,
	dimensionChoices,
	formatDimensionPair,
	modelLabel,
	type RunwareModel,
} from '../catalogue';
import { isSet, type RunwareRequestField } from '../body';
import {
	checkChoices,
	checkNumber,
	checkOneOf,
	checkText,
	describeRange,
	isNumber,
	notSupported,
	report,
	type Context,
	type NumberRule,
} from './checks';
import { API_LIMITS } from './apiLimits';

function checkDurationGiven(ctx: Context): void {
	const { request, model } = ctx;
	if (isSet(request.duration) || model?.durations === false || model?.seedExemptions?.duration)
		return;
	const durations = model?.durations || undefined;
	const allowed = durations
		? describeNumberChoices(durations)
		: describeRange(model ? { positive: true } : API_LIMITS.duration);
	report(ctx, 'duration', undefined, `duration is required: allowed ${allowed} (seconds)`);
}

/** The API document's number rules, built once. */
const RULES = {
	outputQuality: { integer: true, ...API_LIMITS.outputQuality },
	numberResults: { integer: true, ...API_LIMITS.numberResults },
	seed: { integer: true, ...API_LIMITS.seed },
	ttl: { integer: true, min: API_LIMITS.ttlMin },
	fps: { integer: true, ...API_LIMITS.fps },
	steps: { integer: true, ...API_LIMITS.steps },
	CFGScale: API_LIMITS.CFGScale,
	positive: { positive: true },
	size: { integer: true, min: 1 },
	duration: API_LIMITS.duration,
	width: { integer: true, ...API_LIMITS.width },
	height: { integer: true, ...API_LIMITS.height },
} satisfies Record<string, NumberRule>;

function checkSetNumber(ctx: Context, field: RunwareRequestField, rule: NumberRule): void {
	if (isSet(ctx.request[field])) checkNumber(ctx, field, ctx.request[field], rule);
}

/** Numbers with the API document's ranges; width, height and duration ranges only without a model. */
function checkNumbers(ctx: Context): void {
	const { request, model } = ctx;
	checkSetNumber(ctx, 'outputQuality', RULES.outputQuality);
	checkSetNumber(ctx, 'numberResults', RULES.numberResults);
	checkSetNumber(ctx, 'seed', RULES.seed);
	checkSetNumber(ctx, 'ttl', RULES.ttl);
	if (!model?.fps) checkSetNumber(ctx, 'fps', RULES.fps);
	if (!model?.steps) checkSetNumber(ctx, 'steps', RULES.steps);
	if (!model?.CFGScale) checkSetNumber(ctx, 'CFGScale', RULES.CFGScale);
	if (model) {
		if (!model.durations) checkSetNumber(ctx, 'duration', RULES.positive);
		if (!dimensionChoices(model)) {
			checkSetNumber(ctx, 'width', RULES.size);
			checkSetNumber(ctx, 'height', RULES.size);
		}
		return;
	}
	checkSetNumber(ctx, 'duration', RULES.duration);
	for (const field of ['width', 'height'] as const) {
		if (
			isSet(request[field]) &&
			checkNumber(ctx, field, request[field], RULES[field]) &&
			(request[field] as number) % API_LIMITS.dimensionMultiple !== 0
		) {
			report(
				ctx,
				field,
				request[field],
				`${field} ${String(request[field])} must be a multiple of ${API_LIMITS.dimensionMultiple}`,
			);
		}
	}
}

function checkChoiceFields(ctx: Context): void {
	const { request } = ctx;
	if (isSet(request.outputType))
		checkOneOf(ctx, 'outputType', request.outputType, API_LIMITS.outputTypes);
	if (isSet(request.outputFormat))
		checkOneOf(ctx, 'outputFormat', request.outputFormat, API_LIMITS.outputFormats);
	if (isSet(request.acceleration))
		checkOneOf(ctx, 'acceleration', request.acceleration, API_LIMITS.accelerations);
	if (isSet(request.safety?.mode))
		checkOneOf(ctx, 'safety.mode', request.safety?.mode, API_LIMITS.safetyModes);
	if (isSet(request.resolution) && typeof request.resolution !== 'string') {
		report(ctx, 'resolution', request.resolution, 'resolution must be text, e.g. 1080p');
	}
}

/** The API document's limits on the video's settings (duration, numbers, choices), valid for every model. */
export function checkSettings(ctx: Context): void {
	checkDurationGiven(ctx);
	checkNumbers(ctx);
	checkChoiceFields(ctx);
}

function checkDimensions(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	const dims = model.dimensions;
	if (!dims) return;
	const hasWidth = isSet(request.width);
	const hasHeight = isSet(request.height);
	if (hasWidth !== hasHeight) {
		const missing = hasWidth ? 'height' : 'width';
		report(
			ctx,
			missing,
			undefined,
			`width and height must be set together for ${modelLabel(model)}`,
		);
	}
	const hasFrames = isSet(request.frameImages);
	if (hasFrames && dims.withFrameImages === 'forbidden' && (hasWidth || hasHeight)) {
		report(
			ctx,
			hasWidth ? 'width' : 'height',
			hasWidth ? request.width : request.height,
			`width and height must not be sent to ${modelLabel(model)} with frame images: the size comes from the first frame`,
		);
	}
	const sized = hasWidth || hasHeight || isSet(request.resolution);
	if (dims.required === 'always' && !hasWidth && !hasHeight) {
		report(ctx, 'width', undefined, `width and height are required by ${modelLabel(model)}`);
	} else if (dims.required === 'withoutFrameImages' && !hasFrames && !sized) {
		const alternative = acceptsField(model, 'resolution') ? ' (or a resolution)' : '';
		report(
			ctx,
			'width',
			undefined,
			`width and height${alternative} are required by ${modelLabel(model)} when no frame image is given`,
		);
	}
	const pairs = dims.pairs;
	if (!pairs || !isNumber(request.width) || !isNumber(request.height)) return;
	const { width, height } = request;
	const size = `${width}x${height}`;
	const pair = pairs.find((known) => known.width === width && known.height === height);
	if (!pair) {
		const allowed = pairs.map(formatDimensionPair).join(', ');
		report(
			ctx,
			'width',
			size,
			`size ${size} is not supported by ${modelLabel(model)}: allowed ${allowed}`,
		);
		return;
	}
	if (!isNumber(request.duration)) return;
	for (const limit of dims.durationsOnlyAt ?? []) {
		if (
			limit.durations.includes(request.duration) &&
			!limit.pairs.some((known) => known.width === width && known.height === height)
		) {
			report(
				ctx,
				'duration',
				request.duration,
				`duration ${request.duration} is not supported by ${modelLabel(model)} at ${size}: allowed only at ${limit.pairs.map(formatDimensionPair).join(', ')}`,
			);
		}
	}
}

function checkModelRanges(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	if (model.durations && isSet(request.duration))
		checkChoices(ctx, 'duration', request.duration, model.durations);
	if (model.fps && isSet(request.fps)) checkChoices(ctx, 'fps', request.fps, model.fps);
	if (model.steps && isSet(request.steps))
		checkNumber(ctx, 'steps', request.steps, { integer: true, ...model.steps }, true);
	if (model.CFGScale && isSet(request.CFGScale))
		checkNumber(ctx, 'CFGScale', request.CFGScale, model.CFGScale, true);
	if (
		model.resolutions &&
		isSet(request.resolution) &&
		!model.resolutions.values.includes(String(request.resolution))
	) {
		notSupported(ctx, 'resolution', request.resolution, model.resolutions.values.join(', '));
	}
	if (model.speech && isSet(request.speech)) {
		const { voices, maxTextLength } = model.speech;
		const voice = request.speech?.voice;
		if (voices && typeof voice === 'string' && !voices.includes(voice)) {
			notSupported(ctx, 'speech.voice', voice, voices.join(', '));
		}
		const text = request.speech?.text;
		if (maxTextLength !== undefined && typeof text === 'string')
			checkText(ctx, 'speech.text', text, undefined, maxTextLength);
	}
}

/** A catalogued model's own dimensions, durations, frame rates, resolutions and ranges. */
export function checkModelSettings(ctx: Context, model: RunwareModel): void {
	checkDimensions(ctx, model);
	checkModelRanges(ctx, model);
}
