import {
	providerSettingsFieldsSchema,
	type ProviderSettingField,
	type ProviderSettingFieldInput,
	type RunwareProviderKey,
} from './schema';

/**
 * Provider keys with display names. A key is the AIR prefix and the `providerSettings` key ("providerSettings").
 */
export const runwareProviderNames: Record<RunwareProviderKey, string> = {
	alibaba: 'Alibaba',
	bria: 'Bria',
	bytedance: 'ByteDance',
	creatify: 'Creatify',
	google: 'Google',
	heygen: 'HeyGen',
	klingai: 'KlingAI',
	lightricks: 'Lightricks',
	luma: 'Luma',
	lumaai: 'Luma AI (legacy)',
	minimax: 'MiniMax',
	openai: 'OpenAI',
	pixverse: 'PixVerse',
	prunaai: 'Pruna AI',
	runware: 'Runware',
	runway: 'Runway',
	skywork: 'Skywork',
	sync: 'Sync',
	veed: 'VEED',
	vidu: 'Vidu',
	xai: 'xAI',
};

const PIXVERSE_EFFECTS = [
	'bikini up',
	'the tigers touch',
	'jiggle jiggle',
	'hug your love',
	'kiss me ai',
	'subject 3 fever',
	'fin-tastic mermaid',
	'lets ymca',
	'skeleton dance',
	'kungfu club',
	'boom drop',
	'vroom vroom step',
	'creepy devil smile',
	'pubg winner hit',
	'360 microwave',
	'eye zoom challenge',
	'muscle surge',
	'punch face',
	'balloon belly',
	'kiss kiss',
] as const;

const PIXVERSE_CAMERA_MOVEMENTS = [
	'horizontal_left',
	'horizontal_right',
	'vertical_up',
	'vertical_down',
	'zoom_in',
	'zoom_out',
	'auto_camera',
	'crane_up',
	'quickly_zoom_in',
	'quickly_zoom_out',
	'smooth_zoom_in',
	'camera_rotation',
	'robo_arm',
	'super_dolly_out',
	'whip_pan',
	'hitchcock',
	'left_follow',
	'right_follow',
	'pan_left',
	'pan_right',
	'fix_bg',
] as const;

/**
 * Every known `providerSettings` field per provider ("providerSettings" of the reference, the API document, sdk-python
 * `I<Provider>ProviderSettings`). Types the sources disagree on, or nested shapes, are `json`.
 * ByteDance's `maxSequentialImages` is left out: it belongs to image models.
 */
