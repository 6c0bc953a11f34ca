import { COMMON, IMAGE_SLOTS, RUNWAY_MODELS, VIDEO_SLOTS, type RunwayModelRules } from './rules';
import { readCreateBody, type CreateRequest } from './wire';

/** One rule of the seed; returns the 400 message when the request breaks it. */
type Rule = (request: CreateRequest, model: RunwayModelRules) => string | undefined;

const show = (value: unknown): string => JSON.stringify(value);

function notAccepted(field: string, value: unknown, model: string): string {
	return `Parameter ${field} ${show(value)} is not supported by ${model}`;
}

function imagesOf(request: CreateRequest): string[] {
	return IMAGE_SLOTS.filter((slot) => request.assets[slot] !== undefined);
}

function videosOf(request: CreateRequest): string[] {
	return VIDEO_SLOTS.filter((slot) => request.assets[slot] !== undefined);
}

function wholeIn(value: number, min: number, max: number): boolean {
	return Number.isInteger(value) && value >= min && value <= max;
}

const prompt: Rule = (request, model) => {
	const text = request.text_prompt;
	const given = text !== undefined && text.trim() !== '';
	if (!model.prompt) return given ? notAccepted('text_prompt', text, request.model) : undefined;
	if (!given)
		return model.prompt.required ? `text_prompt is required for ${request.model}` : undefined;
	return text.length > model.prompt.max
		? `text_prompt is ${text.length} characters, ${request.model} takes at most ${model.prompt.max}`
		: undefined;
};

const duration: Rule = (request, model) => {
	const value = request.duration;
	if (value === undefined) return undefined;
	const { durations } = model;
	if (durations === 'notAccepted') return notAccepted('duration', value, request.model);
	const fits =
		'min' in durations ? wholeIn(value, durations.min, durations.max) : durations.includes(value);
	const allowed =
		'min' in durations ? `whole seconds ${durations.min}–${durations.max}` : durations.join(', ');
	return fits
		? undefined
		: `duration ${show(value)} is not allowed for ${request.model}: ${allowed}`;
};

const aspectRatio: Rule = (request, model) => {
	const value = request.aspect_ratio;
	if (value === undefined) return undefined;
	if (!model.aspectRatios) return notAccepted('aspect_ratio', value, request.model);
	const textToVideo = imagesOf(request).length === 0;
	const allowed = (textToVideo && model.textToVideoAspectRatios) || model.aspectRatios;
	return allowed.includes(value)
		? undefined
		: `aspect_ratio ${show(value)} is not allowed for ${request.model}${textToVideo ? ' (text to video)' : ''}: ${allowed.join(', ')}`;
};

const resolution: Rule = (request, model) => {
	const value = request.resolution;
	if (value === undefined) return undefined;
	if (!model.resolutions) return notAccepted('resolution', value, request.model);
	return model.resolutions.includes(value)
		? undefined
		: `resolution ${show(value)} is not allowed for ${request.model}: ${model.resolutions.join(', ')}`;
};

const flags: Rule = (request, model) => {
	if (request.audio !== undefined && !model.audio) {
		return notAccepted('audio', request.audio, request.model);
	}
	if (request.seed !== undefined && !model.seed) {
		return notAccepted('seed', request.seed, request.model);
	}
	if (request.exploreMode === true && !model.exploreMode) {
		return `exploreMode is not supported by ${request.model}`;
	}
	const orientation = request.characterOrientation;
	if (orientation !== undefined && !model.characterOrientation) {
		return notAccepted('characterOrientation', orientation, request.model);
	}
	if (
		orientation !== undefined &&
		!(COMMON.characterOrientations as readonly string[]).includes(orientation)
	) {
		return `characterOrientation ${show(orientation)} is not allowed: ${COMMON.characterOrientations.join(', ')}`;
	}
	return undefined;
};

const ranges: Rule = (request) => {
	const { seed, maxJobs } = COMMON;
	if (request.seed !== undefined && !wholeIn(request.seed, seed.min, seed.max)) {
		return `seed ${show(request.seed)} is out of range ${seed.min}–${seed.max}`;
	}
	if (request.maxJobs !== undefined && !wholeIn(request.maxJobs, maxJobs.min, maxJobs.max)) {
		return `maxJobs ${show(request.maxJobs)} is out of range ${maxJobs.min}–${maxJobs.max}`;
	}
	for (const field of ['replyUrl', 'replyRef'] as const) {
		const length = request[field]?.length ?? 0;
		if (length > COMMON.maxUrlOrRefLength) {
			return `${field} is ${length} characters, the maximum is ${COMMON.maxUrlOrRefLength}`;
		}
	}
	return undefined;
};

