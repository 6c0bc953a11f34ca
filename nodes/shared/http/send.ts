import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { redactSecrets } from './secrets';

/** Any n8n context that can send authenticated requests. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/** A credential type the package authenticates with, and the fields of it that are secret. */
export interface ApiCredential {
	name: string;
	secretFields: readonly string[];
}

export interface HttpResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * The result of one attempt. Transport failures are data, not exceptions, so that the retry policy and the
 * provider layers can decide what they mean; `delivered: 'no'` says the request never reached the server.
 */
export type SendOutcome =
	| { kind: 'response'; response: HttpResponse }
	| { kind: 'networkError'; code: string; message: string; delivered: 'no' | 'unknown' };

// Errors that prove the connection was never established, so even a create request is safe to send again.
const NOT_DELIVERED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

function findErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Turns whatever n8n's request helpers threw into a transport outcome, keeping no request details (headers). */
export function toNetworkError(error: unknown): Extract<SendOutcome, { kind: 'networkError' }> {
	const code = findErrorCode(error) ?? 'ENETWORK';
	const message =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT'
			? 'the request timed out'
			: code === 'ECONNRESET' || code === 'EPIPE'
				? 'the connection was closed before an answer arrived'
				: code === 'ECONNREFUSED'
					? 'the connection was refused'
					: `the request failed (${code})`;
	return {
		kind: 'networkError',
		code,
		message,
		delivered: NOT_DELIVERED_CODES.has(code) ? 'no' : 'unknown',
	};
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

type Requester = (options: IHttpRequestOptions) => Promise<unknown>;

async function sendVia(request: Requester, options: IHttpRequestOptions): Promise<SendOutcome> {
	try {
		const response = (await request({
			...options,
			headers: { Accept: 'application/json', ...options.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; headers?: IDataObject; body: unknown };
		const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
		return {
			kind: 'response',
			response: {
				statusCode: response.statusCode,
				headers: response.headers ?? {},
				body: options.encoding === 'stream' ? body : parseBody(body),
			},
		};
	} catch (error) {
		return toNetworkError(error);
	}
}

async function secretsOf(ctx: ApiContext, credential: ApiCredential): Promise<string[]> {
	const values = await ctx.getCredentials<Record<string, unknown>>(credential.name);
	return credential.secretFields
		.map((field) => values[field])
		.filter((value): value is string => typeof value === 'string');
}

/**
 * Sends one request with the credential's authentication and returns status, headers and body whatever the
 * status code. The body is parsed as JSON when it is JSON; malformed JSON stays a string for the caller to report.
 *
 * Every answer passes here, so here the credential's secrets are taken out of it (a provider or a gateway may echo
 * the request's Authorization header into an error): nothing the node builds from an answer can carry them.
 */
export async function sendAuthenticated(
	ctx: ApiContext,
	credential: ApiCredential,
	options: IHttpRequestOptions,
): Promise<SendOutcome> {
	const outcome = await sendVia(
		async (request) =>
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, credential.name, {
				...request,
				sendCredentialsOnCrossOriginRedirect: false,
			}),
		options,
	);
	return redactSecrets(outcome, await secretsOf(ctx, credential));
}

/** Like `sendAuthenticated`, without credentials: for result downloads and public schema reads. */
export async function sendPublic(
	ctx: ApiContext,
	options: IHttpRequestOptions,
): Promise<SendOutcome> {
	return await sendVia(async (request) => await ctx.helpers.httpRequest(request), options);
}
