import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection } from './shared';

/** Shared by the 2025-10 MiniMax models (docs 2025-10 providers/minimax). */
const minimax = {
	provider: 'minimax',
	inputShape: 'flat',
	prompt: { min: 2, max: 2000 },
	seedExemptions: {
		positivePromptWithFrameImages:
			'reference "MiniMax" (docs 2025-10 providers/minimax): prompt 2–2000 (optional with frame images)',
	},
	fps: { values: [25] },
	frameImages: 'first',
	providerSettings: ['promptOptimizer'],
} as const satisfies Partial<RunwareModelInput>;

const section = (anchor: string) => providerPageSection('minimax', anchor);

/** Hailuo: 768p or 1080p, 6 s at both, 10 s at 768p only. */
const HAILUO_DIMENSIONS: RunwareModelInput['dimensions'] = {
	pairs: ['1366x768', '1920x1080'],
	durationsOnlyAt: [{ durations: [10], pairs: ['1366x768'] }],
};

const hailuo = (anchor: string, air: string, name: string): RunwareModelInput => ({
	...section(anchor),
	...minimax,
	air,
	name,
	modes: ['t2v', 'i2v'],
	dimensions: HAILUO_DIMENSIONS,
	durations: { values: [6, 10], default: 6 },
});

export const minimaxModels: RunwareModelInput[] = [
	{
		...section('video-01-base'),
		...minimax,
		air: 'minimax:1@1',
		name: 'MiniMax Video-01 Base',
		modes: ['t2v', 'i2v', 'r2v'],
		dimensions: { pairs: ['1366x768'] },
		durations: { values: [6] },
		referenceImages: 1,
	},
	{
		...section('video-01-director'),
		...minimax,
		air: 'minimax:2@1',
		name: 'MiniMax Video-01 Director',
		modes: ['t2v', 'i2v'],
		dimensions: { pairs: ['1366x768'] },
		durations: { values: [6] },
	},
	{
		...section('video-01-live'),
		...minimax,
		air: 'minimax:2@3',
		name: 'MiniMax Video-01 Live',
		modes: ['i2v'],
		requiredInputs: [['frameImages']],
		dimensions: { pairs: ['1366x768'] },
		durations: { values: [6] },
	},
	hailuo('hailuo-02', 'minimax:3@1', 'MiniMax Hailuo 02'),
	// Its section of the later MiniMax provider page.
	hailuo('hailuo-23', 'minimax:4@1', 'MiniMax Hailuo 2.3'),
	{
		// Its model page (top): image-to-video; 768p or 1080p, 6 s at 1080p, 6 or 10 s otherwise.
		...plainModel('minimax:4@2', 'MiniMax Hailuo 2.3 Fast'),
		page: 'minimax-hailuo-2-3-fast',
		modes: ['i2v'],
		dimensions: HAILUO_DIMENSIONS,
		durations: { values: [6, 10] },
	},
];
