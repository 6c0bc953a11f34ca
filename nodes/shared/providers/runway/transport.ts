import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestSafety } from '../../http/retry';
import { retryAfterMs, sendWithRetry } from '../../http/retry';
import { apiPath } from '../../http/path';
import type { ApiContext, ApiCredential, HttpResponse, SendOutcome } from '../../http/send';
import { sendAuthenticated } from '../../http/send';
import { markAmbiguous } from '../../errors';

export const USEAPI_CREDENTIAL = 'useApiApi';

export const USEAPI_API: ApiCredential = { name: USEAPI_CREDENTIAL, secretFields: ['apiToken'] };

/** The credential's settings; its token is only ever read by n8n, to authenticate. */
export interface UseApiCredentials {
	email: string;
	baseUrl: string;
}

export async function useApiCredentials(ctx: ApiContext): Promise<UseApiCredentials> {
	const credentials = await ctx.getCredentials<{ email?: string; baseUrl?: string }>(
		USEAPI_CREDENTIAL,
	);
	return {
		email: (credentials.email ?? '').trim(),
		baseUrl: (credentials.baseUrl || 'https://api.useapi.net').replace(/\/+$/, ''),
	};
}

export interface UseApiRequest {
	method: IHttpRequestMethods;
	/** Segments of the path below the base URL, e.g. `['v1', 'runwayml', 'tasks', taskId]` (see `apiPath`). */
	path: readonly string[];
	/** Ends the path with `/`, where useapi.net documents it so (`/v1/runwayml/assets/`). */
	trailingSlash?: boolean;
	qs?: IDataObject;
	/** JSON body. */
	body?: IDataObject;
	/** Raw body (asset uploads) with its content type. */
	raw?: { data: Buffer; contentType: string };
	safety: RequestSafety;
	/** Epoch ms after which no retry is started (and a read is not waited for). */
	deadline?: number;
	timeoutMs?: number;
	maxAttempts?: number;
	signal?: AbortSignal;
	/** Statuses returned at once instead of retried (see `RetryPolicy.returnStatuses`). */
	returnStatuses?: readonly number[];
}

/** The URL of a useapi.net request: the credential's base URL and the path made of `path` by `apiPath`. */
export function useApiUrl(
	baseUrl: string,
	request: Pick<UseApiRequest, 'path' | 'trailingSlash'>,
): string {
	return `${baseUrl}${apiPath(request.path, { trailingSlash: request.trailingSlash })}`;
}

/** Sends one useapi.net request under the shared retry policy and returns the last outcome unmapped. */
export async function useApiSend(ctx: ApiContext, request: UseApiRequest): Promise<SendOutcome> {
	const { baseUrl } = await useApiCredentials(ctx);
	const url = useApiUrl(baseUrl, request);
	return await sendWithRetry(
		async (timeout) =>
			await sendAuthenticated(ctx, USEAPI_API, {
				method: request.method,
				url,
				qs: request.qs,
				...(request.raw
					? { body: request.raw.data, headers: { 'Content-Type': request.raw.contentType } }
					: request.body
						? { body: request.body, json: true }
						: {}),
				timeout,
			}),
		{
			safety: request.safety,
			deadline: request.deadline,
			timeoutMs: request.timeoutMs ?? 60_000,
			maxAttempts: request.maxAttempts,
			signal: request.signal,
			returnStatuses: request.returnStatuses,
		},
	);
}

/** The message useapi.net put in an error body (`{error, code}`), or the raw text. */
export function useApiErrorText(body: unknown): string {
	if (typeof body === 'string') return body.slice(0, 500);
	if (body && typeof body === 'object') {
		const error = (body as IDataObject).error;
		if (typeof error === 'string') return error;
		if (error && typeof error === 'object') {
			const nested = error as IDataObject;
			return String(
				nested.message ?? nested.errorMessage ?? nested.reason ?? JSON.stringify(error),
			);
		}
	}
	return '';
}

