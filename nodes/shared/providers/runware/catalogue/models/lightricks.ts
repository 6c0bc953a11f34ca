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

// LTX-2.3 model pages (top): these sizes; "Either provide inputs.frameImages, or specify
// width/height" (bifrost, schema-derived, had read width and height as always required).
const LTX_23_SIZES = ['1920x1080', '2560x1440', '3840x2160', '1080x1920', '1440x2560', '2160x3840'];
const ltx23 = {
	provider: 'lightricks',
	inputShape: 'nested',
	modes: ['t2v', 'i2v'],
	dimensions: { pairs: LTX_23_SIZES, required: 'withoutFrameImages' },
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
		page: 'lightricks-ltx-2-retake',
		provider: 'lightricks',
		inputShape: 'flat',
		modes: ['v2v'],
		providerSettings: ['startTime', 'duration', 'mode'],
	},
	{
		// Its model page (top) lists no sizes, only that width and height go together.
		...plainModel('lightricks:ltx@2', 'Lightricks LTX 2'),
		page: 'lightricks-ltx-2',
		modes: ['t2v', 'i2v'],
	},
	{ ...ltx23, air: 'lightricks:ltx@2.3', name: 'Lightricks LTX 2.3', page: 'lightricks-ltx-2-3' },
	{
		...ltx23,
		air: 'lightricks:ltx@2.3-fast',
		name: 'Lightricks LTX 2.3 Fast',
		page: 'lightricks-ltx-2-3-fast',
		// The page's table: 6–20 s (even) at 1920x1080 and 1080x1920, 6, 8 or 10 s at the other sizes.
		durations: { values: [6, 8, 10, 12, 14, 16, 18, 20] },
		dimensions: {
			...ltx23.dimensions,
			durationsOnlyAt: [{ durations: [12, 14, 16, 18, 20], pairs: ['1920x1080', '1080x1920'] }],
		},
	},
];
