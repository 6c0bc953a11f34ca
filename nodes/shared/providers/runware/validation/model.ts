import {
	acceptsField,
	formatDimensionPair,
	modelLabel,
	refusedFields,
	type RunwareModel,
} from '../catalogue';
import { isSet } from '../request';
import {
	checkChoices,
	checkNumber,
	checkText,
	isNumber,
	notSupported,
	report,
	type Context,
} from './checks';

export function checkAcceptedFields(ctx: Context, model: RunwareModel): void {
	for (const field of refusedFields(model)) {
		if (isSet(ctx.request[field])) {
			report(ctx, field, ctx.request[field], `${field} is not accepted by ${modelLabel(model)}`);
		}
	}
}

/** The media a model needs (the prompt and duration every model needs are checked with the API document's rules). */
export function checkRequiredInputs(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	for (const group of model.requiredInputs ?? []) {
		if (!group.some((field) => isSet(request[field]))) {
			report(ctx, group[0], undefined, `${modelLabel(model)} requires ${group.join(' or ')}`);
		}
	}
}

export function checkDimensions(ctx: Context, model: RunwareModel): void {
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

export function checkModelRanges(ctx: Context, model: RunwareModel): void {
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

export function checkDependencies(ctx: Context, model: RunwareModel): void {
	for (const [field, needed] of model.dependencies ?? []) {
		if (isSet(ctx.request[field]) && !isSet(ctx.request[needed])) {
			report(
				ctx,
				field,
				ctx.request[field],
				`${field} is only accepted together with ${needed} by ${modelLabel(model)}`,
			);
		}
	}
}

export function checkConflicts(ctx: Context, model: RunwareModel): void {
	for (const [first, second] of model.conflicts ?? []) {
		if (isSet(ctx.request[first]) && isSet(ctx.request[second])) {
			report(
				ctx,
				second,
				ctx.request[second],
				`${first} and ${second} cannot be used together with ${modelLabel(model)}`,
			);
		}
	}
}
