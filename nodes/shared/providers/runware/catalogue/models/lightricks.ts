import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection } from './shared';

/** LTX-2 Pro and Fast (docs 2025-10 providers/lightricks): no seed, first frame only. */
const ltx2 = {
	provider: 'lightricks',
	inputShape: 'flat',
	modes: ['t2v', 'i2v'],
	prompt: { min: 2, max: 10000 },
	seed: false,
	dimensions: { pairs: ['1920x1080', '2560x1440', '3840x2160'] },
	fps: { values: [25, 50], default: 25 },
	durations: { values: [6, 8, 10], default: 6 },
	frameImages: 'first',
	providerSettings: ['generateAudio'],
} as const satisfies Partial<RunwareModelInput>;

// bifrost (schema-derived): LTX 2.3 requires width and height.
const ltx23 = {
	provider: 'lightricks',
	inputShape: 'nested',
	dimensions: { required: 'always' },
} as const satisfies Partial<RunwareModelInput>;

export const lightricksModels: RunwareModelInput[] = [
	{
		...providerPageSection('lightricks', 'ltx-2-pro'),
		...ltx2,
		air: 'lightricks:2@0',
		name: 'Lightricks LTX-2 Pro',
	},
	{
		...providerPageSection('lightricks', 'ltx-2-fast'),
		...ltx2,
		air: 'lightricks:2@1',
		name: 'Lightricks LTX-2 Fast',
	},
	{
		air: 'lightricks:3@1',
		name: 'Lightricks LTX-2 Retake',
		provider: 'lightricks',
		inputShape: 'flat',
		modes: ['v2v'],
		providerSettings: ['startTime', 'duration', 'mode'],
	},
	plainModel('lightricks:ltx@2', 'Lightricks LTX 2'),
	{ ...ltx23, air: 'lightricks:ltx@2.3', name: 'Lightricks LTX 2.3' },
	{ ...ltx23, air: 'lightricks:ltx@2.3-fast', name: 'Lightricks LTX 2.3 Fast' },
];
