import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { sendWithRetry } from '../http/retry';
import { sendPublic } from '../http/send';

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

/**
 * Streams a result file into n8n binary data: the body is piped to n8n's binary store, never held whole in memory
 * (with filesystem or database binary mode). No credentials are sent: result URLs are public or pre-signed.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: DownloadOptions,
): Promise<IBinaryData> {
	const outcome = await sendWithRetry(
		async () =>
			await sendPublic(ctx, {
				method: 'GET',
				url,
				encoding: 'stream',
				timeout: options.timeoutMs ?? 120_000,
				headers: { Accept: '*/*' },
			}),
		{ safety: 'idempotent', signal: options.signal },
	);
	if (outcome.kind === 'networkError' || outcome.response.statusCode >= 300) {
		if (outcome.kind === 'response') (outcome.response.body as { destroy?: () => void } | undefined)?.destroy?.();
		const reason =
			outcome.kind === 'networkError' ? outcome.message : `HTTP ${outcome.response.statusCode}`;
		throw new NodeApiError(ctx.getNode(), { url }, {
			message: `The video could not be downloaded: ${reason}`,
			description: `URL: ${url}. Result URLs expire after a while; re-run the task check to get a fresh one.`,
		});
	}
	const fileName = fileNameOf(url, options.fallbackFileName);
	const mimeType = mimeTypeOf(outcome.response.headers['content-type'], fileName);
	return await ctx.helpers.prepareBinaryData(outcome.response.body as BinarySource, fileName, mimeType);
}
