import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection } from './shared';

// docs 2025-10 providers/pixverse: 360p, 540p, 720p and 1080p tiers in 16:9, 4:3, 1:1, 3:4, 9:16.
const tiers = (threeByFour: string[]) => [
	...['640x360', '480x360', '360x360', threeByFour[0], '360x640'],
	...['960x540', '720x540', '540x540', threeByFour[1], '540x960'],
	...['1280x720', '960x720', '720x720', threeByFour[2], '720x1280'],
	...['1920x1080', '1440x1080', '1080x1080', threeByFour[3], '1080x1920'],
];
const SIZES = tiers(['360x480', '540x720', '720x960', '1080x1440']);
const SIZES_V3_5 = tiers(['270x360', '405x540', '540x720', '810x1080']);

/** PixVerse v3.5 to v5 (docs 2025-10 providers/pixverse). */
const classic = {
	provider: 'pixverse',
	inputShape: 'flat',
	modes: ['t2v', 'i2v'],
	prompt: { min: 2, max: 2048 },
	negativePrompt: { min: 2, max: 2048 },
	fps: { values: [16, 24], default: 16 },
	durations: { values: [5, 8], default: 5 },
	frameImages: 'first-last',
} as const satisfies Partial<RunwareModelInput>;

// Each section's "Parameters supported": cameraMovement on v4 and v4.5 only.
const SETTINGS_WITHOUT_CAMERA = ['style', 'effect', 'motionMode'];
const SETTINGS_WITH_CAMERA = ['style', 'effect', 'cameraMovement', 'motionMode'];

const section = (anchor: string) => providerPageSection('pixverse', anchor);

/** A v3.5 to v5 model: its section of the provider page, its sizes and its provider settings. */
const classicModel = (
	anchor: string,
	air: string,
	name: string,
	pairs: string[],
	providerSettings: string[],
): RunwareModelInput => ({
	...section(anchor),
	...classic,
	air,
	name,
	dimensions: { pairs },
	providerSettings,
});

export const pixverseModels: RunwareModelInput[] = [
	classicModel(
		'pixverse-v35',
		'pixverse:1@1',
		'PixVerse v3.5',
		SIZES_V3_5,
		SETTINGS_WITHOUT_CAMERA,
	),
	classicModel('pixverse-v4', 'pixverse:1@2', 'PixVerse v4', SIZES, SETTINGS_WITH_CAMERA),
	classicModel('pixverse-v45', 'pixverse:1@3', 'PixVerse v4.5', SIZES, SETTINGS_WITH_CAMERA),
	classicModel('pixverse-v5', 'pixverse:1@5', 'PixVerse v5', SIZES, SETTINGS_WITHOUT_CAMERA),
	plainModel('pixverse:1@5-fast', 'PixVerse v5 Fast'),
	{
		// Its section of the later PixVerse provider page: no frame rate; 10 s is not offered at 1080p.
		...plainModel('pixverse:1@6', 'PixVerse v5.5'),
		...section('pixverse-v55'),
		modes: ['t2v', 'i2v'],
		prompt: { min: 2, max: 2048 },
		negativePrompt: { min: 2, max: 2048 },
		dimensions: {
			pairs: SIZES,
			durationsOnlyAt: [{ durations: [10], pairs: SIZES.slice(0, 15) }],
		},
		fps: false,
		durations: { values: [5, 8, 10], default: 5 },
		frameImages: 'first-last',
		providerSettings: ['style', 'audio', 'multiClip', 'thinking'],
	},
	// Their model pages were found; their tops list nothing more.
	{ ...plainModel('pixverse:1@7', 'PixVerse v5.6'), page: 'pixverse-v5-6' },
	{ ...plainModel('pixverse:1@8', 'PixVerse v6'), page: 'pixverse-v6' },
	{
		// One video (≤30 s, 20 MB) plus one audio (≤30 s) or text-to-speech; no prompt, length or size.
		...section('pixverse-lipsync'),
		air: 'pixverse:lipsync@1',
		name: 'PixVerse LipSync',
		provider: 'pixverse',
		inputShape: 'flat',
		modes: ['v2v', 'audio-driven'],
		prompt: false,
		durations: false,
		fps: false,
		dimensions: false,
		frameImages: false,
		referenceVideos: 1,
		inputAudios: 1,
		requiredInputs: [['referenceVideos'], ['inputAudios', 'speech']],
		speech: {
			voices: [
				'Emily',
				'James',
				'Isabella',
				'Liam',
				'Chloe',
				'Adrian',
				'Harper',
				'Ava',
				'Sophia',
				'Julia',
				'Mason',
				'Jack',
				'Oliver',
				'Ethan',
				'auto',
			],
			maxTextLength: 200,
		},
		conflicts: [['inputAudios', 'speech']],
	},
	{
		// bifrost (schema-derived): rejects inputs.frameImages; the image goes in referenceImages.
		...plainModel('pixverse:modify@0', 'PixVerse Modify'),
		page: 'pixverse-modify',
		modes: ['v2v'],
		frameImages: false,
	},
];
