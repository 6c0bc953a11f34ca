import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestSafety } from '../../http/retry';
import { isTemporaryStatus, sendWithRetry } from '../../http/retry';
import type { ApiContext, ApiCredential, SendOutcome } from '../../http/send';
import { sendAuthenticated } from '../../http/send';
import { markAmbiguous, markTemporary } from '../../errors';
import { isJsonObject } from '../../json';

export const RUNWARE_CREDENTIAL = 'runwareApi';

export const RUNWARE_API: ApiCredential = { name: RUNWARE_CREDENTIAL, secretFields: ['apiKey'] };

/** An error object as Runware returns it in `errors[]`, or embedded in a `data[]` item. */
export interface RunwareApiError {
	code: string;
	message: string;
	parameter?: string | string[];
	allowedValues?: unknown[];
	taskUUID?: string;
	taskType?: string;
	responseContent?: string;
	documentation?: string;
	type?: string;
}

export interface RunwareEnvelope {
	data: IDataObject[];
	errors: RunwareApiError[];
}

export interface RunwareRequestOptions {
	safety: RequestSafety;
	/** Epoch ms after which no retry is started (and a read is not waited for). */
	deadline?: number;
	/** Per-request timeout in ms. */
	timeoutMs?: number;
	signal?: AbortSignal;
}

async function runwareBaseUrl(ctx: ApiContext): Promise<string> {
	const credentials = await ctx.getCredentials<{ baseUrl?: string }>(RUNWARE_CREDENTIAL);
	return (credentials.baseUrl || 'https://api.runware.ai/v1').replace(/\/+$/, '');
}

/** Reads one Runware error object, tolerating the singular `{error: {...}}` form. */
export function parseRunwareError(raw: unknown): RunwareApiError | undefined {
	if (!isJsonObject(raw)) return undefined;
	const source = isJsonObject(raw.error)
		? { ...raw.error, taskUUID: raw.error.taskUUID ?? raw.taskUUID }
		: raw;
	if (typeof source.code !== 'string' && typeof source.message !== 'string') return undefined;
	const parameter = source.parameter;
	return {
		code: typeof source.code === 'string' ? source.code : 'unknownError',
		message: typeof source.message === 'string' ? source.message : String(source.code),
		parameter:
			typeof parameter === 'string' || Array.isArray(parameter)
				? (parameter as string | string[])
				: undefined,
		allowedValues: Array.isArray(source.allowedValues) ? source.allowedValues : undefined,
		taskUUID: typeof source.taskUUID === 'string' ? source.taskUUID : undefined,
		taskType: typeof source.taskType === 'string' ? source.taskType : undefined,
		responseContent:
			typeof source.responseContent === 'string' ? source.responseContent : undefined,
		documentation: typeof source.documentation === 'string' ? source.documentation : undefined,
		type: typeof source.type === 'string' ? source.type : undefined,
	};
}

export function parseEnvelope(body: unknown): RunwareEnvelope | undefined {
	if (!isJsonObject(body)) return undefined;
	const data = Array.isArray(body.data) ? (body.data.filter(isJsonObject) as IDataObject[]) : [];
	const rawErrors = Array.isArray(body.errors) ? body.errors : body.error ? [body] : [];
	const errors = rawErrors.map(parseRunwareError).filter((e): e is RunwareApiError => !!e);
	if (!Array.isArray(body.data) && rawErrors.length === 0) return undefined;
	return { data, errors };
}

const STATUS_HINTS: Record<number, string> = {
	401: 'Runware rejected the API key. Check the API key in the Runware credential.',
	402: 'The Runware account has not enough balance. Top it up in the Runware dashboard.',
	403: 'The Runware API key is not allowed to do this. Check its permissions in the Runware dashboard.',
};

