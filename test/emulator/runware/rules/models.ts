import { pairs, type DimensionPair, type NumberChoices } from './numbers';
import type { MediaField } from './apiDocument';

/*
 * Per-model rules of the Runware video models, written from the API document's example, reference "Model discovery", "Curated video models",
 * "Per-model capabilities" and "Flat (2025) vs nested inputs" (which cite Runware's provider and model pages) and from the tops of Runware's model
 * pages (`runware.ai/docs/models/<slug>`: capabilities, size tables, validation lines), and nothing
 * else. `false`: the model does not take the field. Absent: the documents give no rule for this
 * model; what remains then of the API document's generic ranges is in rules/index.ts ("Request-level video parameters": "superseded by
 * per-model schemas"), and the API document's positivePrompt (at least 2 characters) and duration stay
 * required unless `exempt` names the statement of a document that says the model does without them.
 */
export interface RunwareModelRules {
	/** Only `inputs.*` is accepted; the flat 2025 fields are refused ("Flat (2025) vs nested inputs"). */
	nestedOnly?: boolean;
	/** Where the nested form puts an input ("Model discovery": `inputs.image`, `inputs.referenceImages`). */
	nestedInputKeys?: { referenceImages?: 'referenceImages' | 'image' };
	durations?: NumberChoices | false;
	fps?: NumberChoices | false;
	resolutions?: readonly string[] | false;
	dimensions?: DimensionRules | false;
	prompt?: { min?: number; max?: number } | false;
	/** Seed-required fields a document says this model does without: the statement that says so. */
	exempt?: { promptWithFrameImages?: string; duration?: string };
	negativePrompt?: { min?: number; max?: number } | false;
	/** `first`: one first frame; `first-last`: first and last; `numeric`: any frame. */
	frameImages?: 'first' | 'first-last' | 'numeric' | false;
	/** Maximum items per media field (0: not taken). */
	maxMedia?: Partial<Record<Exclude<MediaField, 'frameImages'>, number>>;
	/** Each group: at least one of these inputs must be given. */
	requiredInputs?: ReadonlyArray<ReadonlyArray<MediaField | 'speech'>>;
	speech?: { voices?: readonly string[]; maxTextLength?: number } | false;
	seed?: false;
	CFGScale?: { min: number; max: number } | false;
	steps?: false;
	/** `providerSettings.<provider>` fields the model takes, when narrower than "providerSettings"'s list. */
	providerSettings?: readonly string[];
	/** Top-level fields that must not be sent together. */
	conflicts?: ReadonlyArray<readonly [string, string]>;
	/** A field (top-level, or `inputs.<key>`) that may only come with a media input. */
	needs?: ReadonlyArray<readonly [string, MediaField]>;
	/** With a video input: at most this many reference images, and none of these fields. */
	withVideo?: { maxReferenceImages: number; refuses: readonly string[] };
}

export interface DimensionRules {
	pairs?: readonly DimensionPair[];
	/** `withoutFrameImages`: exactly one of frame images or width/height (or resolution). */
	required?: 'always' | 'withoutFrameImages';
	withFrameImages?: 'forbidden';
	durationsOnlyAt?: ReadonlyArray<{ durations: number[]; pairs: DimensionPair[] }>;
}

const I2V_ONLY = { requiredInputs: [['frameImages']] } as const;

/**
 * A model's section of a Runware provider page (docs/en/providers/<provider>, 2025-10 and later)
 * lists what the model takes; what it leaves out, the model does not take. The seed is taken unless
 * the section says "No seed support". `rules` are the section's own lines.
 */
const section = (rules: RunwareModelRules): RunwareModelRules => ({
	negativePrompt: false,
	CFGScale: false,
	steps: false,
	resolutions: false,
	speech: false,
	providerSettings: [],
	...rules,
	maxMedia: { referenceImages: 0, referenceVideos: 0, inputAudios: 0, ...rules.maxMedia },
});

