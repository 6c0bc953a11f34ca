import { randomUUID } from 'node:crypto';

import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiContext } from '../../http/send';
import { runwareApiError, runwareRequest } from './transport';

export type RunwareMediaKind = 'image' | 'video' | 'audio';

/** The formats Runware's media inputs take (images PNG/JPG/WEBP, video MP4/MOV/WEBM, audio MP3/WAV/FLAC). */
export const RUNWARE_MEDIA_TYPES: Record<RunwareMediaKind, readonly string[]> = {
	image: ['image/png', 'image/jpeg', 'image/webp'],
	video: ['video/mp4', 'video/quicktime', 'video/webm'],
	audio: ['audio/mpeg', 'audio/wav', 'audio/flac'],
};

/**
 * The largest input image any Runware video model takes (Kling, Veo, Sora, Vidu, PixVerse: 20 MB). Runware
 * documents no limit for video and audio uploads.
 */
export const RUNWARE_IMAGE_MAX_BYTES = 20 * 1024 * 1024;

const ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'audio/mp3': 'audio/mpeg',
	'audio/x-wav': 'audio/wav',
	'audio/wave': 'audio/wav',
	'audio/x-flac': 'audio/flac',
};

/** A MIME type in the spelling Runware's formats use, with its kind; undefined when Runware does not take it. */
export function runwareMediaType(
	mimeType: string,
): { mimeType: string; kind: RunwareMediaKind } | undefined {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	const canonical = ALIASES[type] ?? type;
	const kind = (Object.keys(RUNWARE_MEDIA_TYPES) as RunwareMediaKind[]).find((candidate) =>
		RUNWARE_MEDIA_TYPES[candidate].includes(canonical),
	);
	return kind ? { mimeType: canonical, kind } : undefined;
}

const STORAGE_TIMEOUT_MS = 120_000;

interface StorageBounds {
	signal?: AbortSignal;
	deadline?: number;
}

/**
 * Sends one storage task and returns its data item; errors of the task become n8n errors. Safe to repeat: storing
 * twice keeps a second copy, deleting twice finds nothing; no paid work starts.
 */
async function storageTask(
	ctx: ApiContext,
	task: IDataObject,
	bounds: StorageBounds,
): Promise<IDataObject> {
	const taskUUID = randomUUID();
	const envelope = await runwareRequest(ctx, [{ ...task, taskUUID }], {
		safety: 'idempotent',
		timeoutMs: STORAGE_TIMEOUT_MS,
		signal: bounds.signal,
		deadline: bounds.deadline,
	});
	const [error] = envelope.errors;
	if (error) throw runwareApiError(ctx, error);
	return envelope.data.find((item) => item.taskUUID === taskUUID) ?? envelope.data[0] ?? {};
}

function missingField(ctx: ApiContext, item: IDataObject, field: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), JSON.parse(JSON.stringify(item)) as JsonObject, {
		message: `Runware did not return ${field === 'imageUUID' ? 'an' : 'a'} ${field}`,
	});
}

export interface RunwareStoredMedia {
	mediaUUID: string;
	mediaURL?: string;
}

/** Stores one media file at Runware (`mediaStorage`, operation `upload`) from a public URL, a data URI or base64 text. */
export async function storeRunwareMedia(
	ctx: ApiContext,
	media: string,
	bounds: StorageBounds = {},
): Promise<RunwareStoredMedia> {
	const item = await storageTask(
		ctx,
		{ taskType: 'mediaStorage', operation: 'upload', media },
		bounds,
	);
	if (typeof item.mediaUUID !== 'string') throw missingField(ctx, item, 'mediaUUID');
	return {
		mediaUUID: item.mediaUUID,
		mediaURL: typeof item.mediaURL === 'string' ? item.mediaURL : undefined,
	};
}

export interface RunwareStoredImage {
	imageUUID: string;
	imageURL?: string;
}

/**
 * Stores an image with the legacy `imageUpload` task: Runware keeps it at most 2048 px on its longer side (the
 * size most video models take) and deletes it 30 days after its last use.
 */
export async function uploadRunwareImage(
	ctx: ApiContext,
	image: string,
	options: { signal?: AbortSignal } = {},
): Promise<RunwareStoredImage> {
	const item = await storageTask(ctx, { taskType: 'imageUpload', image }, options);
	if (typeof item.imageUUID !== 'string') throw missingField(ctx, item, 'imageUUID');
	return {
		imageUUID: item.imageUUID,
		imageURL: typeof item.imageURL === 'string' ? item.imageURL : undefined,
	};
}

/** Deletes a file stored with `mediaStorage` (or a generated one) by its UUID. */
export async function deleteRunwareMedia(
	ctx: ApiContext,
	mediaUUID: string,
	options: { signal?: AbortSignal } = {},
): Promise<void> {
	await storageTask(
		ctx,
		{ taskType: 'mediaStorage', operation: 'delete', media: mediaUUID },
		options,
	);
}
