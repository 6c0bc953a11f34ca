import {
	acceptedProviderSettings,
	acceptsField,
	defaultOf,
	describeNumberChoices,
	dimensionChoices,
	fitsNumberChoices,
	formatDimensionPair,
	maxMediaCount,
	modelLabel,
	providerDisplayName,
	providerSettingsFieldsOf,
	type NumberChoices,
	type ProviderSettingField,
	type RunwareModel,
} from './catalogue';
import {
	isPlainObject,
	isSet,
	runwareMediaFields,
	runwareRequestFields,
	type RunwareMediaField,
	type RunwareRequestField,
	type RunwareVideoRequest,
} from './request';

export interface RunwareValidationIssue {
	/** API path of the field, e.g. `duration` or `providerSettings.pixverse.effect`. */
	field: string;
	value: unknown;
	message: string;
}

/** Generic ranges of the seed (Runware's 2025-10 video API reference). */
/** The seed's documented ranges and value lists (2025-10 video API reference). */
export const SEED = {
	promptMinLength: 2,
	outputQuality: { min: 20, max: 99 },
	numberResults: { min: 1, max: 4 },
	fps: { min: 15, max: 60 },
	defaultFps: 24,
	steps: { min: 10, max: 50 },
	CFGScale: { min: 0, max: 50 },
	seed: { min: 1, max: Number.MAX_SAFE_INTEGER },
	ttlMin: 60,
	// Superseded by per-model facts (4K and 12–15 s models exist), so only used without a model.
	width: { min: 256, max: 1920 },
	height: { min: 256, max: 1080 },
	duration: { min: 1, max: 10 },
	dimensionMultiple: 8,
	outputFormats: ['MP4', 'WEBM', 'MOV'],
	outputTypes: ['URL'],
	accelerations: ['none', 'low', 'medium', 'high'],
	safetyModes: ['none', 'fast', 'full'],
} as const;

const AIR_PATTERN = /^[^\s:]+:[^\s@]+@\S+$/;
const HTTP_URL_PATTERN = /^https?:\/\/[^\s/]+\S*$/i;
const MAX_SHOWN_LENGTH = 60;

interface Context {
	request: RunwareVideoRequest;
	model?: RunwareModel;
	issues: RunwareValidationIssue[];
}

interface NumberRule {
	integer?: boolean;
	min?: number;
	max?: number;
	positive?: boolean;
}

function showValue(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
	return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 1)}…` : text;
}

function describeRange(rule: NumberRule): string {
	if (rule.positive) return 'greater than 0';
	if (rule.min !== undefined && rule.max !== undefined) return `from ${rule.min} to ${rule.max}`;
	return rule.min !== undefined ? `at least ${rule.min}` : `at most ${String(rule.max)}`;
}

function report(ctx: Context, field: string, value: unknown, message: string): void {
	ctx.issues.push({ field, value, message });
}

function notSupported(ctx: Context, field: string, value: unknown, allowed: string): void {
	const model = ctx.model as RunwareModel;
	report(
		ctx,
		field,
		value,
		`${field} ${showValue(value)} is not supported by ${modelLabel(model)}: allowed ${allowed}`,
	);
}

const isNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

/** Type and range of a number; the range message names the model when `byModel` is set. */
function checkNumber(
	ctx: Context,
	field: string,
	value: unknown,
	rule: NumberRule,
	byModel = false,
): value is number {
	if (!isNumber(value) || (rule.integer && !Number.isInteger(value))) {
		report(
			ctx,
			field,
			value,
			`${field} ${showValue(value)} must be ${rule.integer ? 'an integer' : 'a number'}`,
		);
		return false;
	}
	if (
		(rule.min !== undefined && value < rule.min) ||
		(rule.max !== undefined && value > rule.max) ||
		(rule.positive && value <= 0)
	) {
		if (byModel) notSupported(ctx, field, value, describeRange(rule));
		else
			report(
				ctx,
				field,
				value,
				`${field} ${value} is out of range: allowed ${describeRange(rule)}`,
			);
		return false;
	}
	return true;
}

function checkChoices(ctx: Context, field: string, value: unknown, choices: NumberChoices): void {
	if (!isNumber(value)) {
		report(ctx, field, value, `${field} ${showValue(value)} must be a number`);
	} else if (!fitsNumberChoices(choices, value)) {
		notSupported(ctx, field, value, describeNumberChoices(choices));
	}
}

function checkOneOf(ctx: Context, field: string, value: unknown, allowed: readonly string[]): void {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		report(
			ctx,
			field,
			value,
			`${field} ${showValue(value)} is not valid: allowed ${allowed.join(', ')}`,
		);
	}
}

function checkText(ctx: Context, field: string, value: unknown, min?: number, max?: number): void {
	if (typeof value !== 'string') {
		report(ctx, field, value, `${field} must be text`);
		return;
	}
	if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
		const limits = describeRange({ min, max });
		const scope = ctx.model ? ` for ${modelLabel(ctx.model)}` : '';
		report(
			ctx,
			field,
			value,
			`${field} has ${value.length} character${value.length === 1 ? '' : 's'}: allowed ${limits} characters${scope}`,
		);
	}
}

/** URLs may carry tokens (webhook examples put them in the query), so they are never echoed. */
function checkHttpUrl(ctx: Context, field: 'webhookURL' | 'uploadEndpoint'): void {
	const value = ctx.request[field];
	if (isSet(value) && (typeof value !== 'string' || !HTTP_URL_PATTERN.test(value))) {
		report(ctx, field, undefined, `${field} must be an http:// or https:// URL`);
	}
}

