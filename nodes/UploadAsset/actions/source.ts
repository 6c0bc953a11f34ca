import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { discardFile, fileProblem, openPublicFile } from '../../shared/binary/download';
import type { BinaryInput } from '../../shared/binary/input';
import { readBinaryInput } from '../../shared/binary/input';
import { mimeTypeCandidates } from '../../shared/binary/mimeTypes';
import type { HttpResponse } from '../../shared/http/send';
import { TypedParameters } from '../../shared/parameters/typed';
import type { AssetBody } from '../../shared/providers/runway/assets';

const SOURCE_KINDS = ['binary', 'url'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

interface SourceFile {
	fileName: string;
	/** The types the file may have, best first (see `mimeTypeCandidates`). */
	mimeTypes: string[];
	/** Bytes: exact for a binary, what the server announced for a URL (if it did). */
	size?: number;
	/** The file as a request body, opened afresh on every call (a retry sends it again). */
	open(): Promise<AssetBody>;
	/** Frees what reading the source holds open (the first download of a URL). */
	discard(): void;
}

export type UploadSource = SourceFile &
	({ kind: 'binary'; input: BinaryInput } | { kind: 'url'; url: string });

const FETCH_TIMEOUT_MS = 300_000;

type StreamBody = { destroy?: () => void } | undefined;

function destroy(response: HttpResponse): void {
	(response.body as StreamBody)?.destroy?.();
}

function header(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name];
	return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
}

function fileNameOf(url: string): string {
	const last = new URL(url).pathname.split('/').pop() ?? '';
	try {
		return decodeURIComponent(last) || 'upload';
	} catch {
		return last;
	}
}

/** Opens a download of `url` (no credentials sent); the body stays a stream. */
async function fetchFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
	signal: AbortSignal | undefined,
): Promise<HttpResponse> {
	const outcome = await openPublicFile(ctx, url, { timeoutMs: FETCH_TIMEOUT_MS, signal });
	const problem = fileProblem(outcome);
	if (problem === undefined && outcome.kind === 'response') return outcome.response;
	discardFile(outcome);
	throw new NodeOperationError(
		ctx.getNode(),
		`The file at ${url} could not be fetched: ${problem}`,
		{
			itemIndex,
			description: 'The URL must be reachable from n8n without credentials.',
		},
	);
}

function readUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	const given = ctx.getNodeParameter('url', itemIndex, '');
	const url = (new TypedParameters(ctx, itemIndex).text('URL', given) ?? '').trim();
	if (/^https?:\/\/[^/]/i.test(url) && URL.canParse(url)) return url;
	throw new NodeOperationError(
		ctx.getNode(),
		url === '' ? 'The URL is empty' : `"${url}" is not an http(s) URL`,
		{ itemIndex },
	);
}

async function urlSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	signal: AbortSignal | undefined,
): Promise<UploadSource> {
	const url = readUrl(ctx, itemIndex);
	const first = await fetchFile(ctx, itemIndex, url, signal);
	let unread: HttpResponse | undefined = first;
	const length = header(first, 'content-length')?.trim();
	const fileName = fileNameOf(url);
	return {
		kind: 'url',
		url,
		fileName,
		mimeTypes: mimeTypeCandidates(header(first, 'content-type'), fileName),
		size: length && /^\d+$/.test(length) ? Number(length) : undefined,
		async open() {
			const response = unread ?? (await fetchFile(ctx, itemIndex, url, signal));
			unread = undefined;
			return response.body as AssetBody;
		},
		discard() {
			if (unread) destroy(unread);
			unread = undefined;
		},
	};
}

async function binarySource(ctx: IExecuteFunctions, itemIndex: number): Promise<UploadSource> {
	const given = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data');
	const propertyName = (
		new TypedParameters(ctx, itemIndex).text('Input Binary Field', given) ?? ''
	).trim();
	const input = await readBinaryInput(ctx, itemIndex, propertyName);
	return {
		kind: 'binary',
		input,
		fileName: input.fileName,
		mimeTypes: mimeTypeCandidates(input.mimeType, input.fileName),
		size: input.size,
		open: input.body,
		discard: () => undefined,
	};
}

/**
 * The file to upload for item `itemIndex`: a binary property of the item (streamed from n8n's binary store when it
 * is kept there), or a URL whose download is opened to learn its type and size. Call `discard()` when done.
 */
export async function readUploadSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	signal: AbortSignal | undefined,
): Promise<UploadSource> {
	const kind = new TypedParameters(ctx, itemIndex).oneOf(
		'Source',
		ctx.getNodeParameter('source', itemIndex, 'binary'),
		SOURCE_KINDS,
	);
	return kind === 'url'
		? await urlSource(ctx, itemIndex, signal)
		: await binarySource(ctx, itemIndex);
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
		`${source.fileName} is of ${found ? `type ${found}` : 'unknown type'}, which ${provider.label} does not accept`,
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
		throw new NodeOperationError(ctx.getNode(), `${source.fileName} is empty`, { itemIndex });
	}
	if (limit && source.size !== undefined && source.size > limit.maxBytes) {
		const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
		throw new NodeOperationError(
			ctx.getNode(),
			`${source.fileName} is ${mb(source.size)}, more than the ${mb(limit.maxBytes)} ${limit.what}`,
			{ itemIndex },
		);
	}
}
