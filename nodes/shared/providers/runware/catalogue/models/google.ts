import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection, RESOLUTION_OR_SIZE } from './shared';

// docs 2025-10 providers/google: the "4 sizes".
const FOUR_SIZES = ['1280x720', '720x1280', '1920x1080', '1080x1920'];

/** Shared by every Veo model (docs 2025-10 providers/google). */
const veo = {
	provider: 'google',
	modes: ['t2v', 'i2v'],
	prompt: { min: 2, max: 3000 },
	fps: { values: [24] },
} as const satisfies Partial<RunwareModelInput>;

export const googleModels: RunwareModelInput[] = [
	{
		...providerPageSection('google', 'veo-2'),
		...veo,
		air: 'google:2@0',
		name: 'Google Veo 2',
		legacy: true,
		inputShape: 'flat',
		dimensions: { pairs: ['1280x720', '720x1280'] },
		durations: { values: [5, 6, 7, 8], default: 5 },
		frameImages: 'first-last',
		// No audio on Veo 2; enhancePrompt can be switched off.
		providerSettings: ['enhancePrompt'],
	},
	{
		...providerPageSection('google', 'veo-3'),
		...veo,
		air: 'google:3@0',
		name: 'Google Veo 3',
		legacy: true,
		inputShape: 'flat',
		dimensions: { pairs: FOUR_SIZES },
		durations: { values: [8] },
		frameImages: 'first',
		// enhancePrompt is always on for Veo 3 and 3.1: the sections list generateAudio only.
		providerSettings: ['generateAudio'],
	},
	{
		...providerPageSection('google', 'veo-3-fast'),
		...veo,
		air: 'google:3@1',
		name: 'Google Veo 3 Fast',
		legacy: true,
		inputShape: 'flat',
		dimensions: { pairs: FOUR_SIZES },
		durations: { values: [8] },
		frameImages: 'first-last',
		providerSettings: ['generateAudio'],
	},
	{
		...providerPageSection('google', 'veo-31'),
		...veo,
		// Nested: Veo 3.1 already took inputs.references in the 2025-10 docs. Its reference images go in
		// inputs.references (typed asset/style), not in referenceImages, so that field stays refused.
		air: 'google:3@2',
		name: 'Google Veo 3.1',
		inputShape: 'nested',
		dimensions: { pairs: FOUR_SIZES },
		// 2025-10 docs: 8 s only; third-party clients use 4, 6 and 8.
		durations: { values: [4, 6, 8], default: 8 },
		frameImages: 'first-last',
		providerSettings: ['generateAudio'],
	},
	{
		// The provider page's section for what the model page adds nothing to; resolution is the page's.
		...providerPageSection('google', 'veo-31-fast'),
		resolutions: undefined,
		...veo,
		// https://runware.ai/docs/models/google-veo-3-1-fast.md: exactly one of inputs.frameImages or
		// width/height; resolution excludes width/height; resizeMode needs a frame image.
		air: 'google:3@3',
		page: 'google-veo-3-1-fast',
		name: 'Google Veo 3.1 Fast',
		inputShape: 'nested',
		dimensions: {
			pairs: [...FOUR_SIZES, '3840x2160', '2160x3840'],
			required: 'withoutFrameImages',
			withFrameImages: 'forbidden',
		},
		durations: { values: [8] },
		frameImages: 'first-last',
		// generateAudio from the provider page's section, resizeMode from the model page.
		providerSettings: ['generateAudio', 'resizeMode'],
		conflicts: RESOLUTION_OR_SIZE,
	},
	{
		// https://runware.ai/docs/models/google-veo-3-1-lite: 720p or 1080p, 4/6/8 s, native audio.
		...plainModel('google:veo@3.1-lite', 'Google Veo 3.1 Lite'),
		page: 'google-veo-3-1-lite',
		modes: ['t2v', 'i2v'],
		dimensions: { pairs: FOUR_SIZES },
		durations: { values: [4, 6, 8] },
	},
	plainModel('google:gemini@omni-flash', 'Google Gemini Omni Flash'),
];