function checkStringList(ctx: Context, field: RunwareMediaField): void {
	const value: unknown = ctx.request[field];
	if (!isSet(value) || field === 'frameImages') return;
	if (!Array.isArray(value)) {
		report(ctx, field, value, `${field} must be a list`);
		return;
	}
	value.forEach((item: unknown, index) => {
		if (isSet(item) && (typeof item !== 'string' || item.trim() === '')) {
			report(
				ctx,
				`${field}[${index}]`,
				item,
				`${field}[${index}] must be a UUID, URL, data URI or base64 text`,
			);
		}
	});
}

const setFrameImages = (request: RunwareVideoRequest) =>
	Array.isArray(request.frameImages) ? request.frameImages.filter(isSet) : [];

/** Total frames from duration × fps, using the model's or the seed's defaults where unset. */
function totalFrames(ctx: Context): { total: number; duration: number; fps: number } | undefined {
	const { request, model } = ctx;
	const duration = isNumber(request.duration)
		? request.duration
		: model && defaultOf(model.durations || undefined);
	const fps = isNumber(request.fps)
		? request.fps
		: ((model && defaultOf(model.fps || undefined)) ?? SEED.defaultFps);
	if (duration === undefined) return undefined;
	return { total: Math.floor(duration * fps), duration, fps };
}

function checkFrameImages(ctx: Context): void {
	const { request } = ctx;
	if (!isSet(request.frameImages)) return;
	if (!Array.isArray(request.frameImages)) {
		report(ctx, 'frameImages', request.frameImages, 'frameImages must be a list');
		return;
	}
	const frames = totalFrames(ctx);
	setFrameImages(request).forEach((item, index) => {
		const path = `frameImages[${index}]`;
		if (typeof item.image !== 'string' || item.image.trim() === '') {
			report(
				ctx,
				`${path}.image`,
				item.image,
				`${path}.image must be a UUID, URL, data URI or base64 text`,
			);
		}
		const frame: unknown = item.frame;
		if (frame === undefined || frame === 'first' || frame === 'last') return;
		if (!isNumber(frame) || !Number.isInteger(frame) || frame < 0) {
			report(
				ctx,
				`${path}.frame`,
				frame,
				`${path}.frame ${showValue(frame)} is not valid: allowed first, last or a frame number from 0`,
			);
		} else if (frames && frame >= frames.total) {
			report(
				ctx,
				`${path}.frame`,
				frame,
				`${path}.frame ${frame} is beyond the last frame: allowed 0 to ${frames.total - 1} (duration ${frames.duration} s × ${frames.fps} fps)`,
			);
		}
	});
}