// "KlingAI" KlingAI 1.x–2.5: prompt and negative prompt 2–2500, CFGScale 0–1.
const KLING_720P = pairs('1280x720', '720x720', '720x1280');
const KLING_1080P = pairs('1920x1080', '1080x1080', '1080x1920');
const kling = (
	size: DimensionPair[],
	fps: number[],
	frames: 'first' | 'first-last',
): RunwareModelRules =>
	section({
		dimensions: { pairs: size },
		fps: { values: fps },
		durations: { values: [5, 10] },
		frameImages: frames,
		prompt: { min: 2, max: 2500 },
		negativePrompt: { min: 2, max: 2500 },
		CFGScale: { min: 0, max: 1 },
	});
// "KlingAI" VIDEO 3.0 / O3: width and height together, exactly one of frame images or a size; 3.0 is
// T2V and I2V, O3 adds V2V. (Durations are known only from third-party apps, "up to 15": not a
// documented rule.)
const KLING3_NEEDS: RunwareModelRules['needs'] = [
	['inputs.elements', 'frameImages'],
	['providerSettings', 'referenceImages'],
];
const kling3Dimensions = (size: DimensionPair[]): DimensionRules => ({
	pairs: size,
	required: 'withoutFrameImages',
	withFrameImages: 'forbidden',
});
const kling3 = (size: DimensionPair[], videoInput: boolean): RunwareModelRules => ({
	nestedOnly: true,
	dimensions: kling3Dimensions(size),
	needs: KLING3_NEEDS,
	// O3 "with inputs.video or reference videos: ≤4 referenceImages, no providerSettings, no inputs.elements".
	...(videoInput
		? { withVideo: { maxReferenceImages: 4, refuses: ['providerSettings', 'inputs.elements'] } }
		: { maxMedia: { referenceVideos: 0 } }),
});
const KLING3_PRO_SIZES = pairs('1920x1080', '1440x1440', '1080x1920');
const KLING3_STANDARD_SIZES = pairs('1280x720', '960x960', '720x1280');

// "Google Veo" Google Veo: prompt 2–3000, 24 fps.
const VEO_SIZES = pairs('1280x720', '720x1280', '1920x1080', '1080x1920');
const veo = (
	size: DimensionPair[],
	durations: number[],
	frames: 'first' | 'first-last',
	providerSettings: readonly string[] = ['generateAudio'],
): RunwareModelRules =>
	section({
		dimensions: { pairs: size },
		durations: { values: durations },
		fps: { values: [24] },
		frameImages: frames,
		prompt: { min: 2, max: 3000 },
		providerSettings,
	});

// "MiniMax" MiniMax (docs 2025-10 providers/minimax): prompt 2–2000, optional with frame images; 25 fps.
const minimax = (size: DimensionPair[], durations: number[]): RunwareModelRules =>
	section({
		dimensions: { pairs: size },
		durations: { values: durations },
		fps: { values: [25] },
		frameImages: 'first',
		prompt: { min: 2, max: 2000 },
		exempt: { promptWithFrameImages: '"MiniMax": "prompt 2–2000 (optional with frame images)"' },
		providerSettings: ['promptOptimizer'],
	});

// Hailuo 02 / 2.3: 768p or 1080p, 10 s at 768p only.
const HAILUO_SIZES = pairs('1366x768', '1920x1080');
const HAILUO_DIMENSIONS: DimensionRules = {
	pairs: HAILUO_SIZES,
	durationsOnlyAt: [{ durations: [10], pairs: pairs('1366x768') }],
};

