import type { RunwareModelInput } from '../schema';
import { imageDrivenModel, plainModel } from './shared';

// docs 2025-10 providers/bytedance.
const SIZES_PRO = [
	...['864x480', '736x544', '640x640', '544x736', '480x864', '416x960', '960x416'],
	...['1920x1088', '1664x1248', '1440x1440', '1248x1664', '1088x1920', '928x2176', '2176x928'],
];

const seedance = {
	provider: 'bytedance',
	inputShape: 'flat',
	modes: ['t2v', 'i2v'],
	prompt: { min: 2, max: 3000 },
	fps: { values: [24] },
} as const satisfies Partial<RunwareModelInput>;

export const bytedanceModels: RunwareModelInput[] = [
	{
		...seedance,
		air: 'bytedance:1@1',
		name: 'ByteDance Seedance 1.0 Lite',
		legacy: true,
		dimensions: {
			pairs: [
				...['864x480', '736x544', '640x640', '960x416', '416x960'],
				...['1248x704', '1120x832', '960x960', '1504x640', '640x1504'],
			],
			withFrameImages: 'forbidden',
		},
		durations: { values: [5, 10], default: 5 },
		frameImages: 'first-last',
	},
	{
		...seedance,
		air: 'bytedance:2@1',
		name: 'ByteDance Seedance 1.0 Pro',
		dimensions: { pairs: SIZES_PRO },
		durations: { values: [5, 10] },
		frameImages: 'first-last',
	},
	{
		...seedance,
		air: 'bytedance:2@2',
		name: 'ByteDance Seedance 1.0 Pro Fast',
		dimensions: { pairs: SIZES_PRO },
		durations: { min: 1.2, max: 12, step: 0.1, default: 5 },
		frameImages: 'first',
	},
	{
		// One portrait (inputs.referenceImages in 2026, bifrost) and one audio of ≤30 s, both required.
		...plainModel('bytedance:5@1', 'ByteDance OmniHuman-1'),
		modes: ['audio-driven'],
		frameImages: false,
		referenceImages: 1,
		inputAudios: 1,
		requiredInputs: [['referenceImages'], ['inputAudios']],
		seedExemptions: {
			duration: 'reference §10.6 (ByteDance table): OmniHuman-1 duration "audio-driven"',
		},
	},
	{ ...imageDrivenModel('bytedance:5@2', 'ByteDance OmniHuman 1.5'), modes: ['audio-driven'] },
	plainModel('bytedance:seedance@1.5-pro', 'ByteDance Seedance 1.5 Pro'),
	plainModel('bytedance:seedance@2.0', 'ByteDance Seedance 2.0'),
	plainModel('bytedance:seedance@2.0-fast', 'ByteDance Seedance 2.0 Fast'),
	plainModel('bytedance:seedance@2.0-mini', 'ByteDance Seedance 2.0 Mini'),
];
