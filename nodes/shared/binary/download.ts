import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { abortableSleep } from '../polling/sleep';
import { sendWithRetry } from '../http/retry';
import { sendPublic, type HttpResponse, type SendOutcome } from '../http/send';
import { mimeTypeCandidates } from './mimeTypes';

type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

export interface DownloadOptions {
	/** Used when the URL path has no usable file name. */
	fallbackFileName: string;
	/** Epoch ms by which the whole file must be read (the node's time limit); no request outlasts it. */
	deadline?: number;
	signal?: AbortSignal;
}

/** Longest wait for one request of a download when no deadline bounds it (a resumed execution). */
const FILE_REQUEST_TIMEOUT_MS = 120_000;

/** The last segment of a URL's path, decoded (as it is when it is not valid percent-encoding); undefined when empty. */
export function fileNameOfUrl(url: string): string | undefined {
	const last = new URL(url).pathname.split('/').pop() ?? '';
	try {
		return decodeURIComponent(last) || undefined;
	} catch {
		return last;
	}
}

/** One header of an answer, the first when it came several times. */
export function headerOf(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name];
	return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** An opened public file: the answer, a transport failure, or an address that is refused without a request. */
type FileOutcome = SendOutcome | { kind: 'refused'; reason: string };

export interface OpenFileOptions {
	timeoutMs: number;
	/** Epoch ms: every request (and redirect hop) is cut short there. */
	deadline?: number;
	signal?: AbortSignal;
}

/** Releases a body that will not be read. */
export function discardBody(response: HttpResponse): void {
	(response.body as { destroy?: () => void } | undefined)?.destroy?.();
}

function discardFile(outcome: FileOutcome): void {
	if (outcome.kind === 'response') discardBody(outcome.response);
}

/** Why the file cannot be read, or undefined when its body can be. */
function fileProblem(outcome: FileOutcome): string | undefined {
	if (outcome.kind === 'refused') return outcome.reason;
	if (outcome.kind === 'networkError') return outcome.message;
	return outcome.response.statusCode >= 300 ? `HTTP ${outcome.response.statusCode}` : undefined;
}

/** Where a redirect leads, resolved against the URL that answered it; undefined when it names no place. */
function redirectTarget(outcome: SendOutcome, from: string): string | undefined {
	if (outcome.kind !== 'response' || !REDIRECT_STATUSES.has(outcome.response.statusCode))
		return undefined;
	const location = outcome.response.headers.location;
	return typeof location === 'string' && URL.canParse(location, from)
		? new URL(location, from).href
		: undefined;
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
async function openPublicFile(
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
			async (timeout) =>
				await sendPublic(ctx, {
					method: 'GET',
					url: from,
					encoding: 'stream',
					timeout,
					headers: { Accept: '*/*' },
					disableFollowRedirect: true,
				}),
			{
				safety: 'idempotent',
				timeoutMs: options.timeoutMs,
				deadline: options.deadline,
				signal: options.signal,
			},
		);
		const next = redirectTarget(outcome, from);
		if (next === undefined) return outcome;
		discardFile(outcome);
		if (hops === MAX_REDIRECTS)
			return { kind: 'refused', reason: `more than ${MAX_REDIRECTS} redirects` };
		current = next;
	}
}

/**
 * Opens a public file (see `openPublicFile`) whose body is to be read: its answer, or the error `failure` makes of
 * the reason it cannot be read (a refused address, a network failure, an HTTP status of 300 or more).
 */
export async function openReadableFile(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: OpenFileOptions,
	failure: (problem: string) => Error,
): Promise<HttpResponse> {
	const outcome = await openPublicFile(ctx, url, options);
	const problem = fileProblem(outcome);
	if (problem === undefined && outcome.kind === 'response') return outcome.response;
	discardFile(outcome);
	throw failure(problem ?? 'no answer');
}

interface FileBody {
	destroy(error?: Error): void;
	readableEnded?: boolean;
	destroyed?: boolean;
}

/**
 * Watches a body being read: resolves with the reason it was cut when it is still being read at the deadline (or
 * the execution is cancelled), after destroying it; with undefined once it ended or `stop` was called.
 */
function watchDeadline(
	body: FileBody,
	deadline: number,
	signal?: AbortSignal,
): { cut: Promise<string | undefined>; stop: () => void } {
	let reading = true;
	const watch = async (): Promise<string | undefined> => {
		while (reading && !body.readableEnded && !body.destroyed) {
			const left = deadline - Date.now();
			if (left > 0 && (await abortableSleep(Math.min(left, 1000), signal))) continue;
			if (!reading) return undefined;
			const reason = left > 0 ? 'the execution was cancelled' : 'the time limit was reached';
			body.destroy(new Error(reason));
			return reason;
		}
		return undefined;
	};
	return {
		cut: watch(),
		stop: () => {
			reading = false;
		},
	};
}

function downloadError(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	problem: string,
): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ url },
		{
			message: `The video could not be downloaded: ${problem}`,
			description: `URL: ${url}. Result URLs expire after a while; re-run the task check to get a fresh one.`,
		},
	);
}

/**
 * Streams a result file into n8n binary data: the body is piped to n8n's binary store, never held whole in memory
 * (with filesystem or database binary mode). No credentials are sent: result URLs are public or pre-signed. Every
 * request, and the reading of the body, ends by the deadline.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions | IWebhookFunctions,
	url: string,
	options: DownloadOptions,
): Promise<IBinaryData> {
	const { deadline, signal } = options;
	const response = await openReadableFile(
		ctx,
		url,
		{ timeoutMs: FILE_REQUEST_TIMEOUT_MS, deadline, signal },
		(problem) => downloadError(ctx, url, problem),
	);
	const named = fileNameOfUrl(url);
	const fileName =
		named !== undefined && /\.[a-z0-9]{2,4}$/i.test(named) ? named : options.fallbackFileName;
	const [mimeType = 'video/mp4'] = mimeTypeCandidates(headerOf(response, 'content-type'), fileName);
	const body = response.body as BinarySource & FileBody;
	const stored = ctx.helpers.prepareBinaryData(body, fileName, mimeType);
	// n8n's binary store may never settle once its source is destroyed: the deadline's verdict does not wait for it.
	stored.catch(() => undefined);
	const watch = deadline === undefined ? undefined : watchDeadline(body, deadline, signal);
	try {
		const cut = watch?.cut.then(async (reason) =>
			reason === undefined ? await stored : await Promise.reject(new Error(reason)),
		);
		return await (cut ? Promise.race([stored, cut]) : stored);
	} catch (error) {
		throw downloadError(ctx, url, error instanceof Error ? error.message : String(error));
	} finally {
		watch?.stop();
	}
}