const assets: Rule = (request, model) => {
	const images = imagesOf(request);
	const videos = videosOf(request);
	const extraImage = images.find((slot) => IMAGE_SLOTS.indexOf(slot) >= model.images.slots);
	if (extraImage) return notAccepted(extraImage, request.assets[extraImage], request.model);
	const videoSlots = model.videos?.slots ?? 0;
	const extraVideo = videos.find((slot) => VIDEO_SLOTS.indexOf(slot) >= videoSlots);
	if (extraVideo) return notAccepted(extraVideo, request.assets[extraVideo], request.model);
	if (model.images.required && request.assets.imageAssetId1 === undefined) {
		return `imageAssetId1 is required for ${request.model}`;
	}
	if (model.videos?.required && request.assets.videoAssetId === undefined) {
		return `videoAssetId is required for ${request.model}`;
	}
	const { combined } = model;
	if (
		combined &&
		(images.length + videos.length > combined.max || videos.length > combined.maxVideos)
	) {
		return `${request.model} takes up to ${combined.max} references, at most ${combined.maxVideos} of them videos`;
	}
	if (
		model.editVideoMaxImages !== undefined &&
		videos.length > 0 &&
		images.length > model.editVideoMaxImages
	) {
		return `Edit Video (videoAssetId) takes at most ${model.editVideoMaxImages} reference images, ${images.length} given`;
	}
	return undefined;
};

const keyframes: Rule = (request, model) => {
	const start = request.assets.startFrameAssetId;
	const end = request.assets.endFrameAssetId;
	if (start === undefined && end === undefined) return undefined;
	if (!model.keyframes) {
		return notAccepted(
			start !== undefined ? 'startFrameAssetId' : 'endFrameAssetId',
			start ?? end,
			request.model,
		);
	}
	if (end !== undefined && start === undefined) return 'endFrameAssetId requires startFrameAssetId';
	const references = imagesOf(request).length + videosOf(request).length;
	if (model.keyframes === 'exclusiveWithReferences' && references > 0) {
		return `Keyframes (startFrameAssetId/endFrameAssetId) and references cannot be combined for ${request.model}`;
	}
	if (
		model.keyframes === 'endFrameWithoutReferences' &&
		end !== undefined &&
		imagesOf(request).length > 0
	) {
		return `endFrameAssetId cannot be combined with reference images for ${request.model}`;
	}
	return undefined;
};

const multishot: Rule = (request, model) => {
	const { shots } = request;
	if (shots.length === 0) return undefined;
	if (!model.maxShots) return `Multishot is not supported by ${request.model}`;
	const rule = COMMON.shot;
	if (shots.length < rule.minShots || shots.length > model.maxShots) {
		return `${shots.length} multishot shots given, ${request.model} takes ${rule.minShots} to ${model.maxShots}`;
	}
	let total = 0;
	for (const [index, shot] of shots.entries()) {
		const number = index + 1;
		const hasPrompt = shot.prompt !== undefined && shot.prompt.trim() !== '';
		if (!hasPrompt && shot.duration === undefined) {
			return `Multishot shot ${number} is empty: shots are numbered contiguously from 1`;
		}
		if (!hasPrompt || shot.duration === undefined) {
			return `Multishot shot ${number} needs both multishot_prompt_${number} and multishot_duration_${number}`;
		}
		if (shot.prompt!.length > rule.maxPromptLength) {
			return `multishot_prompt_${number} is ${shot.prompt!.length} characters, the maximum is ${rule.maxPromptLength}`;
		}
		if (!wholeIn(shot.duration, rule.minSeconds, rule.maxSeconds)) {
			return `multishot_duration_${number} ${show(shot.duration)} is out of range ${rule.minSeconds}–${rule.maxSeconds}`;
		}
		total += shot.duration;
	}
	return total > rule.maxTotalSeconds
		? `Multishot total duration ${total} s exceeds ${rule.maxTotalSeconds} s`
		: undefined;
};

const RULES: readonly Rule[] = [
	prompt,
	duration,
	aspectRatio,
	resolution,
	flags,
	ranges,
	assets,
	keyframes,
	multishot,
];

/** The API document's verdict on a videos/create request: the 400 message, or undefined when valid. */
export function validateCreate(request: CreateRequest): string | undefined {
	const model = RUNWAY_MODELS[request.model];
	if (!model) {
		return `Parameter model ${show(request.model)} is not supported, use one of: ${Object.keys(RUNWAY_MODELS).join(', ')}`;
	}
	for (const rule of RULES) {
		const message = rule(request, model);
		if (message) return message;
	}
	return undefined;
}

/** The verdict on a JSON body as sent: type errors first, then the API document's rules (undefined: valid). */
export function createBodyError(body: Record<string, unknown>): string | undefined {
	const read = readCreateBody(body);
	return 'error' in read ? read.error : validateCreate(read.request);
}
