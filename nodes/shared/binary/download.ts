import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { sendWithRetry } from '../http/retry';
import { sendPublic, type SendOutcome } from '../http/send';

type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

const MIME_BY_EXTENSION: Record<string, string> = {
	mp4: 'video/mp4',
	webm: 'video/webm',
	mov: 'video/quicktime',
	gif: 'image/gif',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
};

export interface DownloadOptions {
	/** Used when the URL path has no usable file name. */
	fallbackFileName: string;
	timeoutMs?: number;
	signal?: AbortSignal;
}

function fileNameOf(url: string, fallback: string): string {
	try {
		const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
		return /\.[a-z0-9]{2,4}$/i.test(name) ? name : fallback;
	} catch {
		return fallback;
	}
}

function mimeTypeOf(contentType: unknown, fileName: string): string {
	const header = typeof contentType === 'string' ? contentType.split(';')[0].trim() : '';
	if (header && header !== 'application/octet-stream' && header !== 'binary/octet-stream') return header;
	return MIME_BY_EXTENSION[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'video/mp4';
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** An opened public file: the answer, a transport failure, or an address that is refused without a request. */
export type FileOutcome = SendOutcome | { kind: 'refused'; reason: string };

export interface OpenFileOptions {
	timeoutMs: number;
	signal?: AbortSignal;
}

/** Releases a body that will not be read. */
export function discardFile(outcome: FileOutcome): void {
	if (outcome.kind === 'response') (outcome.response.body as { destroy?: () => void } | undefined)?.destroy?.();
}

/** Why the file cannot be read, or undefined when its body can be. */
export function fileProblem(outcome: FileOutcome): string | undefined {
	if (outcome.kind === 'refused') return outcome.reason;
	if (outcome.kind === 'networkError') return outcome.message;
	return outcome.response.statusCode >= 300 ? `HTTP ${outcome.response.statusCode}` : undefined;
}

/** Where a redirect leads, resolved against the URL that answered it; undefined when it names no place. */
function redirectTarget(outcome: SendOutcome, from: string): string | undefined {
	if (outcome.kind !== 'response' || !REDIRECT_STATUSES.has(outcome.response.statusCode)) return undefined;
	const location = outcome.response.headers.location;
	return typeof location === 'string' && URL.canParse(location, from) ? new URL(location, from).href : undefined;
}

function schemeProblem(url: string, hops: number): string | undefined {
	if (!URL.canParse(url)) return 'it is not a URL';
	const protocol = new URL(url).protocol;
	if (protocol === 'http:' || protocol === 'https:') return undefined;
	return `${hops === 0 ? 'it is' : 'it redirects to'} a ${protocol.slice(0, -1)} address, not http(s)`;
}

/**
 * GETs a public file without credentials, body as a stream, following redirects one hop at a time: n8n's own
 * following would take a redirect to another scheme for a network failure, and retry it. A hop to anything but
 * http(s) is refused at once.
 */
export async function openPublicFile(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: OpenFileOptions,
): Promise<FileOutcome> {
	let current = url;
	for (let hops = 0; ; hops++) {
		const problem = schemeProblem(current, hops);
		if (problem !== undefined) return { kind: 'refused', reason: problem };
		const from = current;
		const outcome = await sendWithRetry(
			async () =>
				await sendPublic(ctx, {
					method: 'GET',
					url: from,
					encoding: 'stream',
					timeout: options.timeoutMs,
					headers: { Accept: '*/*' },
					disableFollowRedirect: true,
				}),
			{ safety: 'idempotent', signal: options.signal },
		);
		const next = redirectTarget(outcome, from);
		if (next === undefined) return outcome;
		discardFile(outcome);
		if (hops === MAX_REDIRECTS) return { kind: 'refused', reason: `more than ${MAX_REDIRECTS} redirects` };
		current = next;
	}
}

/**
 * Streams a result file into n8n binary data: the body is piped to n8n's binary store, never held whole in memory
 * (with filesystem or database binary mode). No credentials are sent: result URLs are public or pre-signed.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: DownloadOptions,
): Promise<IBinaryData> {
	const outcome = await openPublicFile(ctx, url, {
		timeoutMs: options.timeoutMs ?? 120_000,
		signal: options.signal,
	});
	const problem = fileProblem(outcome);
	if (problem !== undefined || outcome.kind !== 'response') {
		discardFile(outcome);
		throw new NodeApiError(ctx.getNode(), { url }, {
			message: `The video could not be downloaded: ${problem}`,
			description: `URL: ${url}. Result URLs expire after a while; re-run the task check to get a fresh one.`,
		});
	}
	const fileName = fileNameOf(url, options.fallbackFileName);
	const mimeType = mimeTypeOf(outcome.response.headers['content-type'], fileName);
	return await ctx.helpers.prepareBinaryData(outcome.response.body as BinarySource, fileName, mimeType);
}