// "PixVerse" PixVerse v3.5–v5: rows 360p–1080p × 16:9, 4:3, 1:1, 3:4, 9:16.
const PIXVERSE_SIZES = pairs(
	...['640x360', '480x360', '360x360', '360x480', '360x640'],
	...['960x540', '720x540', '540x540', '540x720', '540x960'],
	...['1280x720', '960x720', '720x720', '720x960', '720x1280'],
	...['1920x1080', '1440x1080', '1080x1080', '1080x1440', '1080x1920'],
);
// v3.5 uses 270x360, 405x540, 540x720, 810x1080 for 3:4.
const PIXVERSE_V35_SIZES = [
	...PIXVERSE_SIZES.filter((size) => size.width * 4 !== size.height * 3),
	...pairs('270x360', '405x540', '540x720', '810x1080'),
];
// Each section's "Parameters supported" (the page describes soundEffect* too, but lists them for no model).
const PIXVERSE_SETTINGS = ['style', 'effect', 'motionMode'];
const pixverse = (size: DimensionPair[], cameraMovement: boolean): RunwareModelRules =>
	section({
		dimensions: { pairs: size },
		fps: { values: [16, 24] },
		durations: { values: [5, 8] },
		frameImages: 'first-last',
		prompt: { min: 2, max: 2048 },
		negativePrompt: { min: 2, max: 2048 },
		providerSettings: cameraMovement ? [...PIXVERSE_SETTINGS, 'cameraMovement'] : PIXVERSE_SETTINGS,
	});
const PIXVERSE_VOICES = [
	...['Emily', 'James', 'Isabella', 'Liam', 'Chloe', 'Adrian', 'Harper', 'Ava', 'Sophia'],
	...['Julia', 'Mason', 'Jack', 'Oliver', 'Ethan', 'auto'],
];

// "Vidu" Vidu: 24 fps.
const VIDU_720P = pairs('1280x720', '720x720', '720x1280');
const VIDU_15_SIZES = [
	...pairs('1920x1080', '1080x1080', '1080x1920'),
	...VIDU_720P,
	...pairs('640x360', '360x360', '360x640'),
];
// The Vidu sections: prompt 2–3000, optional for image-to-video (Q1 Classic lists none).
const VIDU_PROMPT: RunwareModelRules = {
	prompt: { min: 2, max: 3000 },
	exempt: { promptWithFrameImages: 'providers/vidu: "optional for image-to-video"' },
};
const vidu15 = (
	settings: readonly string[],
	required?: RunwareModelRules['requiredInputs'],
): RunwareModelRules =>
	section({
		...VIDU_PROMPT,
		dimensions: { pairs: VIDU_15_SIZES, durationsOnlyAt: [{ durations: [8], pairs: VIDU_720P }] },
		durations: { values: [4, 8] },
		fps: { values: [24] },
		frameImages: 'first-last',
		maxMedia: { referenceImages: 1 },
		requiredInputs: required,
		providerSettings: settings,
	});
const VIDU_Q2_SIZES = pairs(
	...['640x352', '544x400', '480x480', '400x544', '352x640'],
	...['960x528', '816x608', '720x720', '608x816', '528x960'],
	...['1280x720', '1104x816', '960x960', '816x1104', '720x1280'],
	...['1920x1080', '1674x1238', '1440x1440', '1238x1674', '1080x1920'],
);
const VIDU_Q2: RunwareModelRules = section({
	...VIDU_PROMPT,
	dimensions: { pairs: VIDU_Q2_SIZES, withFrameImages: 'forbidden' },
	durations: { min: 1, max: 8, step: 1 },
	fps: { values: [24] },
	frameImages: 'first-last',
	maxMedia: { referenceImages: 7 },
	providerSettings: ['movementAmplitude', 'bgm'],
});

// "ByteDance" ByteDance: prompt 2–3000, 24 fps.
const SEEDANCE_PRO_SIZES = pairs(
	...['864x480', '736x544', '640x640', '544x736', '480x864', '416x960', '960x416'],
	...['1920x1088', '1664x1248', '1440x1440', '1248x1664', '1088x1920', '928x2176', '2176x928'],
);
const seedance = (rules: RunwareModelRules): RunwareModelRules =>
	section({
		fps: { values: [24] },
		prompt: { min: 2, max: 3000 },
		providerSettings: ['cameraFixed'],
		...rules,
	});

