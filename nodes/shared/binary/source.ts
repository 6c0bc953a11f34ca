import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HttpResponse } from '../http/send';
import { discardBody, fileNameOfUrl, headerOf, openReadableFile } from './download';
import type { BinaryInput } from './input';
import { readBinaryInput } from './input';
import { mimeTypeCandidates } from './mimeTypes';

/** A request body that can be opened again for a retry: a fresh stream (or the buffer) per call. */
export type UploadBody = Awaited<ReturnType<BinaryInput['body']>>;

interface SourceFile {
	fileName: string;
	/** Where the file comes from, for messages (e.g. "binary field 'data' of Image 1"); unset: its name says enough. */
	origin?: string;
	/** The types the file may have, best first (see `mimeTypeCandidates`). */
	mimeTypes: string[];
	/** Bytes: exact for a binary, what the server announced for a URL (if it did). */
	size?: number;
	/** The file as a request body, opened afresh on every call (a retry sends it again). */
	open(): Promise<UploadBody>;
	/** Frees what reading the source holds open (the first download of a URL). */
	discard(): void;
}

export type UploadSource = SourceFile &
	({ kind: 'binary'; input: BinaryInput } | { kind: 'url'; url: string });

const FETCH_TIMEOUT_MS = 300_000;

/** Opens a download of `url` (no credentials sent); the body stays a stream. */
async function fetchFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
	signal: AbortSignal | undefined,
): Promise<HttpResponse> {
	return await openReadableFile(
		ctx,
		url,
		{ timeoutMs: FETCH_TIMEOUT_MS, signal },
		(problem) =>
			new NodeOperationError(ctx.getNode(), `The file at ${url} could not be fetched: ${problem}`, {
				itemIndex,
				description: 'The URL must be reachable from n8n without credentials.',
			}),
	);
}

/** A file at a public http(s) URL, whose download is opened to learn its type and size. Call `discard()` when done. */
export async function urlSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
	signal: AbortSignal | undefined,
): Promise<UploadSource> {
	const first = await fetchFile(ctx, itemIndex, url, signal);
	let unread: HttpResponse | undefined = first;
	const length = headerOf(first, 'content-length')?.trim();
	const fileName = fileNameOfUrl(url) ?? 'upload';
	return {
		kind: 'url',
		url,
		fileName,
		mimeTypes: mimeTypeCandidates(headerOf(first, 'content-type'), fileName),
		size: length && /^\d+$/.test(length) ? Number(length) : undefined,
		async open() {
			const response = unread ?? (await fetchFile(ctx, itemIndex, url, signal));
			unread = undefined;
			return response.body as UploadBody;
		},
		discard() {
			if (unread) discardBody(unread);
			unread = undefined;
		},
	};
}

/**
 * The file in binary property `propertyName` of item `itemIndex`, streamed from n8n's binary store when it is kept
 * there; n8n's own error names a property the item lacks.
 */
export async function binarySource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	origin?: string,
): Promise<UploadSource> {
	const input = await readBinaryInput(ctx, itemIndex, propertyName);
	return {
		kind: 'binary',
		input,
		origin,
		fileName: input.fileName,
		mimeTypes: mimeTypeCandidates(input.mimeType, input.fileName),
		size: input.size,
		open: input.body,
		discard: () => undefined,
	};
}

/** The file as messages name it: its name, and where it comes from when that is known. */
function named(source: UploadSource): string {
	return source.origin ? `${source.fileName} (${source.origin})` : source.fileName;
}

/**
 * The first of the file's possible types that the provider takes, in the provider's spelling; otherwise an error
 * naming the types it takes.
 */
export function acceptedType<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: UploadSource,
	provider: { label: string; accepted: readonly string[]; accept(mimeType: string): T | undefined },
): T {
	for (const mimeType of source.mimeTypes) {
		const accepted = provider.accept(mimeType);
		if (accepted !== undefined) return accepted;
	}
	const [found] = source.mimeTypes;
	throw new NodeOperationError(
		ctx.getNode(),
		`${named(source)} is of ${found ? `type ${found}` : 'unknown type'}, which ${provider.label} does not accept`,
		{ itemIndex, description: `${provider.label} accepts: ${provider.accepted.join(', ')}.` },
	);
}

/** Refuses an empty file, or one over `maxBytes`, before anything is sent. */
export function checkSize(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: UploadSource,
	limit?: { maxBytes: number; what: string },
): void {
	if (source.size === 0) {
		throw new NodeOperationError(ctx.getNode(), `${named(source)} is empty`, { itemIndex });
	}
	if (limit && source.size !== undefined && source.size > limit.maxBytes) {
		const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
		throw new NodeOperationError(
			ctx.getNode(),
			`${named(source)} is ${mb(source.size)}, more than the ${mb(limit.maxBytes)} ${limit.what}`,
			{ itemIndex },
		);
	}
}
