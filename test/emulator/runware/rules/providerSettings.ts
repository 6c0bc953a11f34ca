/*
 * `providerSettings.<provider>` fields, from reference "providerSettings" (types where it gives them; `any` where
 * it names a field only). The key is the AIR prefix.
 */

export interface ProviderSettingField {
	type: 'boolean' | 'number' | 'string' | 'options' | 'any';
	min?: number;
	max?: number;
	options?: readonly string[];
	/** Fields that must not be sent together with this one. */
	exclusiveWith?: readonly string[];
	/** Needs at least one frame image. */
	requiresFrameImages?: boolean;
}

const boolean: ProviderSettingField = { type: 'boolean' };
const number: ProviderSettingField = { type: 'number' };
const string: ProviderSettingField = { type: 'string' };
const any: ProviderSettingField = { type: 'any' };
const options = (...values: string[]): ProviderSettingField => ({
	type: 'options',
	options: values,
});

const PIXVERSE_EFFECTS = [
	...['bikini up', 'the tigers touch', 'jiggle jiggle', 'hug your love', 'kiss me ai'],
	...['subject 3 fever', 'fin-tastic mermaid', 'lets ymca', 'skeleton dance', 'kungfu club'],
	...['boom drop', 'vroom vroom step', 'creepy devil smile', 'pubg winner hit', '360 microwave'],
	...['eye zoom challenge', 'muscle surge', 'punch face', 'balloon belly', 'kiss kiss'],
];
const PIXVERSE_CAMERA_MOVEMENTS = [
	...['horizontal_left', 'horizontal_right', 'vertical_up', 'vertical_down', 'zoom_in'],
	...['zoom_out', 'auto_camera', 'crane_up', 'quickly_zoom_in', 'quickly_zoom_out'],
	...['smooth_zoom_in', 'camera_rotation', 'robo_arm', 'super_dolly_out', 'whip_pan'],
	...['hitchcock', 'left_follow', 'right_follow', 'pan_left', 'pan_right', 'fix_bg'],
];

export const PROVIDER_SETTINGS: Readonly<
	Record<string, Readonly<Record<string, ProviderSettingField>>>
> = {
	google: {
		generateAudio: boolean,
		enhancePrompt: boolean,
		search: any,
		searchLatitude: number,
		searchLongitude: number,
		resizeMode: { ...options('crop', 'pad'), requiresFrameImages: true },
		safetyTolerance: any,
	},
	bytedance: {
		cameraFixed: boolean,
		audio: any,
		draft: any,
		fastMode: any,
		optimizePromptMode: options('standard', 'fast'),
		maxSequentialImages: { type: 'number', min: 1, max: 15 },
	},
	klingai: {
		sound: boolean,
		soundVolume: number,
		originalAudioVolume: number,
		soundEffectPrompt: string,
		bgmPrompt: string,
		asmrMode: boolean,
		keepOriginalSound: boolean,
		characterOrientation: options('image', 'video'),
		multiPrompt: any,
		// sdk-python and ComfyUI disagree on its type ("providerSettings"): left to the schema.
		cameraControl: any,
	},
	minimax: { promptOptimizer: boolean },
	pixverse: {
		style: options('anime', '3d_animation', 'clay', 'comic', 'cyberpunk'),
		effect: options(...PIXVERSE_EFFECTS),
		cameraMovement: { ...options(...PIXVERSE_CAMERA_MOVEMENTS), exclusiveWith: ['effect'] },
		motionMode: options('normal', 'fast'),
		soundEffectSwitch: boolean,
		soundEffectContent: string,
		audio: any,
		multiClip: any,
		thinking: options('enabled', 'disabled', 'auto'),
	},
	vidu: {
		movementAmplitude: options('auto', 'small', 'medium', 'large'),
		bgm: boolean,
		style: options('general', 'anime'),
		audio: any,
		template: any,
	},
	runway: { contentModeration: any },
	lightricks: {
		generateAudio: boolean,
		startTime: number,
		duration: number,
		mode: options('replace_audio', 'replace_video', 'replace_audio_and_video'),
	},
	lumaai: { loop: boolean, concepts: any },
	alibaba: {
		promptEnhancer: boolean,
		promptExtend: boolean,
		audio: any,
		shotType: options('single', 'multi'),
	},
	sync: {
		syncMode: options('bounce', 'loop', 'cut_off', 'silence', 'remap'),
		mode: any,
		editRegion: options('lips', 'face', 'head'),
		emotion: any,
		emotionPrompt: any,
		temperature: number,
		activeSpeakerDetection: any,
		occlusionDetection: any,
		occlusionDetectionEnabled: any,
		segments: any,
	},
	xai: { quality: options('low', 'medium', 'high') },
};

/** Every `providerSettings` key: the AIR prefixes of the registry ("Curated video models") and the keys of "providerSettings". */
export const PROVIDER_KEYS: readonly string[] = [
	...new Set([
		...Object.keys(PROVIDER_SETTINGS),
		...['alibaba', 'bria', 'bytedance', 'creatify', 'google', 'heygen', 'klingai', 'lightricks'],
		...['luma', 'lumaai', 'minimax', 'openai', 'pixverse', 'prunaai', 'runware', 'runway'],
		...['skywork', 'sync', 'veed', 'vidu', 'xai'],
	]),
];
