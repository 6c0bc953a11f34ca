/** The API document's documented ranges and value lists (Runware's 2025-10 video API reference). */
export const API_LIMITS = {
	promptMinLength: 2,
	outputQuality: { min: 20, max: 99 },
	numberResults: { min: 1, max: 4 },
	fps: { min: 15, max: 60 },
	defaultFps: 24,
	steps: { min: 10, max: 50 },
	CFGScale: { min: 0, max: 50 },
	seed: { min: 1, max: Number.MAX_SAFE_INTEGER },
	ttlMin: 60,
	// Superseded by per-model facts (4K and 12–15 s models exist), so only used without a model.
	width: { min: 256, max: 1920 },
	height: { min: 256, max: 1080 },
	duration: { min: 1, max: 10 },
	dimensionMultiple: 8,
	outputFormats: ['MP4', 'WEBM', 'MOV'],
	outputTypes: ['URL'],
	accelerations: ['none', 'low', 'medium', 'high'],
	safetyModes: ['none', 'fast', 'full'],
} as const;