/** The seed's rules, valid for every model. Width, height and duration ranges only without one. */
function checkGeneric(ctx: Context): void {
	const { request, model } = ctx;
	if (typeof request.model !== 'string' || !AIR_PATTERN.test(request.model.trim())) {
		report(
			ctx,
			'model',
			request.model,
			`model ${showValue(request.model)} is not an AIR identifier: expected provider:id@version`,
		);
	}
	const number = (field: RunwareRequestField, rule: NumberRule) => {
		if (isSet(request[field])) checkNumber(ctx, field, request[field], rule);
	};
	if (isSet(request.positivePrompt)) {
		const limits = model?.prompt || undefined;
		checkText(
			ctx,
			'positivePrompt',
			request.positivePrompt,
			limits?.min ?? SEED.promptMinLength,
			limits?.max,
		);
	}
	if (isSet(request.negativePrompt)) {
		const limits = model?.negativePrompt || undefined;
		checkText(ctx, 'negativePrompt', request.negativePrompt, limits?.min, limits?.max);
	}
	number('outputQuality', { integer: true, ...SEED.outputQuality });
	number('numberResults', { integer: true, ...SEED.numberResults });
	number('seed', { integer: true, ...SEED.seed });
	number('ttl', { integer: true, min: SEED.ttlMin });
	if (!model?.fps) number('fps', { integer: true, ...SEED.fps });
	if (!model?.steps) number('steps', { integer: true, ...SEED.steps });
	if (!model?.CFGScale) number('CFGScale', SEED.CFGScale);
	if (model) {
		if (!model.durations) number('duration', { positive: true });
		if (!dimensionChoices(model)) {
			number('width', { integer: true, min: 1 });
			number('height', { integer: true, min: 1 });
		}
	} else {
		number('duration', SEED.duration);
		for (const field of ['width', 'height'] as const) {
			if (
				isSet(request[field]) &&
				checkNumber(ctx, field, request[field], { integer: true, ...SEED[field] })
			) {
				if ((request[field] as number) % SEED.dimensionMultiple !== 0) {
					report(
						ctx,
						field,
						request[field],
						`${field} ${String(request[field])} must be a multiple of ${SEED.dimensionMultiple}`,
					);
				}
			}
		}
	}
	if (isSet(request.outputType))
		checkOneOf(ctx, 'outputType', request.outputType, SEED.outputTypes);
	if (isSet(request.outputFormat))
		checkOneOf(ctx, 'outputFormat', request.outputFormat, SEED.outputFormats);
	if (isSet(request.acceleration))
		checkOneOf(ctx, 'acceleration', request.acceleration, SEED.accelerations);
	if (isSet(request.safety?.mode))
		checkOneOf(ctx, 'safety.mode', request.safety?.mode, SEED.safetyModes);
	if (isSet(request.resolution) && typeof request.resolution !== 'string') {
		report(ctx, 'resolution', request.resolution, 'resolution must be text, e.g. 1080p');
	}
	checkHttpUrl(ctx, 'webhookURL');
	checkHttpUrl(ctx, 'uploadEndpoint');
	runwareMediaFields.forEach((field) => checkStringList(ctx, field));
	checkFrameImages(ctx);
	if (isSet(request.speech)) {
		for (const part of ['voice', 'text'] as const) {
			const value = request.speech?.[part];
			if (typeof value !== 'string' || value.trim() === '') {
				report(ctx, `speech.${part}`, value, `speech.${part} is required when speech is used`);
			}
		}
	}
	(Array.isArray(request.lora) ? request.lora : []).forEach((lora, index) => {
		if (typeof lora?.model !== 'string' || !AIR_PATTERN.test(lora.model.trim())) {
			report(
				ctx,
				`lora[${index}].model`,
				lora?.model,
				`lora[${index}].model must be an AIR identifier`,
			);
		}
		if (isSet(lora?.weight)) checkNumber(ctx, `lora[${index}].weight`, lora.weight, {});
	});
	if (isSet(request.providerSettings)) {
		for (const [provider, settings] of Object.entries(request.providerSettings ?? {})) {
			if (isSet(settings) && !isPlainObject(settings)) {
				report(
					ctx,
					`providerSettings.${provider}`,
					settings,
					`providerSettings.${provider} must be an object`,
				);
			}
		}
	}
}

function checkAcceptedFields(ctx: Context, model: RunwareModel): void {
	for (const field of runwareRequestFields) {
		if (isSet(ctx.request[field]) && !acceptsField(model, field)) {
			report(ctx, field, ctx.request[field], `${field} is not accepted by ${modelLabel(model)}`);
		}
	}
}