const STATUS_MESSAGES: Record<number, { message: string; hint: string }> = {
	400: {
		message: 'useapi.net refused the request',
		hint: 'Check the parameters named in the message.',
	},
	401: {
		message: 'useapi.net rejected the API token',
		hint: 'Check the token in the useapi.net credential: the whole value, starting with "user:".',
	},
	402: {
		message: 'The useapi.net subscription is not active',
		hint: 'Renew the subscription on useapi.net; nothing was sent to Runway.',
	},
	404: { message: 'useapi.net does not know this id', hint: 'Check the task or asset id.' },
	412: {
		message: 'The Runway account has not enough credits',
		hint: 'Add credits to the Runway account, or use Explore Mode with a Runway Unlimited plan.',
	},
	422: {
		message: 'Runway moderated the request',
		hint: 'Change the prompt or the images. Repeated moderation can get the Runway account suspended.',
	},
	429: {
		message: 'The Runway account is busy',
		hint: 'All job slots of the account are taken; wait for a job to finish or link more accounts.',
	},
	596: {
		message: 'The linked Runway account needs attention',
		hint: 'useapi.net cannot use the Runway account (token rejected, moderation or CAPTCHA pending). Re-add the account on useapi.net.',
	},
};

/** Maps a failed useapi.net outcome to an n8n error that says what happened and what the user can do. */
export function useApiError(
	ctx: ApiContext,
	outcome: SendOutcome,
	options: { safety: RequestSafety; itemIndex?: number },
): NodeApiError {
	if (outcome.kind === 'networkError') {
		const error = new NodeApiError(
			ctx.getNode(),
			{ code: outcome.code },
			{
				message: `useapi.net could not be reached: ${outcome.message}`,
				itemIndex: options.itemIndex,
			},
		);
		return options.safety === 'create' && outcome.delivered === 'unknown'
			? markAmbiguous(error)
			: error;
	}
	const { statusCode, body } = outcome.response;
	const known = STATUS_MESSAGES[statusCode] ?? {
		message:
			statusCode >= 500
				? 'useapi.net had a server error'
				: `useapi.net answered HTTP ${statusCode}`,
		hint: statusCode >= 500 ? 'Try again later.' : '',
	};
	const text = useApiErrorText(body);
	const error = new NodeApiError(ctx.getNode(), { statusCode, error: text } as JsonObject, {
		message: text ? `${known.message}: ${text}` : known.message,
		description: known.hint,
		httpCode: String(statusCode),
		itemIndex: options.itemIndex,
	});
	return options.safety === 'create' && statusCode >= 500 && statusCode !== 596
		? markAmbiguous(error)
		: error;
}

/** Wait implied by a 429: Retry-After or the body's retryAfter when given, else 10–30 s with jitter (the API document). */
export function busyWaitMs(response: HttpResponse, random = Math.random): number {
	const fromHeader = retryAfterMs(response);
	if (fromHeader !== undefined) return fromHeader;
	const retryAfter = (response.body as IDataObject | undefined)?.retryAfter;
	if (typeof retryAfter === 'number') return retryAfter * 1000;
	if (typeof retryAfter === 'string' && !Number.isNaN(Date.parse(retryAfter))) {
		return Math.max(0, Date.parse(retryAfter) - Date.now());
	}
	return 10_000 + Math.round(20_000 * random());
}

/** The 2xx response of an outcome; any other outcome becomes a clear error. */
export async function useApiResponse(
	ctx: ApiContext,
	outcome: SendOutcome,
	safety: RequestSafety,
): Promise<HttpResponse> {
	if (outcome.kind === 'response' && outcome.response.statusCode < 300) {
		if (typeof outcome.response.body === 'string' && outcome.response.body.trim() !== '') {
			const error = new NodeApiError(
				ctx.getNode(),
				{ statusCode: outcome.response.statusCode },
				{
					message: 'useapi.net answered with a body that is not valid JSON',
				},
			);
			throw safety === 'create' ? markAmbiguous(error) : error;
		}
		return outcome.response;
	}
	throw useApiError(ctx, outcome, { safety });
}

/** Sends a request and returns its 2xx response; any other outcome becomes a clear error. */
export async function useApiRequest(
	ctx: ApiContext,
	request: UseApiRequest,
): Promise<HttpResponse> {
	return await useApiResponse(ctx, await useApiSend(ctx, request), request.safety);
}
