/** An error object as Runware puts it in `errors[]` (reference "Envelope and errors"). */
export interface RunwareError {
	code: string;
	message: string;
	parameter?: string | string[];
	type?: string;
	documentation?: string;
	taskUUID?: string;
	taskType?: string;
	allowedValues?: unknown[];
	status?: 'error';
	responseContent?: string;
}

const DOCS = 'https://runware.ai/docs/en';

const PARAMETER_TYPES: Record<string, string> = {
	taskUUID: 'string',
	model: 'string',
	positivePrompt: 'string',
	negativePrompt: 'string',
	outputType: 'string',
	outputFormat: 'string',
	outputQuality: 'integer',
	deliveryMethod: 'string',
	webhookURL: 'string',
	uploadEndpoint: 'string',
	ttl: 'integer',
	includeCost: 'boolean',
	duration: 'float',
	width: 'integer',
	height: 'integer',
	fps: 'integer',
	steps: 'integer',
	seed: 'integer',
	CFGScale: 'float',
	numberResults: 'integer',
	acceleration: 'string',
	resolution: 'string',
	frameImages: 'array',
	referenceImages: 'array',
	referenceVideos: 'array',
	inputAudios: 'array',
	lora: 'array',
	safety: 'object',
	speech: 'object',
	providerSettings: 'object',
	advancedFeatures: 'object',
	acceleratorOptions: 'object',
	settings: 'object',
	inputs: 'object',
	media: 'string',
	image: 'string',
	operation: 'string',
};

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `missing`/`invalid`/`unsupported` + the parameter name, as Runware's codes read. */
export function codeFor(prefix: 'missing' | 'invalid' | 'unsupported', parameter: string): string {
	const last = parameter.split('.').pop() ?? parameter;
	return `${prefix}${capitalise(last)}`;
}

function documentation(taskType: string, parameter: string | undefined): string {
	const page = taskType === 'videoInference' ? 'video-inference/api-reference' : 'utilities';
	return parameter ? `${DOCS}/${page}#request-${parameter.toLowerCase()}` : `${DOCS}/${page}`;
}

export interface ErrorDetails {
	parameter?: string | string[];
	allowedValues?: unknown[];
	taskType?: string;
}

/** A request error naming the task and parameter, with a docs link and the parameter's type. */
export function taskError(
	code: string,
	message: string,
	taskUUID: string | undefined,
	details: ErrorDetails = {},
): RunwareError {
	const taskType = details.taskType ?? 'videoInference';
	const first = Array.isArray(details.parameter) ? details.parameter[0] : details.parameter;
	const topLevel = first?.split(/[.[]/)[0];
	return {
		code,
		message,
		...(details.parameter !== undefined ? { parameter: details.parameter } : {}),
		...(topLevel && PARAMETER_TYPES[topLevel] ? { type: PARAMETER_TYPES[topLevel] } : {}),
		documentation: documentation(taskType, first),
		...(taskUUID !== undefined ? { taskUUID } : {}),
		taskType,
		...(details.allowedValues ? { allowedValues: details.allowedValues } : {}),
	};
}

/** Default code and message for an injected HTTP status. */
export const STATUS_ERRORS: Record<number, { code: string; message: string }> = {
	400: { code: 'invalidRequest', message: 'The request could not be processed.' },
	401: { code: 'invalidApiKey', message: 'Invalid API key. Get one at https://my.runware.ai' },
	402: {
		code: 'insufficientCredits',
		message: 'Insufficient credits to run this task. Top up your balance at https://my.runware.ai',
	},
	403: { code: 'accessDenied', message: 'This API key has no permission for this operation.' },
	404: { code: 'notFound', message: 'Not found.' },
	429: { code: 'rateLimitExceeded', message: 'Too many requests, slow down and retry.' },
	500: { code: 'internalServerError', message: 'An internal error occurred, retry later.' },
	503: { code: 'serviceUnavailable', message: 'The service is temporarily unavailable.' },
};

/** Messages of runtime codes a test may inject inside HTTP 200 (reference "Envelope and errors" categories). */
export const RUNTIME_MESSAGES: Record<string, string> = {
	timeoutProvider: 'The external provider did not respond within the timeout window.',
	noAvailableServer: 'No server is available to process this task right now.',
	providerRateLimitExceeded: 'The provider rate limit was exceeded, retry later.',
	providerContentPolicyViolation:
		'The provider refused the content: it violates its content policy.',
	inferenceError: 'The inference failed.',
	insufficientCredits: STATUS_ERRORS[402].message,
};