function checkRequiredInputs(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	const prompt = model.prompt || undefined;
	const hasFrames = isSet(request.frameImages);
	if (!isSet(request.positivePrompt)) {
		if (prompt?.required === true) {
			report(
				ctx,
				'positivePrompt',
				request.positivePrompt,
				`positivePrompt is required by ${modelLabel(model)}`,
			);
		} else if (prompt?.required === 'withoutFrameImages' && !hasFrames) {
			report(
				ctx,
				'positivePrompt',
				request.positivePrompt,
				`positivePrompt is required by ${modelLabel(model)} when no frame image is given`,
			);
		}
	}
	for (const group of model.requiredInputs ?? []) {
		if (!group.some((field) => isSet(request[field]))) {
			report(ctx, group[0], undefined, `${modelLabel(model)} requires ${group.join(' or ')}`);
		}
	}
}

function checkDimensions(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	const dims = model.dimensions;
	if (!dims) return;
	const hasWidth = isSet(request.width);
	const hasHeight = isSet(request.height);
	const label = modelLabel(model);
	if (hasWidth !== hasHeight) {
		const missing = hasWidth ? 'height' : 'width';
		report(ctx, missing, undefined, `width and height must be set together for ${label}`);
	}
	const hasFrames = isSet(request.frameImages);
	if (hasFrames && dims.withFrameImages === 'forbidden' && (hasWidth || hasHeight)) {
		report(
			ctx,
			hasWidth ? 'width' : 'height',
			hasWidth ? request.width : request.height,
			`width and height must not be sent to ${label} with frame images: the size comes from the first frame`,
		);
	}
	const sized = hasWidth || hasHeight || isSet(request.resolution);
	if (dims.required === 'always' && !hasWidth && !hasHeight) {
		report(ctx, 'width', undefined, `width and height are required by ${label}`);
	} else if (dims.required === 'withoutFrameImages' && !hasFrames && !sized) {
		const alternative = acceptsField(model, 'resolution') ? ' (or a resolution)' : '';
		report(
			ctx,
			'width',
			undefined,
			`width and height${alternative} are required by ${label} when no frame image is given`,
		);
	}
	const pairs = dims.pairs;
	if (!pairs || !isNumber(request.width) || !isNumber(request.height)) return;
	const size = `${request.width}x${request.height}`;
	const pair = pairs.find((known) => formatDimensionPair(known) === size);
	if (!pair) {
		const allowed = pairs.map(formatDimensionPair).join(', ');
		report(ctx, 'width', size, `size ${size} is not supported by ${label}: allowed ${allowed}`);
		return;
	}
	if (!isNumber(request.duration)) return;
	for (const limit of dims.durationsOnlyAt ?? []) {
		if (
			limit.durations.includes(request.duration) &&
			!limit.pairs.some((p) => formatDimensionPair(p) === size)
		) {
			report(
				ctx,
				'duration',
				request.duration,
				`duration ${request.duration} is not supported by ${label} at ${size}: allowed only at ${limit.pairs.map(formatDimensionPair).join(', ')}`,
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

const FRAME_POSITIONS = {
	first: { allowed: ['first', 0], wording: 'first' },
	'first-last': { allowed: ['first', 'last', 0], wording: 'first, last' },
} as const;

function checkMediaLimits(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	const label = modelLabel(model);
	for (const field of runwareMediaFields) {
		const max = maxMediaCount(model, field);
		const count = Array.isArray(request[field])
			? (request[field] as unknown[]).filter(isSet).length
			: 0;
		if (max !== undefined && max > 0 && count > max) {
			report(ctx, field, count, `${field} has ${count} items: ${label} accepts at most ${max}`);
		}
	}
	const support = model.frameImages;
	if (support !== 'first' && support !== 'first-last') return;
	const { allowed, wording } = FRAME_POSITIONS[support];
	const used = new Set<string>();
	setFrameImages(request).forEach((item, index) => {
		if (item.frame === undefined) return;
		const field = `frameImages[${index}].frame`;
		if (!(allowed as readonly unknown[]).includes(item.frame)) {
			notSupported(ctx, field, item.frame, wording);
			return;
		}
		const position = item.frame === 0 ? 'first' : String(item.frame);
		if (used.has(position))
			report(
				ctx,
				field,
				item.frame,
				`${field}: two frame images are placed at the ${position} frame`,
			);
		used.add(position);
	});
}

function checkSettingValue(
	ctx: Context,
	path: string,
	field: ProviderSettingField,
	value: unknown,
): void {
	switch (field.type) {
		case 'boolean':
			if (typeof value !== 'boolean') report(ctx, path, value, `${path} must be true or false`);
			break;
		case 'number':
			checkNumber(ctx, path, value, { min: field.min, max: field.max });
			break;
		case 'string':
			checkText(ctx, path, value, field.min, field.max);
			break;
		case 'options':
			checkOneOf(ctx, path, value, field.options ?? []);
			break;
		case 'json':
			break;
	}
}

function checkSettingConditions(
	ctx: Context,
	path: string,
	field: ProviderSettingField,
	settings: Record<string, unknown>,
): void {
	const { request, model } = ctx;
	const hasFrames = isSet(request.frameImages);
	for (const other of field.exclusiveWith ?? []) {
		// Each exclusive pair is reported once, on the field named first alphabetically.
		if (isSet(settings[other]) && field.name < other) {
			report(
				ctx,
				path,
				settings[field.name],
				`${path} and ${path.replace(/[^.]+$/, other)} cannot be used together`,
			);
		}
	}
	if (field.requiresFrameImages && !hasFrames) {
		report(ctx, path, settings[field.name], `${path} needs at least one frame image`);
	}
	if (field.textToVideoOnly && hasFrames) {
		report(
			ctx,
			path,
			settings[field.name],
			`${path} only works for text-to-video: remove the frame images or this setting`,
		);
	}
	const duration = isNumber(request.duration)
		? request.duration
		: model && defaultOf(model.durations || undefined);
	if (
		field.onlyForDurations &&
		duration !== undefined &&
		!field.onlyForDurations.includes(duration)
	) {
		report(
			ctx,
			path,
			settings[field.name],
			`${path} only works with duration ${field.onlyForDurations.join(', ')}; duration is ${duration}`,
		);
	}
}

function checkProviderSettings(ctx: Context, model: RunwareModel): void {
	const all = ctx.request.providerSettings;
	if (!isSet(all) || !isPlainObject(all) || model.providerSettings === false) return;
	const label = modelLabel(model);
	for (const [provider, settings] of Object.entries(all)) {
		if (!isSet(settings)) continue;
		if (provider !== model.provider) {
			report(
				ctx,
				`providerSettings.${provider}`,
				settings,
				`providerSettings.${provider} is not accepted by ${label}: its provider settings go in providerSettings.${model.provider}`,
			);
			continue;
		}
		const described = providerSettingsFieldsOf(model);
		if (!isPlainObject(settings) || described.length === 0) continue;
		const accepted = acceptedProviderSettings(model);
		for (const [name, value] of Object.entries(settings)) {
			if (!isSet(value)) continue;
			const path = `providerSettings.${provider}.${name}`;
			const field = accepted.find((candidate) => candidate.name === name);
			if (!field) {
				const known = described.some((candidate) => candidate.name === name);
				const allowed = accepted.map((candidate) => candidate.name).join(', ') || 'none';
				report(
					ctx,
					path,
					value,
					`${path} is ${known ? `not accepted by ${label}` : `not a ${providerDisplayName(model.provider)} setting`}: allowed ${allowed}`,
				);
				continue;
			}
			checkSettingValue(ctx, path, field, value);
			checkSettingConditions(ctx, path, field, settings);
		}
	}
}

function checkConflicts(ctx: Context, model: RunwareModel): void {
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

/**
 * Checks a request before it is sent. Without a model (an AIR the catalogue does not know) only the
 * seed's generic ranges apply; with one, its documented capabilities too. Returns every problem.
 */
export function validateRunwareVideoRequest(
	request: RunwareVideoRequest,
	model?: RunwareModel,
): RunwareValidationIssue[] {
	const ctx: Context = { request, model, issues: [] };
	checkGeneric(ctx);
	if (model) {
		checkAcceptedFields(ctx, model);
		checkRequiredInputs(ctx, model);
		checkDimensions(ctx, model);
		checkModelRanges(ctx, model);
		checkMediaLimits(ctx, model);
		checkProviderSettings(ctx, model);
		checkConflicts(ctx, model);
	}
	return ctx.issues;
}