// "OpenAI, Lightricks, Runway, others" LTX-2 Pro / Fast.
const LTX2: RunwareModelRules = section({
	prompt: { min: 2, max: 10000 },
	seed: false,
	dimensions: { pairs: pairs('1920x1080', '2560x1440', '3840x2160') },
	fps: { values: [25, 50] },
	durations: { values: [6, 8, 10] },
	frameImages: 'first',
	providerSettings: ['generateAudio'],
});
// The LTX-2.3 model pages: "Either provide inputs.frameImages, or specify width/height".
const LTX_23_DIMENSIONS: DimensionRules = {
	pairs: pairs('1920x1080', '2560x1440', '3840x2160', '1080x1920', '1440x2560', '2160x3840'),
	required: 'withoutFrameImages',
};
// Model pages: "`resolution` cannot be used with `width/height`".
const RESOLUTION_OR_SIZE = [
	['resolution', 'width'],
	['resolution', 'height'],
] as const;
// "OpenAI, Lightricks, Runway, others" Sora 2: its section names no frame rate and no provider setting.
const SORA_2: RunwareModelRules = section({
	prompt: { min: 1, max: 4000 },
	dimensions: { pairs: pairs('1280x720', '720x1280') },
	durations: { values: [4, 8, 12] },
	fps: false,
	frameImages: 'first',
});

/** "Model discovery" (bifrost): models that take their image in `inputs.image` and never a frame image. */
const IMAGE_INPUT: RunwareModelRules = {
	nestedOnly: true,
	nestedInputKeys: { referenceImages: 'image' },
	frameImages: false,
	maxMedia: { referenceImages: 1 },
};
/** "Model discovery": models that reject `inputs.frameImages`; their image goes in `inputs.referenceImages`. */
const REFERENCE_INPUT: RunwareModelRules = { nestedOnly: true, frameImages: false };
/** "Flat (2025) vs nested inputs": the newest models reject the flat form. */
const NESTED: RunwareModelRules = { nestedOnly: true };
/** "KlingAI" "avatar and lip-sync models take no dimensions"; "OpenAI, Lightricks, Runway, others" Ovi, Bria eraser, Sync: none. */
const NO_DIMENSIONS: RunwareModelRules = { dimensions: false };

const WAN_SIZES = pairs(
	...['1280x720', '720x1280', '960x960', '1088x832', '832x1088'],
	...['1920x1080', '1080x1920', '1440x1440', '1632x1248', '1248x1632'],
);

