import type { RunwareModelInput } from '../schema';
import { imageDrivenModel, plainModel, providerPageSection } from './shared';

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
	providerSettings: ['cameraFixed'],
} as const satisfies Partial<RunwareModelInput>;

const section = (anchor: string) => providerPageSection('bytedance', anchor);

export const bytedanceModels: RunwareModelInput[] = [
	{
		...section('seedance-10-lite'),
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
		...section('seedance-10-pro'),
		...seedance,
		air: 'bytedance:2@1',
		name: 'ByteDance Seedance 1.0 Pro',
		dimensions: { pairs: SIZES_PRO },
		durations: { values: [5, 10] },
		frameImages: 'first-last',
	},
	{
		...section('seedance-10-pro-fast'),
		...seedance,
		air: 'bytedance:2@2',
		name: 'ByteDance Seedance 1.0 Pro Fast',
		dimensions: { pairs: SIZES_PRO },
		durations: { min: 1.2, max: 12, step: 0.1, default: 5 },
		frameImages: 'first',
	},
	{
		// One portrait (inputs.referenceImages in 2026, bifrost) and one audio of ≤30 s, both required;
		// the section lists no prompt, size or frame rate.
		...plainModel('bytedance:5@1', 'ByteDance OmniHuman-1'),
		...section('omnihuman-1'),
		modes: ['audio-driven'],
		prompt: false,
		durations: false,
		dimensions: false,
		fps: false,
		frameImages: false,
		referenceImages: 1,
		inputAudios: 1,
		requiredInputs: [['referenceImages'], ['inputAudios']],
		seedExemptions: {
			duration: 'reference "ByteDance" (ByteDance table): OmniHuman-1 duration "audio-driven"',
		},
	},
	{
		...imageDrivenModel('bytedance:5@2', 'ByteDance OmniHuman 1.5'),
		page: 'bytedance-omnihuman-1-5',
		modes: ['audio-driven'],
	},
	{
		// Its section of the later ByteDance provider page; "auto" lengths are not offered.
		...plainModel('bytedance:seedance@1.5-pro', 'ByteDance Seedance 1.5 Pro'),
		...section('seedance-15-pro'),
		...seedance,
		inputShape: 'nested',
		dimensions: {
			pairs: [
				...['864x496', '752x560', '640x640', '560x752', '496x864', '992x432'],
				...['1280x720', '1112x834', '960x960', '834x1112', '720x1280', '1470x630'],
			],
		},
		// Image-to-video: a resolution instead of a size keeps the first frame's aspect ratio.
		resolutions: { values: ['480p', '720p'] },
		durations: { min: 4, max: 12, step: 1, default: 5 },
		frameImages: 'first-last',
		providerSettings: ['cameraFixed', 'audio'],
	},
	plainModel('bytedance:seedance@2.0', 'ByteDance Seedance 2.0'),
	plainModel('bytedance:seedance@2.0-fast', 'ByteDance Seedance 2.0 Fast'),
	plainModel('bytedance:seedance@2.0-mini', 'ByteDance Seedance 2.0 Mini'),
];
