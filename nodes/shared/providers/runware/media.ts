import type { BinaryInput } from '../../binary/input';
import type { ApiContext } from '../../http/send';
import { storeRunwareMedia } from './storage';

/**
 * Files up to this size go inline in the task as a data URI; bigger ones are stored with
 * `mediaStorage` first and referenced by UUID, so that one big body is not repeated in every task
 * (and the request stays within what the API takes in one go).
 */
export const INLINE_MEDIA_MAX_BYTES = 2 * 1024 * 1024;

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
