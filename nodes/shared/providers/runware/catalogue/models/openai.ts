import type { RunwareModelInput } from '../schema';
import { providerPageSection } from './shared';

/** Sora 2 (docs 2025-10 providers/openai). */
const sora = {
	provider: 'openai',
	inputShape: 'flat',
	modes: ['t2v', 'i2v'],
	prompt: { min: 1, max: 4000 },
	durations: { values: [4, 8, 12] },
	frameImages: 'first',
	// The sections list no frame rate and no provider-specific parameters.
	fps: false,
} as const satisfies Partial<RunwareModelInput>;

export const openaiModels: RunwareModelInput[] = [
	{
		...providerPageSection('openai', 'sora-2'),
		...sora,
		air: 'openai:3@1',
		name: 'OpenAI Sora 2',
		dimensions: { pairs: ['1280x720', '720x1280'] },
	},
	{
		...providerPageSection('openai', 'sora-2-pro'),
		...sora,
		air: 'openai:3@2',
		name: 'OpenAI Sora 2 Pro',
		dimensions: { pairs: ['1280x720', '720x1280', '1792x1024', '1024x1792'] },
	},
];
