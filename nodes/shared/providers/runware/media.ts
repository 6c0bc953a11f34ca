import { randomUUID } from 'node:crypto';

import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BinaryInput } from '../../binary/input';
import type { ApiContext } from '../../http/send';
import { runwareApiError, runwareRequest } from './transport';

/**
 * Files up to this size go inline in the task as a data URI; bigger ones are stored with
 * `mediaStorage` first and referenced by UUID, so that one big body is not repeated in every task
 * (and the request stays within what the API takes in one go).
 */
export const INLINE_MEDIA_MAX_BYTES = 2 * 1024 * 1024;

const UPLOAD_TIMEOUT_MS = 120_000;

export interface RunwareStoredMedia {
	mediaUUID: string;
	mediaURL?: string;
}

/**
 * Stores one media file at Runware (`mediaStorage`, operation `upload`) from a public URL, a data URI
 * or base64 text. Safe to repeat: a second upload only stores a second copy, it starts no paid work.
 */
export async function storeRunwareMedia(
	ctx: ApiContext,
	media: string,
	options: { signal?: AbortSignal; deadline?: number } = {},
): Promise<RunwareStoredMedia> {
	const taskUUID = randomUUID();
	const envelope = await runwareRequest(
		ctx,
		[{ taskType: 'mediaStorage', taskUUID, operation: 'upload', media }],
		{
			safety: 'idempotent',
			timeoutMs: UPLOAD_TIMEOUT_MS,
			deadline: options.deadline,
			signal: options.signal,
		},
	);
	const [error] = envelope.errors;
	if (error) throw runwareApiError(ctx, error);
	const stored = envelope.data.find((item) => item.taskUUID === taskUUID) ?? envelope.data[0];
	if (typeof stored?.mediaUUID !== 'string') {
		throw new NodeApiError(ctx.getNode(), JSON.parse(JSON.stringify(stored ?? {})) as JsonObject, {
			message: 'Runware did not return a mediaUUID for the uploaded file',
		});
	}
	return {
		mediaUUID: stored.mediaUUID,
		mediaURL: typeof stored.mediaURL === 'string' ? stored.mediaURL : undefined,
	};
}

/**
 * What a Runware media field receives for a file from a binary property: the data URI itself when
 * small, else the UUID of an upload. Runware takes files only as base64 inside JSON, so the file is
 * read into memory either way; for very large inputs a public URL is the better choice. `mimeType`
 * replaces the file's declared type (e.g. application/octet-stream) by the one Runware takes.
 */
export async function runwareMediaFromBinary(
	ctx: ApiContext,
	input: BinaryInput,
	options: {
		signal?: AbortSignal;
		deadline?: number;
		inlineMaxBytes?: number;
		mimeType?: string;
	} = {},
): Promise<string> {
	const dataUri = await input.dataUri(options.mimeType);
	if (input.size <= (options.inlineMaxBytes ?? INLINE_MEDIA_MAX_BYTES)) return dataUri;
	return (await storeRunwareMedia(ctx, dataUri, options)).mediaUUID;
}
