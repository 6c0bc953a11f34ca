import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { acceptedType, checkSize, type UploadBody, type UploadSource } from '../../binary/source';
import { sendWithRetry } from '../../http/retry';
import { sendAuthenticated } from '../../http/send';
import type { ApiContext } from '../../http/send';
import { isJsonObject, jsonNumber, jsonText, withoutUndefined } from '../../json';
import { accountOfUseApiId } from './accounts';
import {
	USEAPI_API,
	useApiCredentials,
	useApiRequest,
	useApiResponse,
	useApiUrl,
} from './transport';

/** Content types POST /v1/runwayml/assets accepts (useapi.net allow-list, spelled as useapi.net spells them). */
export const RUNWAY_ASSET_CONTENT_TYPES = [
	'image/png',
	'image/jpeg',
	'image/gif',
	'image/webp',
	'image/mpo',
	'video/mp4',
	'video/quicktime',
	'video/3gpp',
	'video/x-matroska',
	'video/x-flv',
	'video/mpeg',
	'video/MP2T',
	'video/x-msvideo',
	'video/x-motion-jpeg',
	'video/webm',
	'video/ogg',
	'audio/wav',
	'audio/wave',
	'audio/mpeg',
	'audio/flac',
	'audio/ogg',
	'audio/webm',
] as const;

/** The `mediaType` values the asset list filters by. */
export const RUNWAY_ASSET_MEDIA_TYPES = ['image', 'video', 'audio'] as const;

export type RunwayAssetMediaType = (typeof RUNWAY_ASSET_MEDIA_TYPES)[number];

/** Most assets one list request returns (useapi.net takes `limit` 1–50). */
export const RUNWAY_ASSET_PAGE_SIZE = 50;

/** Highest `offset` the list endpoint takes. */
export const RUNWAY_ASSET_MAX_OFFSET = 1000;

const ASSETS_PATH = ['v1', 'runwayml', 'assets'];
const UPLOAD_TIMEOUT_MS = 300_000;
const REQUEST_TIMEOUT_MS = 30_000;

// Common spellings of allowed types that useapi.net would refuse as they are.
const ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'audio/x-wav': 'audio/wav',
	'audio/mp3': 'audio/mpeg',
	'audio/x-flac': 'audio/flac',
	'video/avi': 'video/x-msvideo',
};

/** The allow-listed spelling of a MIME type, or undefined when useapi.net does not take it. */
export function runwayAssetContentType(mimeType: string): string | undefined {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	const canonical = ALIASES[type] ?? type;
	return RUNWAY_ASSET_CONTENT_TYPES.find((allowed) => allowed.toLowerCase() === canonical);
}

/** What useapi.net takes as an asset file, as `acceptedType` checks it. */
const RUNWAY_ASSET_FILES = {
	label: 'useapi.net (Runway)',
	accepted: RUNWAY_ASSET_CONTENT_TYPES,
	accept: runwayAssetContentType,
};

/**
 * The content type to upload `source` with, in useapi.net's spelling; an error before any request when useapi.net
 * does not take the file's type, or the file is empty.
 */
export function runwayAssetFileType(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: UploadSource,
): string {
	const contentType = acceptedType(ctx, itemIndex, source, RUNWAY_ASSET_FILES);
	checkSize(ctx, itemIndex, source);
	return contentType;
}

export interface RunwayAssetUpload {
	/** Shown in Runway's asset library. */
	name: string;
	/** The account to store it in; undefined: the only linked account. */
	email?: string;
	/** An allow-listed type (see `runwayAssetContentType`). */
	contentType: string;
	/** Exact byte count when known: sent as Content-Length, else the body goes chunked. */
	size?: number;
	open(): Promise<UploadBody>;
	signal?: AbortSignal;
	/** Epoch ms: no retry starts after it, and no attempt outlasts it. */
	deadline?: number;
}

function mediaTypeOf(raw: IDataObject): string | undefined {
	const type = isJsonObject(raw.type) ? raw.type : {};
	return jsonText(raw.mediaType) ?? jsonText(type.type) ?? jsonText(type.name);
}

/**
 * One asset as the node outputs it, from the upload answer or a list entry (their shapes differ): the ID the
 * video fields take, the account that holds it (and runs every generation using it), and the file's facts.
 */
