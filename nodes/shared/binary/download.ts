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

function downloadError(ctx: IExecuteFunctions | IWebhookFunctions, url: string, reason: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), { url }, {
		message: `The video could not be downloaded: ${reason}`,
		description: `URL: ${url}. Result URLs expire after a while; re-run the task check to get a fresh one.`,
	});
}

function discard(outcome: SendOutcome): void {
	if (outcome.kind === 'response') (outcome.response.body as { destroy?: () => void } | undefined)?.destroy?.();
}

/** Where a redirect leads, resolved against the URL that answered it; undefined when it names no place. */
function redirectTarget(outcome: SendOutcome, from: string): string | undefined {
	if (outcome.kind !== 'response' || !REDIRECT_STATUSES.has(outcome.response.statusCode)) return undefined;
	const location = outcome.response.headers.location;
	return typeof location === 'string' && URL.canParse(location, from) ? new URL(location, from).href : undefined;
}

/**
 * GETs the file, following redirects one hop at a time (n8n's own following would retry a redirect to another
 * scheme as a network failure): a hop to anything but http(s) fails at once, without retries.
 */
async function fetchFile(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: DownloadOptions,
): Promise<SendOutcome> {
	let current = url;
	for (let hops = 0; ; hops++) {
		const protocol = new URL(current).protocol;
		if (protocol !== 'http:' && protocol !== 'https:') {
			const where = hops === 0 ? 'it is' : 'it redirects to';
			throw downloadError(ctx, url, `${where} a ${protocol.slice(0, -1)} address, not http(s)`);
		}
		const from = current;
		const outcome = await sendWithRetry(
			async () =>
				await sendPublic(ctx, {
					method: 'GET',
					url: from,
					encoding: 'stream',
					timeout: options.timeoutMs ?? 120_000,
					headers: { Accept: '*/*' },
					disableFollowRedirect: true,
				}),
			{ safety: 'idempotent', signal: options.signal },
		);
		const next = redirectTarget(outcome, from);
		if (next === undefined) return outcome;
		discard(outcome);
		if (hops === MAX_REDIRECTS) throw downloadError(ctx, url, `more than ${MAX_REDIRECTS} redirects`);
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
	if (!URL.canParse(url)) throw downloadError(ctx, url, 'it is not a URL');
	const outcome = await fetchFile(ctx, url, options);
	if (outcome.kind === 'networkError' || outcome.response.statusCode >= 300) {
		discard(outcome);
		throw downloadError(ctx, url, outcome.kind === 'networkError' ? outcome.message : `HTTP ${outcome.response.statusCode}`);
	}
	const fileName = fileNameOf(url, options.fallbackFileName);
	const mimeType = mimeTypeOf(outcome.response.headers['content-type'], fileName);
	return await ctx.helpers.prepareBinaryData(outcome.response.body as BinarySource, fileName, mimeType);
}
