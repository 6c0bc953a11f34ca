import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection, RESOLUTION_OR_SIZE } from './shared';

// docs 2025-10 providers/vidu.
const SIZES_720P = ['1280x720', '720x720', '720x1280'];
const SIZES_1_5 = [
	'1920x1080',
	'1080x1080',
	'1080x1920',
	...SIZES_720P,
	'640x360',
	'360x360',
	'360x640',
];
const SIZES_Q2 = [
	...['640x352', '544x400', '480x480', '400x544', '352x640'],
	...['960x528', '816x608', '720x720', '608x816', '528x960'],
	...['1280x720', '1104x816', '960x960', '816x1104', '720x1280'],
	...['1920x1080', '1674x1238', '1440x1440', '1238x1674', '1080x1920'],
];

const classic = {
	provider: 'vidu',
	inputShape: 'flat',
	fps: { values: [24] },
	frameImages: 'first-last',
} as const satisfies Partial<RunwareModelInput>;

/** The sections' prompt: 2–3000 characters, optional for image-to-video. */
const prompted = {
	prompt: { min: 2, max: 3000 },
	seedExemptions: {
		positivePromptWithFrameImages:
			'docs 2025-10 providers/vidu: positive prompt 2-3000 characters, optional for image-to-video',
	},
} as const satisfies Partial<RunwareModelInput>;

const section = (anchor: string) => providerPageSection('vidu', anchor);

// 4 s at every size, 8 s at 720p only.
const dimensions1x: RunwareModelInput['dimensions'] = {
	pairs: SIZES_1_5,
	durationsOnlyAt: [{ durations: [8], pairs: SIZES_720P }],
};

export const viduModels: RunwareModelInput[] = [
	{
		...section('vidu-15'),
		...classic,
		...prompted,
		providerSettings: ['movementAmplitude', 'bgm', 'style'],
		air: 'vidu:1@5',
		name: 'Vidu 1.5',
		modes: ['t2v', 'i2v', 'r2v'],
		dimensions: dimensions1x,
		durations: { values: [4, 8] },
		referenceImages: 1,
	},
	{
		...section('vidu-20'),
		...classic,
		...prompted,
		providerSettings: ['movementAmplitude', 'bgm'],
		air: 'vidu:2@0',
		name: 'Vidu 2.0',
		modes: ['i2v', 'r2v'],
		requiredInputs: [['frameImages', 'referenceImages']],
		dimensions: dimensions1x,
		durations: { values: [4, 8] },
		referenceImages: 1,
	},
	{
		...section('vidu-q1-classic'),
		...classic,
		// First and last frame to video: the section lists no prompt.
		prompt: false,
		providerSettings: ['movementAmplitude'],
		air: 'vidu:1@0',
		name: 'Vidu Q1 Classic',
		modes: ['i2v'],
		requiredInputs: [['frameImages']],
		dimensions: { pairs: ['1920x1080'] },
		durations: { values: [5] },
	},
	{
		...section('vidu-q1'),
		...classic,
		...prompted,
		providerSettings: ['movementAmplitude', 'bgm', 'style'],
		air: 'vidu:1@1',
		name: 'Vidu Q1',
		modes: ['t2v', 'i2v'],
		dimensions: { pairs: ['1920x1080', '1080x1080', '1080x1920'] },
		durations: { values: [5] },
	},
	{
		...section('vidu-q2-pro'),
		...classic,
		...prompted,
		providerSettings: ['movementAmplitude', 'bgm'],
		air: 'vidu:3@1',
		name: 'Vidu Q2 Pro',
		modes: ['t2v', 'i2v', 'r2v'],
		dimensions: { pairs: SIZES_Q2, withFrameImages: 'forbidden' },
		durations: { min: 1, max: 8, step: 1, default: 5 },
		referenceImages: 7,
	},
	{
		...section('vidu-q2-turbo'),
		...classic,
		...prompted,
		providerSettings: ['movementAmplitude', 'bgm'],
		air: 'vidu:3@2',
		name: 'Vidu Q2 Turbo',
		modes: ['t2v', 'i2v', 'r2v'],
		dimensions: { pairs: SIZES_Q2, withFrameImages: 'forbidden' },
		durations: { min: 1, max: 8, step: 1, default: 5 },
		referenceImages: 7,
	},
	{
		// Its model page (top): the Q2 sizes; a resolution instead of width/height.
		...plainModel('vidu:4@1', 'Vidu Q3'),
		page: 'vidu-q3',
		modes: ['t2v', 'i2v'],
		dimensions: { pairs: SIZES_Q2 },
		conflicts: RESOLUTION_OR_SIZE,
	},
	{
		// Its model page (top): the Q2 sizes. bifrost (schema-derived): Q3 Turbo requires width and height.
		...plainModel('vidu:4@2', 'Vidu Q3 Turbo'),
		page: 'vidu-q3-turbo',
		modes: ['t2v', 'i2v'],
		dimensions: { pairs: SIZES_Q2, required: 'always' },
	},
];