const providerSettingsFieldData: Partial<Record<RunwareProviderKey, ProviderSettingFieldInput[]>> =
	{
		google: [
			{
				name: 'generateAudio',
				label: 'Generate Audio',
				type: 'boolean',
				default: false,
				description: 'Generate native audio with the video (Veo 3 and newer)',
			},
			{
				name: 'enhancePrompt',
				label: 'Enhance Prompt',
				type: 'boolean',
				default: true,
				description: 'Let Google rewrite the prompt. Always on for Veo 3 and Veo 3.1.',
			},
			{
				name: 'search',
				label: 'Search Grounding',
				type: 'boolean',
				description: 'Ground the generation with Google Search',
			},
			{
				name: 'searchLatitude',
				label: 'Search Latitude',
				type: 'number',
				min: -90,
				max: 90,
				description: 'Latitude for location-aware search grounding',
			},
			{
				name: 'searchLongitude',
				label: 'Search Longitude',
				type: 'number',
				min: -180,
				max: 180,
				description: 'Longitude for location-aware search grounding',
			},
			{
				name: 'resizeMode',
				label: 'Resize Mode',
				type: 'options',
				options: ['crop', 'pad'],
				requiresFrameImages: true,
				description: 'How a frame image is fitted to the output size (needs a frame image)',
			},
			{
				name: 'safetyTolerance',
				label: 'Safety Tolerance',
				type: 'string',
				description: 'Provider safety tolerance level',
			},
		],
		bytedance: [
			{
				name: 'cameraFixed',
				label: 'Camera Fixed',
				type: 'boolean',
				default: false,
				description: 'Keep the camera static',
			},
			{
				name: 'audio',
				label: 'Audio',
				type: 'boolean',
				description: 'Generate audio with the video',
			},
			{
				name: 'draft',
				label: 'Draft',
				type: 'boolean',
				description: 'Generate a cheaper draft first',
			},
			{
				name: 'fastMode',
				label: 'Fast Mode',
				type: 'boolean',
				default: false,
				description: 'Faster generation with fewer effects (OmniHuman 1.5)',
			},
			{
				name: 'optimizePromptMode',
				label: 'Optimize Prompt Mode',
				type: 'options',
				options: ['standard', 'fast'],
				description: 'Prompt optimization mode',
			},
		],
		klingai: [
			{
				name: 'sound',
				label: 'Sound',
				type: 'boolean',
				description: 'Generate native audio',
			},
			{
				name: 'soundVolume',
				label: 'Sound Volume',
				type: 'number',
				description: 'Volume of the generated sound',
			},
			{
				name: 'originalAudioVolume',
				label: 'Original Audio Volume',
				type: 'number',
				description: 'Volume of the input audio',
			},
			{
				name: 'soundEffectPrompt',
				label: 'Sound Effect Prompt',
				type: 'string',
				description: 'Describes the sound effects to generate',
			},
			{
				name: 'bgmPrompt',
				label: 'Background Music Prompt',
				type: 'string',
				description: 'Describes the background music to generate',
			},
			{
				name: 'asmrMode',
				label: 'ASMR Mode',
				type: 'boolean',
				description: 'ASMR-style sound generation',
			},
			{
				name: 'keepOriginalSound',
				label: 'Keep Original Sound',
				type: 'boolean',
				description: 'Keep the sound of the input video',
			},
			{
				name: 'characterOrientation',
				label: 'Character Orientation',
				type: 'options',
				options: ['image', 'video'],
				description: 'Take the character orientation from the image or from the video',
			},
			{
				name: 'multiPrompt',
				label: 'Multi Prompt',
				type: 'json',
				description: 'Multi-shot prompts: [{"prompt": "…", "duration": 5}, …]',
			},
			{
				// sdk-python sends {type, config{horizontal, vertical, zoom, roll, tilt, pan}}, ComfyUI an
				// enum (static, dynamic, zoom_in, …): the model schema decides.
				name: 'cameraControl',
				label: 'Camera Control',
				type: 'json',
				description:
					'Camera control, e.g. {"type": "simple", "config": {"zoom": 5}} or a preset name in quotes',
			},
		],
		minimax: [
			{
				name: 'promptOptimizer',
				label: 'Prompt Optimizer',
				type: 'boolean',
				default: false,
				description: 'Let MiniMax optimize the prompt',
			},
		],
		pixverse: [
			{
				name: 'style',
				label: 'Style',
				type: 'options',
				options: ['anime', '3d_animation', 'clay', 'comic', 'cyberpunk'],
				description: 'Visual style',
			},
			{
				name: 'effect',
				label: 'Effect',
				type: 'options',
				options: [...PIXVERSE_EFFECTS],
				exclusiveWith: ['cameraMovement'],
				description: 'Viral effect template (not together with a camera movement)',
			},
			{
				name: 'cameraMovement',
				label: 'Camera Movement',
				type: 'options',
				options: [...PIXVERSE_CAMERA_MOVEMENTS],
				exclusiveWith: ['effect'],
				description: 'Camera movement, PixVerse v4 and v4.5 only (not together with an effect)',
			},
			{
				name: 'motionMode',
				label: 'Motion Mode',
				type: 'options',
				options: ['normal', 'fast'],
				description: 'Motion speed; fast falls back to normal at 8 s or 1080p',
			},
			{
				name: 'soundEffectSwitch',
				label: 'Sound Effect',
				type: 'boolean',
				description: 'Generate sound effects',
			},
			{
				name: 'soundEffectContent',
				label: 'Sound Effect Content',
				type: 'string',
				min: 2,
				max: 2048,
				description: 'Describes the sound effects to generate',
			},
			{
				name: 'audio',
				label: 'Audio',
				type: 'boolean',
				description: 'Generate audio (newer models)',
			},
			{
				name: 'multiClip',
				label: 'Multi Clip',
				type: 'boolean',
				description: 'Multi-clip generation (newer models)',
			},
			{
				name: 'thinking',
				label: 'Thinking',
				type: 'options',
				options: ['enabled', 'disabled', 'auto'],
				description: 'Prompt reasoning (newer models)',
			},
		],
		vidu: [
			{
				name: 'movementAmplitude',
				label: 'Movement Amplitude',
				type: 'options',
				options: ['auto', 'small', 'medium', 'large'],
				description: 'Amount of movement in the video',
			},
			{
				name: 'bgm',
				label: 'Background Music',
				type: 'boolean',
				onlyForDurations: [4],
				description: 'Add background music (4 s videos only)',
			},
			{
				name: 'style',
				label: 'Style',
				type: 'options',
				options: ['general', 'anime'],
				textToVideoOnly: true,
				description: 'Visual style (text-to-video only)',
			},
			{
				name: 'audio',
				label: 'Audio',
				type: 'boolean',
				description: 'Generate audio (newer models)',
			},
			{
				name: 'template',
				label: 'Template',
				type: 'json',
				description: 'Effect template: {"name": "…", "area": "…", "beast": "…"}',
			},
		],
		runway: [
			{
				name: 'contentModeration',
				label: 'Content Moderation',
				type: 'json',
				description: 'Moderation options: {"publicFigureThreshold": "auto" or "low"}',
			},
		],
		lightricks: [
			{
				name: 'generateAudio',
				label: 'Generate Audio',
				type: 'boolean',
				description: 'Generate audio with the video (LTX-2)',
			},
			{
				name: 'startTime',
				label: 'Start Time',
				type: 'number',
				min: 0,
				description: 'Start of the section to retake, in seconds (LTX-2 Retake)',
			},
			{
				name: 'duration',
				label: 'Retake Duration',
				type: 'number',
				min: 0,
				description: 'Length of the section to retake, in seconds (LTX-2 Retake)',
			},
			{
				name: 'mode',
				label: 'Retake Mode',
				type: 'options',
				options: ['replace_audio', 'replace_video', 'replace_audio_and_video'],
				description: 'What to replace in the section (LTX-2 Retake)',
			},
		],
		lumaai: [
			{
				name: 'loop',
				label: 'Loop',
				type: 'boolean',
				description: 'Make the video loop seamlessly',
			},
			{
				name: 'concepts',
				label: 'Concepts',
				type: 'json',
				description: 'Camera concepts: [{"key": "…"}, …]',
			},
		],
		alibaba: [
			{
				name: 'promptEnhancer',
				label: 'Prompt Enhancer',
				type: 'boolean',
				description: 'Enhance the prompt',
			},
			{
				name: 'promptExtend',
				label: 'Prompt Extend',
				type: 'boolean',
				description: 'Extend the prompt',
			},
			{
				name: 'audio',
				label: 'Audio',
				type: 'boolean',
				description: 'Generate audio',
			},
			{
				name: 'shotType',
				label: 'Shot Type',
				type: 'options',
				options: ['single', 'multi'],
				description: 'Single shot or multi-shot video',
			},
		],
		sync: [
			{
				name: 'syncMode',
				label: 'Sync Mode',
				type: 'options',
				options: ['bounce', 'loop', 'cut_off', 'silence', 'remap'],
				description: 'How a length mismatch between audio and video is handled',
			},
			{
				name: 'mode',
				label: 'Mode',
				type: 'string',
				description: 'Generation mode',
			},
			{
				name: 'editRegion',
				label: 'Edit Region',
				type: 'options',
				options: ['lips', 'face', 'head'],
				description: 'Region to edit (react-1)',
			},
			{
				name: 'emotionPrompt',
				label: 'Emotion',
				type: 'string',
				description: 'Emotion to express, e.g. happy or neutral (react-1)',
			},
			{
				name: 'temperature',
				label: 'Temperature',
				type: 'number',
				description: 'Expressiveness of the generation',
			},
			{
				// sdk-python: boolean; ComfyUI: also {autoDetect, frameNumber, coordinates, boundingBoxes}.
				name: 'activeSpeakerDetection',
				label: 'Active Speaker Detection',
				type: 'json',
				description: 'true, false or {"autoDetect": true, "frameNumber": 0, …}',
			},
			{
				name: 'occlusionDetectionEnabled',
				label: 'Occlusion Detection',
				type: 'boolean',
				description: 'Detect faces hidden behind objects',
			},
			{
				name: 'segments',
				label: 'Segments',
				type: 'json',
				description:
					'Segments: [{"startTime": 0, "endTime": 2, "audio": "…", "ref": "…", "audioStartTime": 0, "audioEndTime": 2}]',
			},
		],
		xai: [
			{
				name: 'quality',
				label: 'Quality',
				type: 'options',
				options: ['low', 'medium', 'high'],
				description: 'Quality preset (currently without effect, per ComfyUI)',
			},
		],
	};

/** The described `providerSettings` fields per provider key, parsed (and checked) at load. */
export const providerSettingsFields: Readonly<
	Partial<Record<RunwareProviderKey, readonly ProviderSettingField[]>>
> = providerSettingsFieldsSchema.parse(providerSettingsFieldData);