export function runwayAssetJson(raw: IDataObject): IDataObject {
	const assetId = jsonText(raw.assetId) ?? '';
	const metadata = isJsonObject(raw.metadata) ? raw.metadata : {};
	const previews = Array.isArray(raw.previewUrls) ? raw.previewUrls : [];
	const json: IDataObject = {
		assetId,
		account: accountOfUseApiId(assetId),
		name: jsonText(raw.name),
		mediaType: mediaTypeOf(raw),
		fileSize: jsonNumber(raw.fileSize) ?? jsonNumber(raw.size),
		url: jsonText(raw.url),
		previewUrl: jsonText(previews[0]),
		duration: jsonNumber(metadata.duration),
		width: jsonNumber(metadata.width),
		height: jsonNumber(metadata.height),
		frameRate: jsonNumber(metadata.frameRate),
		createdAt: jsonText(raw.createdAt),
	};
	return withoutUndefined(json);
}

function unexpectedAnswer(ctx: ApiContext, what: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), {}, { message: `useapi.net answered ${what}` });
}

/**
 * Uploads one file as a Runway asset: the raw bytes as the body, streamed when the source is a stream. A retry
 * (after a transient failure) opens the body again; at worst it stores a second copy, it starts no paid work.
 */
export async function uploadRunwayAsset(
	ctx: ApiContext,
	upload: RunwayAssetUpload,
): Promise<IDataObject> {
	const { baseUrl } = await useApiCredentials(ctx);
	const headers: IDataObject = { 'Content-Type': upload.contentType };
	if (upload.size !== undefined) headers['Content-Length'] = String(upload.size);
	const outcome = await sendWithRetry(
		async (timeout) =>
			await sendAuthenticated(ctx, USEAPI_API, {
				method: 'POST',
				url: useApiUrl(baseUrl, { path: ASSETS_PATH, trailingSlash: true }),
				qs: { name: upload.name, ...(upload.email ? { email: upload.email } : {}) },
				body: await upload.open(),
				headers,
				timeout,
			}),
		{
			safety: 'idempotent',
			timeoutMs: UPLOAD_TIMEOUT_MS,
			deadline: upload.deadline,
			signal: upload.signal,
		},
	);
	const { body } = await useApiResponse(ctx, outcome, 'idempotent');
	if (!isJsonObject(body) || jsonText(body.assetId) === undefined) {
		throw unexpectedAnswer(ctx, 'the upload without an assetId');
	}
	return runwayAssetJson(body);
}

/** Uploads a source file as a Runway asset named `name` (default: the file's name). */
export async function uploadRunwayAssetFile(
	ctx: ApiContext,
	source: UploadSource,
	upload: Omit<RunwayAssetUpload, 'open' | 'size' | 'name'> & { name?: string },
): Promise<IDataObject> {
	return await uploadRunwayAsset(ctx, {
		...upload,
		name: upload.name || source.fileName,
		// A URL's announced length may be of the compressed transfer: only a binary's size is exact.
		size: source.kind === 'binary' ? source.size : undefined,
		open: source.open,
	});
}

export interface RunwayAssetQuery {
	/** Only this account's assets; undefined: every linked account. */
	email?: string;
	mediaType?: RunwayAssetMediaType;
	/** How many to return at most; undefined: all that the API lists. */
	limit?: number;
	signal?: AbortSignal;
}

/** Lists assets, newest first, page by page until `limit` or the API's last page (offset up to 1000). */
export async function listRunwayAssets(
	ctx: ApiContext,
	query: RunwayAssetQuery,
): Promise<IDataObject[]> {
	const assets: IDataObject[] = [];
	const wanted = query.limit ?? Number.POSITIVE_INFINITY;
	for (let offset = 0; offset <= RUNWAY_ASSET_MAX_OFFSET && assets.length < wanted; ) {
		const limit = Math.min(RUNWAY_ASSET_PAGE_SIZE, wanted - assets.length);
		const { body } = await useApiRequest(ctx, {
			method: 'GET',
			path: ASSETS_PATH,
			trailingSlash: true,
			qs: {
				offset,
				limit,
				...(query.email ? { email: query.email } : {}),
				...(query.mediaType ? { mediaType: query.mediaType } : {}),
			},
			safety: 'idempotent',
			timeoutMs: REQUEST_TIMEOUT_MS,
			signal: query.signal,
		});
		if (!Array.isArray(body))
			throw unexpectedAnswer(ctx, 'the asset list with something other than a list');
		assets.push(...body.filter(isJsonObject).map(runwayAssetJson));
		if (body.length < limit) break;
		offset += body.length;
	}
	return assets;
}

/** Deletes one asset. */
export async function deleteRunwayAsset(
	ctx: ApiContext,
	assetId: string,
	options: { signal?: AbortSignal } = {},
): Promise<void> {
	await useApiRequest(ctx, {
		method: 'DELETE',
		path: [...ASSETS_PATH, assetId],
		safety: 'idempotent',
		timeoutMs: REQUEST_TIMEOUT_MS,
		signal: options.signal,
	});
}
