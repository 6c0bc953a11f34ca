/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { IncomingHttpHeaders } from 'node:http';

import type { Reply } from './http';
import type { Knobs } from './knobs';

/** Keys whose text APIs fill with an error's wording (useapi.net `error`, Runware `message`, task failures). */
const ERROR_TEXT_KEYS = new Set(['error', 'message', 'errorMessage', 'responseContent']);

/**
 * What a provider or gateway that echoes the request's headers writes into an error: the headers as received, and
 * the Authorization header URL-encoded and in base64, as some proxies log it.
 */
export function echoedHeaders(headers: IncomingHttpHeaders): string {
	const authorization = String(headers.authorization ?? '');
	return (
		`request headers: ${JSON.stringify(headers)}; ` +
		`authorization (URL-encoded): ${encodeURIComponent(authorization)}; ` +
		`authorization (base64): ${Buffer.from(authorization).toString('base64')}`
	);
}

function echoInto(value: unknown, echo: string): unknown {
	if (Array.isArray(value)) return value.map((entry) => echoInto(entry, echo));
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			key,
			typeof entry === 'string' && ERROR_TEXT_KEYS.has(key)
				? `${entry} (${echo})`
				: echoInto(entry, echo),
		]),
	);
}

/** A JSON body with `echo` appended to each error text in it (bodies without errors come back equal). */
export function withEcho<T>(body: T, echo: string): T {
	return echoInto(body, echo) as T;
}

/** A reply with the request's headers echoed into its error texts, and into the text of a failed non-JSON answer. */
export function echoReply(reply: Reply, headers: IncomingHttpHeaders): Reply {
	const echo = echoedHeaders(headers);
	if (reply.json !== undefined) return { ...reply, json: withEcho(reply.json, echo) };
	if (reply.text !== undefined && reply.status >= 400) {
		return { ...reply, text: `${reply.text}\n${echo}` };
	}
	return reply;
}

/** `reply` as the provider's knobs want it: with the request's headers echoed when `echoHeaders` is on. */
export function echoing(
	ctx: { knobs: Knobs; req: { headers: IncomingHttpHeaders } },
	provider: 'runware' | 'useapi',
	reply: Reply,
): Reply {
	return ctx.knobs[provider].echoHeaders ? echoReply(reply, ctx.req.headers) : reply;
}

/** What a callback of a task started with `token` echoes when `echoHeaders` is on. */
export function callbackEcho<T>(body: T, knobs: { echoHeaders: boolean }, token: string): T {
	return knobs.echoHeaders
		? withEcho(body, echoedHeaders({ authorization: `Bearer ${token}` }))
		: body;
}
