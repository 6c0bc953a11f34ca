import { defaultOf, maxMediaCount, modelLabel, type RunwareModel } from '../catalogue';
import { isRunwareUuid } from '../ids';
import {
	isBinaryMediaPlaceholder,
	isSet,
	runwareMediaFieldKinds,
	runwareMediaFields,
	runwareMediaPath,
	type RunwareFrameImage,
	type RunwareMediaField,
	type RunwareVideoRequest,
} from '../body';
import { RUNWARE_MEDIA_TYPES, runwareMediaType } from '../storage';
import {
	effectiveDuration,
	HTTP_URL_PATTERN,
	isNumber,
	notSupported,
	report,
	showValue,
	type Context,
} from './checks';
import { API_LIMITS } from './apiLimits';

const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)(?:;[^;,]+)*;base64,[A-Za-z0-9+/]+={0,2}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The forms the API document lists for every media input. */
const MEDIA_FORMS: ReadonlyArray<[name: string, test: (value: string) => boolean]> = [
	['UUID', isRunwareUuid],
	['URL', (value) => HTTP_URL_PATTERN.test(value)],
	['data URI', (value) => DATA_URI.test(value)],
	['base64 text', (value) => BASE64.test(value)],
];
const FORM_NAMES = MEDIA_FORMS.map(([name]) => name);
const ACCEPTED_FORMS = `a ${FORM_NAMES.slice(0, -1).join(', ')} or ${FORM_NAMES[FORM_NAMES.length - 1]}`;

const setFrameImages = (request: RunwareVideoRequest): RunwareFrameImage[] =>
	Array.isArray(request.frameImages) ? request.frameImages.filter(isSet) : [];

/** The set values of a media field (for frameImages, the images); a field that is no list is reported. */
function mediaValues(ctx: Context, field: RunwareMediaField): unknown[] {
	const value: unknown = ctx.request[field];
	if (!isSet(value)) return [];
	if (!Array.isArray(value)) {
		report(ctx, field, value, `${field} must be a list`);
		return [];
	}
	return field === 'frameImages'
		? setFrameImages(ctx.request).map((item) => item.image)
		: value.filter(isSet);
}

/** A value's form, and for a data URI whether its type is of the kind of file the field takes. */
function checkMediaValue(ctx: Context, field: RunwareMediaField, index: number, value: unknown) {
	const path = runwareMediaPath(field, index);
	const isReference = (text: string) =>
		isBinaryMediaPlaceholder(text) || MEDIA_FORMS.some(([, test]) => test(text));
	if (typeof value !== 'string' || !isReference(value)) {
		report(ctx, path, value, `${path} ${showValue(value)} must be ${ACCEPTED_FORMS}`);
		return;
	}
	const type = DATA_URI.exec(value)?.[1];
	const kind = runwareMediaFieldKinds[field];
	if (type !== undefined && runwareMediaType(type)?.kind !== kind) {
		report(
			ctx,
			path,
			type,
			`${path} is a data URI of type ${type}: ${field} takes ${RUNWARE_MEDIA_TYPES[kind].join(', ')}`,
		);
	}
}

/** Total frames from duration × fps, using the model's or the API document's defaults where unset. */
function totalFrames(ctx: Context): { total: number; duration: number; fps: number } | undefined {
	const { request, model } = ctx;
	const duration = effectiveDuration(ctx);
	const fps = isNumber(request.fps)
		? request.fps
		: (defaultOf(model?.fps || undefined) ?? API_LIMITS.defaultFps);
	if (duration === undefined) return undefined;
	return { total: Math.floor(duration * fps), duration, fps };
}

function checkFramePositions(ctx: Context): void {
	const frames = totalFrames(ctx);
	setFrameImages(ctx.request).forEach((item, index) => {
		const path = `frameImages[${index}].frame`;
		const frame: unknown = item.frame;
		if (frame === undefined || frame === 'first' || frame === 'last') return;
		if (!isNumber(frame) || !Number.isInteger(frame) || frame < 0) {
			report(
				ctx,
				path,
				frame,
				`${path} ${showValue(frame)} is not valid: allowed first, last or a frame number from 0`,
			);
		} else if (frames && frame >= frames.total) {
			report(
				ctx,
				path,
				frame,
				`${path} ${frame} is beyond the last frame: allowed 0 to ${frames.total - 1} (duration ${frames.duration} s × ${frames.fps} fps)`,
			);
		}
	});
}

/** The API document's media rules: every value in one of its forms, frame positions within the video. */
export function checkMedia(ctx: Context): void {
	for (const field of runwareMediaFields) {
		mediaValues(ctx, field).forEach((value, index) => checkMediaValue(ctx, field, index, value));
	}
	checkFramePositions(ctx);
}

const FRAME_POSITIONS = {
	first: { allowed: ['first', 0], wording: 'first' },
	'first-last': { allowed: ['first', 'last', 0], wording: 'first, last' },
} as const;

/** How many files each media field may have, and where the model lets frame images go. */
export function checkMediaLimits(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	for (const field of runwareMediaFields) {
		const max = maxMediaCount(model, field);
		const count = Array.isArray(request[field])
			? (request[field] as unknown[]).filter(isSet).length
			: 0;
		if (max !== undefined && max > 0 && count > max) {
			report(
				ctx,
				field,
				count,
				`${field} has ${count} items: ${modelLabel(model)} accepts at most ${max}`,
			);
		}
	}
	const imagesWithVideos = model.maxReferenceImagesWithVideos;
	const images = request.referenceImages?.filter(isSet).length ?? 0;
	if (
		imagesWithVideos !== undefined &&
		isSet(request.referenceVideos) &&
		images > imagesWithVideos
	) {
		report(
			ctx,
			'referenceImages',
			images,
			`referenceImages has ${images} items: ${modelLabel(model)} accepts at most ${imagesWithVideos} together with referenceVideos`,
		);
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
