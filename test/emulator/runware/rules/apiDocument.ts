/*
 * What the API document (`runware-video-inference-api.txt`, Runware's 2025-10 video API reference) and the
 * reference's "Request-level video parameters"/"Flat (2025) vs nested inputs" say of every videoInference task, whatever the model.
 */

/** The API document's generic ranges; per-model rules and schemas supersede them (reference "Request-level video parameters"). */
export const API_LIMITS = {
	promptMinLength: 2,
	duration: { min: 1, max: 10 },
	fps: { min: 15, max: 60 },
	width: { min: 256, max: 1920, step: 8 },
	height: { min: 256, max: 1080, step: 8 },
	steps: { min: 10, max: 50 },
	CFGScale: { min: 0, max: 50 },
	seed: { min: 1, max: 9223372036854776000 },
	numberResults: { min: 1, max: 4 },
	outputQuality: { min: 20, max: 99 },
	ttl: { min: 60 },
} as const;

/** Top-level fields of a videoInference task: the seed's, plus the newer ones of reference "Request-level video parameters". */
export const REQUEST_FIELDS = [
	...['taskType', 'taskUUID', 'outputType', 'outputFormat', 'outputQuality', 'webhookURL'],
	...['deliveryMethod', 'uploadEndpoint', 'safety', 'ttl', 'includeCost', 'positivePrompt'],
	...['negativePrompt', 'frameImages', 'referenceImages', 'referenceVideos', 'inputAudios'],
	...['width', 'height', 'model', 'duration', 'fps', 'steps', 'seed', 'CFGScale', 'speech'],
	...['numberResults', 'acceleration', 'advancedFeatures', 'acceleratorOptions', 'lora'],
	...['providerSettings', 'resolution', 'inputs', 'settings'],
];

/** The API document's media fields (flat 2025 form). */
export const MEDIA_FIELDS = [
	'frameImages',
	'referenceImages',
	'referenceVideos',
	'inputAudios',
] as const;
export type MediaField = (typeof MEDIA_FIELDS)[number];