export const RUNWARE_MODELS: Readonly<Record<string, RunwareModelRules>> = {
	'klingai:1@1': kling(KLING_720P, [30], 'first'),
	'klingai:1@2': kling(KLING_720P, [30], 'first'),
	'klingai:2@1': { ...kling(KLING_720P, [30], 'first'), ...I2V_ONLY },
	'klingai:2@2': { ...kling(KLING_1080P, [30], 'first'), ...I2V_ONLY },
	'klingai:3@1': kling(KLING_720P, [24, 30], 'first'),
	// "KlingAI" lists the first frame only; the API document's own example sends klingai:3@2 first + last frames.
	'klingai:3@2': { ...kling(KLING_1080P, [24], 'first-last'), ...I2V_ONLY },
	'klingai:4@3': kling(KLING_720P, [24], 'first'),
	'klingai:5@1': { ...kling(KLING_720P, [24], 'first'), ...I2V_ONLY },
	// 2025-10: the 1080p set; the 2026 page adds 720p.
	'klingai:5@2': { ...kling([...KLING_720P, ...KLING_1080P], [24], 'first-last'), ...I2V_ONLY },
	'klingai:5@3': kling(KLING_1080P, [24], 'first'),
	'klingai:6@0': { ...kling(KLING_720P, [30], 'first'), dimensions: false, ...I2V_ONLY },
	// 2025-10: the 720p set; 2026: 1080p.
	// runware.ai/docs/models/klingai-2-5-turbo-pro lists the 720p sizes only.
	'klingai:6@1': kling(KLING_720P, [30], 'first'),
	'klingai:7@1': NO_DIMENSIONS,
	'klingai:kling-video@3-pro': kling3(KLING3_PRO_SIZES, false),
	'klingai:kling-video@3-standard': kling3(KLING3_STANDARD_SIZES, false),
	'klingai:kling-video@o3-pro': kling3(KLING3_PRO_SIZES, true),
	'klingai:kling-video@o3-standard': kling3(KLING3_STANDARD_SIZES, true),
	// Its model page (top): the 3.0 rules, 4K sizes.
	'klingai:kling-video@3-4k': {
		...NESTED,
		dimensions: kling3Dimensions(pairs('3840x2160', '2160x3840', '2880x2880')),
		needs: KLING3_NEEDS,
	},
	// Its model page (top): no size with frame images; a negative prompt only with frame images.
	'klingai:kling-video@3.0-turbo': {
		...NESTED,
		dimensions: {
			pairs: pairs('1280x720', '960x960', '720x1280', '1920x1080', '1440x1440', '1080x1920'),
			withFrameImages: 'forbidden',
		},
		negativePrompt: {},
		needs: [['negativePrompt', 'frameImages']],
		conflicts: RESOLUTION_OR_SIZE,
	},
	'klingai:kling-video@o3-4k': NESTED,
	// The later KlingAI provider page's sections.
	'klingai:kling-video@2.6-pro': section({
		prompt: { min: 2, max: 2500 },
		negativePrompt: { min: 2, max: 2500 },
		CFGScale: { min: 0, max: 1 },
		dimensions: { pairs: KLING_1080P, withFrameImages: 'forbidden' },
		fps: false,
		durations: { values: [5, 10] },
		frameImages: 'first',
		maxMedia: { referenceVideos: 1 },
		providerSettings: ['sound', 'keepOriginalSound', 'characterOrientation'],
	}),
	'klingai:kling-video@2.6-standard': REFERENCE_INPUT,
	'klingai:kling@o1': section({
		prompt: { min: 2, max: 2500 },
		dimensions: { pairs: KLING_1080P, withFrameImages: 'forbidden' },
		fps: false,
		// 5 or 10 s from text or an image, 3–10 s from references.
		durations: { min: 3, max: 10, step: 1 },
		frameImages: 'first-last',
		maxMedia: { referenceImages: 7, referenceVideos: 1 },
		providerSettings: ['keepOriginalSound', 'fast'],
	}),
	// Its model page (top): as O1 Pro's section for sizes, lengths and reference images, at 720p.
	'klingai:kling@o1-standard': {
		dimensions: { pairs: pairs('1280x720', '960x960', '720x1280'), withFrameImages: 'forbidden' },
		durations: { min: 3, max: 10, step: 1 },
		maxMedia: { referenceImages: 7 },
	},
	'klingai:avatar@2.0-pro': { ...IMAGE_INPUT, ...NO_DIMENSIONS },
	'klingai:avatar@2.0-standard': { ...IMAGE_INPUT, ...NO_DIMENSIONS },

	'google:2@0': veo(pairs('1280x720', '720x1280'), [5, 6, 7, 8], 'first-last', ['enhancePrompt']),
	'google:3@0': veo(VEO_SIZES, [8], 'first'),
	'google:3@1': veo(VEO_SIZES, [8], 'first-last'),
	// 2025-10 docs: 8 s; newer clients send 4, 6 or 8.
	'google:3@2': veo(VEO_SIZES, [4, 6, 8], 'first-last'),
	'google:3@3': {
		// The 2026 page adds 4K sizes, a resolution and resizeMode.
		...veo([...VEO_SIZES, ...pairs('3840x2160', '2160x3840')], [8], 'first-last', [
			'generateAudio',
			'resizeMode',
		]),
		resolutions: undefined,
		dimensions: {
			pairs: [...VEO_SIZES, ...pairs('3840x2160', '2160x3840')],
			required: 'withoutFrameImages',
		},
		conflicts: [
			['resolution', 'width'],
			['resolution', 'height'],
		],
	},
	// A 2026 page: sizes and durations only (no frame positions, prompt or fps rules).
	'google:veo@3.1-lite': { dimensions: { pairs: VEO_SIZES }, durations: { values: [4, 6, 8] } },
	'google:gemini@omni-flash': {},

	'minimax:1@1': {
		...minimax(pairs('1366x768'), [6]),
		maxMedia: { referenceImages: 1, referenceVideos: 0, inputAudios: 0 },
	},
	'minimax:2@1': minimax(pairs('1366x768'), [6]),
	'minimax:2@3': { ...minimax(pairs('1366x768'), [6]), ...I2V_ONLY },
	'minimax:3@1': { ...minimax(HAILUO_SIZES, [6, 10]), dimensions: HAILUO_DIMENSIONS },
	'minimax:4@1': { ...minimax(HAILUO_SIZES, [6, 10]), dimensions: HAILUO_DIMENSIONS },
	// Its model page (top): the Hailuo sizes and lengths, nothing of the provider page's other lines.
	'minimax:4@2': { dimensions: HAILUO_DIMENSIONS, durations: { values: [6, 10] } },

	'pixverse:1@1': pixverse(PIXVERSE_V35_SIZES, false),
	'pixverse:1@2': pixverse(PIXVERSE_SIZES, true),
	'pixverse:1@3': pixverse(PIXVERSE_SIZES, true),
	'pixverse:1@5': pixverse(PIXVERSE_SIZES, false),
	'pixverse:1@5-fast': {},
	// The later PixVerse page: no frame rate; 10 s not at 1080p.
	'pixverse:1@6': section({
		prompt: { min: 2, max: 2048 },
		negativePrompt: { min: 2, max: 2048 },
		dimensions: {
			pairs: PIXVERSE_SIZES,
			durationsOnlyAt: [
				{ durations: [10], pairs: PIXVERSE_SIZES.filter((size) => size.height < 1080) },
			],
		},
		fps: false,
		durations: { values: [5, 8, 10] },
		frameImages: 'first-last',
		providerSettings: ['style', 'audio', 'multiClip', 'thinking'],
	}),
	'pixverse:1@7': {},
	'pixverse:1@8': {},
	// A video and an audio (or speech): no prompt, length, size or frame rate.
	'pixverse:lipsync@1': section({
		prompt: false,
		durations: false,
		fps: false,
		dimensions: false,
		frameImages: false,
		maxMedia: { referenceImages: 0, referenceVideos: 1, inputAudios: 1 },
		requiredInputs: [['referenceVideos'], ['inputAudios', 'speech']],
		speech: { voices: PIXVERSE_VOICES, maxTextLength: 200 },
	}),
	'pixverse:modify@0': REFERENCE_INPUT,

	'vidu:1@5': vidu15(['movementAmplitude', 'bgm', 'style']),
	'vidu:2@0': vidu15(['movementAmplitude', 'bgm'], [['frameImages', 'referenceImages']]),
	'vidu:1@0': section({
		prompt: false,
		dimensions: { pairs: pairs('1920x1080') },
		durations: { values: [5] },
		fps: { values: [24] },
		frameImages: 'first-last',
		providerSettings: ['movementAmplitude'],
		...I2V_ONLY,
	}),
	'vidu:1@1': section({
		...VIDU_PROMPT,
		dimensions: { pairs: pairs('1920x1080', '1080x1080', '1080x1920') },
		durations: { values: [5] },
		fps: { values: [24] },
		frameImages: 'first-last',
		providerSettings: ['movementAmplitude', 'bgm', 'style'],
	}),
	'vidu:3@1': VIDU_Q2,
	'vidu:3@2': VIDU_Q2,
	// Their model pages (top): the Q2 sizes. "Model discovery" (bifrost): Q3 Turbo requires width and height.
	'vidu:4@1': { dimensions: { pairs: VIDU_Q2_SIZES }, conflicts: RESOLUTION_OR_SIZE },
	'vidu:4@2': { dimensions: { pairs: VIDU_Q2_SIZES, required: 'always' } },

	'bytedance:1@1': seedance({
		dimensions: {
			pairs: pairs(
				...['864x480', '736x544', '640x640', '960x416', '416x960'],
				...['1248x704', '1120x832', '960x960', '1504x640', '640x1504'],
			),
			withFrameImages: 'forbidden',
		},
		durations: { values: [5, 10] },
		frameImages: 'first-last',
	}),
	'bytedance:2@1': seedance({
		dimensions: { pairs: SEEDANCE_PRO_SIZES },
		durations: { values: [5, 10] },
		frameImages: 'first-last',
	}),
	'bytedance:2@2': seedance({
		dimensions: { pairs: SEEDANCE_PRO_SIZES },
		durations: { min: 1.2, max: 12, step: 0.1 },
		frameImages: 'first',
	}),
	// A portrait and an audio: no prompt, length, size or frame rate.
	'bytedance:5@1': section({
		...REFERENCE_INPUT,
		prompt: false,
		durations: false,
		dimensions: false,
		fps: false,
		maxMedia: { referenceImages: 1, inputAudios: 1 },
		requiredInputs: [['referenceImages'], ['inputAudios']],
		exempt: { duration: '"ByteDance", ByteDance table: OmniHuman-1 duration "audio-driven"' },
	}),
	'bytedance:5@2': IMAGE_INPUT,
	'bytedance:seedance@1.5-pro': seedance({
		dimensions: {
			pairs: pairs(
				...['864x496', '752x560', '640x640', '560x752', '496x864', '992x432'],
				...['1280x720', '1112x834', '960x960', '834x1112', '720x1280', '1470x630'],
			),
		},
		resolutions: ['480p', '720p'],
		durations: { min: 4, max: 12, step: 1 },
		frameImages: 'first-last',
		providerSettings: ['cameraFixed', 'audio'],
	}),
	'bytedance:seedance@2.0': {},
	'bytedance:seedance@2.0-fast': {},
	'bytedance:seedance@2.0-mini': {},

	'openai:3@1': SORA_2,
	'openai:3@2': {
		...SORA_2,
		dimensions: { pairs: pairs('1280x720', '720x1280', '1792x1024', '1024x1792') },
	},

	'lightricks:2@0': LTX2,
	'lightricks:2@1': LTX2,
	'lightricks:3@1': {},
	'lightricks:ltx@2': NESTED,
	// Their model pages (top): a frame image or a size; the Fast page's lengths by size.
	'lightricks:ltx@2.3': { ...NESTED, dimensions: LTX_23_DIMENSIONS },
	'lightricks:ltx@2.3-fast': {
		...NESTED,
		dimensions: {
			...LTX_23_DIMENSIONS,
			durationsOnlyAt: [
				{ durations: [12, 14, 16, 18, 20], pairs: pairs('1920x1080', '1080x1920') },
			],
		},
		durations: { values: [6, 8, 10, 12, 14, 16, 18, 20] },
	},

	// The Runway provider page's section: image-to-video, prompt optional.
	'runway:1@1': section({
		dimensions: {
			pairs: pairs('1280x720', '720x1280', '1104x832', '832x1104', '960x960', '1584x672'),
		},
		durations: { min: 2, max: 10, step: 1 },
		fps: false,
		prompt: { min: 1, max: 1000 },
		exempt: { promptWithFrameImages: 'providers/runway: "1-1000 characters (optional)"' },
		frameImages: 'first',
		providerSettings: ['contentModeration'],
		...I2V_ONLY,
	}),
	// Its model page (top): these sizes, a frame image or a prompt; "Model discovery" (bifrost): width and height required.
	'runway:1@2': {
		dimensions: {
			pairs: pairs('1280x720', '720x1280', '1104x832', '832x1104', '960x960'),
			required: 'always',
		},
		exempt: {
			promptWithFrameImages:
				'runway-gen-4-5: "Either provide inputs.frameImages, or specify positivePrompt"',
		},
	},
	// "Model discovery" (bifrost) and its model page's sizes.
	'runway:2@1': {
		...REFERENCE_INPUT,
		dimensions: {
			pairs: pairs(
				...['1280x720', '720x1280', '1104x832', '832x1104', '960x960', '1584x672'],
				...['848x480', '640x480'],
			),
		},
	},
	'runway:aleph@2.0': {},

	'alibaba:happyhorse@1.0': {},
	'alibaba:happyhorse@1.1': {},
	// The Alibaba provider page's section: audio in inputs.audio, up to 3 reference videos.
	'alibaba:wan@2.6': section({
		...NESTED,
		prompt: { min: 1, max: 1500 },
		negativePrompt: { min: 1, max: 500 },
		dimensions: { pairs: WAN_SIZES },
		resolutions: ['720p', '1080p'],
		fps: false,
		durations: { values: [5, 10, 15] },
		frameImages: 'first',
		maxMedia: { referenceVideos: 3, inputAudios: 1 },
		providerSettings: ['promptExtend', 'audio', 'shotType'],
	}),
	// Its model page (top): a frame image, a size or a resolution; one audio.
	'alibaba:wan@2.6-flash': {
		...NESTED,
		dimensions: { required: 'withoutFrameImages' },
		maxMedia: { inputAudios: 1 },
		conflicts: RESOLUTION_OR_SIZE,
	},
	// Its model page (top): exactly one of frame images or a size; the prompt only without frame images.
	'alibaba:wan@2.7': {
		...NESTED,
		dimensions: { pairs: WAN_SIZES, required: 'withoutFrameImages', withFrameImages: 'forbidden' },
		exempt: {
			promptWithFrameImages:
				'alibaba-wan2-7: "When inputs.frameImages is not provided, positivePrompt is required"',
		},
	},
	'runware:201@1': {},
	'bria:60@1': NO_DIMENSIONS,
	'creatify:aurora@0': IMAGE_INPUT,
	'creatify:aurora@fast': IMAGE_INPUT,
	'heygen:avatar@4': IMAGE_INPUT,
	'heygen:avatar@5': {},
	'heygen:video-agent@0': IMAGE_INPUT,
	// Its model page's pricing overview: "Duration available are 5s and 10s".
	'luma:ray@3.2': { durations: { values: [5, 10] } },
	'prunaai:p-video@0': {},
	'prunaai:p-video@animate': REFERENCE_INPUT,
	'prunaai:p-video@avatar': {},
	'prunaai:p-video@replace': REFERENCE_INPUT,
	'runware:190@1': NO_DIMENSIONS,
	'skywork:skyreels@v4': {},
	'sync:lipsync-2-pro@1': NO_DIMENSIONS,
	'sync:lipsync-2@1': NO_DIMENSIONS,
	'sync:lipsync@3': NO_DIMENSIONS,
	'sync:react-1@1': NO_DIMENSIONS,
	'veed:fabric@1.0-hosted': IMAGE_INPUT,
	// Its model page (top): exactly one of frame images, a video or a size.
	'xai:grok-imagine@video': {
		...NESTED,
		dimensions: { withFrameImages: 'forbidden' },
		conflicts: RESOLUTION_OR_SIZE,
	},
	'xai:grok-imagine@video-1.5': NESTED,
	// Its model page (top): these sizes; a resolution instead of a size.
	'xai:grok-imagine@video-1.5-preview': {
		dimensions: {
			pairs: pairs(
				...['480x480', '848x480', '480x848', '640x480', '480x640', '720x480', '480x720'],
				...['720x720', '1280x720', '720x1280', '960x720', '720x960'],
			),
		},
		conflicts: RESOLUTION_OR_SIZE,
	},
};