/** The n8n error for one Runware error object: code, message, parameter and allowed values, nothing secret. */
export function runwareApiError(
	ctx: ApiContext,
	error: RunwareApiError,
	options: { itemIndex?: number; httpCode?: number } = {},
): NodeApiError {
	const parameter = Array.isArray(error.parameter) ? error.parameter.join(', ') : error.parameter;
	const details = [
		parameter ? `Parameter: ${parameter}` : undefined,
		error.allowedValues
			? `Allowed values: ${error.allowedValues.map(String).join(', ')}`
			: undefined,
		error.responseContent ? `Provider said: ${error.responseContent}` : undefined,
		error.taskUUID ? `Task UUID: ${error.taskUUID}` : undefined,
		error.documentation ? `Documentation: ${error.documentation}` : undefined,
	].filter(Boolean);
	const hint = options.httpCode ? STATUS_HINTS[options.httpCode] : undefined;
	return new NodeApiError(ctx.getNode(), { ...error } as JsonObject, {
		message: `Runware error ${error.code}: ${error.message}`,
		description: [hint, ...details].filter(Boolean).join('\n'),
		httpCode: options.httpCode ? String(options.httpCode) : undefined,
		itemIndex: options.itemIndex,
	});
}

function transportError(
	ctx: ApiContext,
	outcome: SendOutcome,
	safety: RequestSafety,
): NodeApiError {
	if (outcome.kind === 'networkError') {
		const error = markTemporary(
			new NodeApiError(
				ctx.getNode(),
				{ code: outcome.code },
				{
					message: `Runware could not be reached: ${outcome.message}`,
				},
			),
		);
		return safety === 'create' && outcome.delivered === 'unknown' ? markAmbiguous(error) : error;
	}
	const { statusCode, body } = outcome.response;
	const error = new NodeApiError(
		ctx.getNode(),
		{ statusCode },
		{
			message: `Runware answered HTTP ${statusCode} with ${
				typeof body === 'string' ? 'a body that is not valid JSON' : 'an unexpected body'
			}`,
			description: STATUS_HINTS[statusCode] ?? '',
			httpCode: String(statusCode),
		},
	);
	// A garbled body or a server error may pass when asked again; a create so answered may have started its task.
	if (statusCode < 300 || isTemporaryStatus(statusCode)) markTemporary(error);
	return safety === 'create' && (statusCode >= 500 || statusCode < 300)
		? markAmbiguous(error)
		: error;
}

/**
 * Sends Runware tasks in one request (Runware takes an array of independent tasks) and returns their `data` and
 * `errors`, which may come with HTTP 200. Throws only for failures of the whole request.
 */
export async function runwareRequest(
	ctx: ApiContext,
	tasks: IDataObject[],
	options: RunwareRequestOptions,
): Promise<RunwareEnvelope> {
	const baseUrl = await runwareBaseUrl(ctx);
	const outcome = await sendWithRetry(
		async (timeout) =>
			await sendAuthenticated(ctx, RUNWARE_API, {
				method: 'POST',
				url: baseUrl,
				body: tasks,
				json: true,
				timeout,
			}),
		{
			safety: options.safety,
			deadline: options.deadline,
			timeoutMs: options.timeoutMs ?? 60_000,
			signal: options.signal,
		},
	);
	if (outcome.kind === 'networkError') throw transportError(ctx, outcome, options.safety);

	const { statusCode, body } = outcome.response;
	const envelope = parseEnvelope(body);
	if (!envelope) throw transportError(ctx, outcome, options.safety);

	const accountLevel = STATUS_HINTS[statusCode] !== undefined;
	const sent = new Set(tasks.map((task) => task.taskUUID));
	const unattributed = envelope.errors.filter((e) => !e.taskUUID || !sent.has(e.taskUUID));
	if (unattributed.length > 0 && tasks.length === 1 && !accountLevel && statusCode < 500) {
		for (const error of unattributed) error.taskUUID = String(tasks[0].taskUUID);
	} else if (
		accountLevel ||
		statusCode >= 500 ||
		unattributed.length > 0 ||
		(statusCode >= 400 && envelope.errors.length === 0)
	) {
		const first = unattributed[0] ??
			envelope.errors[0] ?? { code: `http${statusCode}`, message: 'Request failed' };
		const error = runwareApiError(ctx, first, { httpCode: statusCode });
		if (isTemporaryStatus(statusCode)) markTemporary(error);
		throw options.safety === 'create' && statusCode >= 500 ? markAmbiguous(error) : error;
	}
	return envelope;
}
