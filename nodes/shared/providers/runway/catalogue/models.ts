import { RUNWAY_ASPECT_RATIOS, RUNWAY_IMAGE_SLOTS, RUNWAY_VIDEO_SLOTS } from './schema';
import type { RunwayModelInput } from './schema';

/*
 * The 18 models of POST /v1/runwayml/videos/create, transcribed from the API document's comparison tables
 * and field notes (useapi.net docs, updated 2026-05-14). Where a table says "all" aspect ratios
 * (Gen-4.5 I2V, Gen-4, Gen-4 Turbo), the six ratios the API document names anywhere are used.
 */

const ALL_RATIOS: RunwayModelInput['aspectRatio'] = {
	kind: 'values',
	values: [...RUNWAY_ASPECT_RATIOS],
};
const WIDE_TALL_SQUARE: RunwayModelInput['aspectRatio'] = {
	kind: 'values',
	values: ['16:9', '9:16', '1:1'],
};
const WIDE_TALL: RunwayModelInput['aspectRatio'] = { kind: 'values', values: ['16:9', '9:16'] };
const FIVE_RATIOS: RunwayModelInput['aspectRatio'] = {
	kind: 'values',
	values: ['16:9', '9:16', '1:1', '4:3', '3:4'],
};

const FIVE_TEN_FIFTEEN: RunwayModelInput['duration'] = {
	kind: 'set',
	values: [5, 10, 15],
	default: 5,
};
const FIVE_TEN: RunwayModelInput['duration'] = { kind: 'set', values: [5, 10], default: 5 };

const HD_FULL_HD: RunwayModelInput['resolution'] = {
	kind: 'values',
	values: ['720p', '1080p'],
	default: '720p',
};
const AUTO_RESOLUTION: RunwayModelInput['resolution'] = {
	kind: 'notAccepted',
	reason: 'the resolution is auto-selected',
};

const AUDIO_ON: RunwayModelInput['audio'] = { kind: 'toggle', default: true };
const NO_AUDIO: RunwayModelInput['audio'] = { kind: 'none' };

const FIRST_IMAGE_OPTIONAL: RunwayModelInput['images'] = { slots: ['imageAssetId1'], min: 0 };
const FIRST_IMAGE_REQUIRED: RunwayModelInput['images'] = { slots: ['imageAssetId1'], min: 1 };
const START_AND_END_FRAME: RunwayModelInput['images'] = {
	slots: ['imageAssetId1', 'imageAssetId2'],
	min: 0,
	endFrameSlot: 'imageAssetId2',
};
const NO_VIDEOS: RunwayModelInput['videos'] = { slots: [], min: 0 };

/** Multishot rules the API document states for every multishot model; only the shot count differs. */
function multishot(maxShots: number, shotBoundImages: boolean): RunwayModelInput['multishot'] {
	return {
		minShots: 2,
		maxShots,
		shotSeconds: { min: 3, max: 12 },
		maxTotalSeconds: 15,
		maxPromptLength: 512,
		shotBoundImages,
	};
}

const KLING_O3_IMAGES: RunwayModelInput['images'] = {
	slots: RUNWAY_IMAGE_SLOTS.slice(0, 7),
	min: 0,
};

type KlingO3Tier = Pick<RunwayModelInput, 'id' | 'name' | 'description' | 'videos' | 'editVideo'>;

function klingO3(tier: KlingO3Tier): RunwayModelInput {
	return {
		...tier,
		duration: FIVE_TEN_FIFTEEN,
		aspectRatio: WIDE_TALL_SQUARE,
		resolution: {
			kind: 'notAccepted',
			reason: 'the output resolution is derived from the model tier and aspect_ratio',
		},
		images: KLING_O3_IMAGES,
		keyframes: { withReferences: 'startFrameOnly' },
		multishot: multishot(6, true),
		audio: {
			kind: 'toggle',
			default: true,
			note: 'In Edit Video mode, audio keeps the original sound of the source video.',
		},
		seed: false,
		prompt: { requirement: 'optional', maxLength: 2500 },
		promptReferences: { images: 7, videos: 0 },
		exploreMode: true,
	};
}

const KLING_O3_EDIT_VIDEO: Pick<RunwayModelInput, 'videos' | 'editVideo'> = {
	videos: { slots: ['videoAssetId'], min: 0, maxSeconds: 10 },
	editVideo: { supported: true, maxReferenceImages: 4, maxSourceSeconds: 10 },
};

type Kling30Tier = Pick<RunwayModelInput, 'id' | 'name' | 'description'>;

function kling30(tier: Kling30Tier): RunwayModelInput {
	return {
		...tier,
		duration: FIVE_TEN_FIFTEEN,
		aspectRatio: WIDE_TALL_SQUARE,
		resolution: AUTO_RESOLUTION,
		images: START_AND_END_FRAME,
		videos: NO_VIDEOS,
		multishot: multishot(5, false),
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'optional', maxLength: 2500 },
		exploreMode: true,
	};
}

type Sora2Tier = Pick<RunwayModelInput, 'id' | 'name' | 'description' | 'resolution'>;

function sora2(tier: Sora2Tier): RunwayModelInput {
	return {
		...tier,
		duration: { kind: 'set', values: [4, 8, 12], default: 4 },
		aspectRatio: WIDE_TALL,
		images: FIRST_IMAGE_OPTIONAL,
		videos: NO_VIDEOS,
		audio: { kind: 'alwaysOn' },
		seed: false,
		prompt: { requirement: 'optional', maxLength: 1000 },
		exploreMode: true,
	};
}

type Gen4Tier = Pick<RunwayModelInput, 'id' | 'name' | 'description'>;

function gen4(tier: Gen4Tier): RunwayModelInput {
	return {
		...tier,
		duration: FIVE_TEN,
		aspectRatio: ALL_RATIOS,
		resolution: { kind: 'values', values: ['720p'], default: '720p' },
		images: FIRST_IMAGE_REQUIRED,
		videos: NO_VIDEOS,
		audio: NO_AUDIO,
		seed: true,
		prompt: { requirement: 'required', maxLength: 1000 },
		exploreMode: true,
	};
}

export const runwayModelEntries: RunwayModelInput[] = [
	{
		id: 'seedance-2',
		name: 'Seedance 2.0',
		description:
			'Text/image/video to video, 4–15 s, up to 11 references (≤ 3 videos) or start/end keyframes',
		duration: { kind: 'range', min: 4, max: 15, default: 4 },
		aspectRatio: ALL_RATIOS,
		resolution: { kind: 'values', values: ['480p', '720p', '1080p'], default: '480p' },
		images: { slots: [...RUNWAY_IMAGE_SLOTS], min: 0 },
		videos: { slots: [...RUNWAY_VIDEO_SLOTS], min: 0, maxSeconds: 15 },
		combinedReferences: { max: 11, maxVideos: 3 },
		keyframes: { withReferences: 'exclusive' },
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'optional', maxLength: 3500 },
		promptReferences: { images: 11, videos: 3 },
		exploreMode: true,
	},
	{
		id: 'happyhorse-1.0',
		name: 'HappyHorse 1.0',
		description: 'Text or first-frame image to video, 3–15 s, 720p or 1080p',
		duration: { kind: 'range', min: 3, max: 15, default: 3 },
		aspectRatio: FIVE_RATIOS,
		resolution: HD_FULL_HD,
		images: FIRST_IMAGE_OPTIONAL,
		videos: NO_VIDEOS,
		audio: NO_AUDIO,
		seed: false,
		prompt: { requirement: 'optional', maxLength: 2500 },
		exploreMode: true,
	},
	klingO3({
		id: 'kling-o3-4k',
		name: 'Kling O3 4K',
		description: 'Omni video in 4K: frames (up to 7 references) or multishot; no Edit Video',
		videos: NO_VIDEOS,
		editVideo: {
			supported: false,
			reason: 'kling-o3-4k has no Edit Video mode (use kling-o3-pro or kling-o3-standard)',
		},
	}),
	klingO3({
		id: 'kling-o3-pro',
		name: 'Kling O3 Pro',
		description: 'Omni video in 1080p: frames (up to 7 references), multishot or Edit Video',
		...KLING_O3_EDIT_VIDEO,
	}),
	klingO3({
		id: 'kling-o3-standard',
		name: 'Kling O3 Standard',
		description: 'Omni video in 720p: frames (up to 7 references), multishot or Edit Video',
		...KLING_O3_EDIT_VIDEO,
	}),
	kling30({
		id: 'kling-3.0-pro',
		name: 'Kling 3.0 Pro',
		description: 'Text or start/end frame to video, 5/10/15 s, multishot 2–5 shots',
	}),
	kling30({
		id: 'kling-3.0-standard',
		name: 'Kling 3.0 Standard',
		description: 'Text or start/end frame to video, 5/10/15 s, multishot 2–5 shots (cheaper tier)',
	}),
	{
		id: 'kling-3.0-motion-control',
		name: 'Kling 3.0 Motion Control',
		description: 'Animate a character image with the motion of a performance video (3–30 s)',
		duration: {
			kind: 'notAccepted',
			reason: 'the output length is inherited from the reference video',
		},
		aspectRatio: {
			kind: 'notAccepted',
			reason: 'the aspect ratio is inherited from the character image',
		},
		resolution: HD_FULL_HD,
		images: FIRST_IMAGE_REQUIRED,
		videos: { slots: ['videoAssetId'], min: 1, minSeconds: 3, maxSeconds: 30 },
		characterOrientation: { values: ['image', 'video'], default: 'image' },
		audio: {
			kind: 'toggle',
			default: true,
			note: 'audio keeps the original sound of the reference video; off gives a silent output.',
		},
		seed: false,
		prompt: { requirement: 'optional', maxLength: 2500 },
		exploreMode: true,
	},
	{
		id: 'kling-2.6-pro',
		name: 'Kling 2.6 Pro',
		description: 'Text or image to video, 5 or 10 s, prompt required',
		duration: FIVE_TEN,
		aspectRatio: WIDE_TALL,
		resolution: AUTO_RESOLUTION,
		images: FIRST_IMAGE_OPTIONAL,
		videos: NO_VIDEOS,
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'required', maxLength: 2500 },
		exploreMode: true,
	},
	{
		id: 'kling-2.6-i2v',
		name: 'Kling 2.6 I2V',
		description: 'Image to video, 5 or 10 s, image and prompt required',
		duration: FIVE_TEN,
		aspectRatio: { kind: 'notAccepted' },
		resolution: { kind: 'notAccepted' },
		images: FIRST_IMAGE_REQUIRED,
		videos: NO_VIDEOS,
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'required', maxLength: 2500 },
		exploreMode: true,
	},
	{
		id: 'wan-2.6-flash',
		name: 'Wan 2.6 Flash',
		description: 'Image to video, 5/10/15 s, 720p or 1080p, image and prompt required',
		duration: FIVE_TEN_FIFTEEN,
		aspectRatio: WIDE_TALL_SQUARE,
		resolution: HD_FULL_HD,
		images: FIRST_IMAGE_REQUIRED,
		videos: NO_VIDEOS,
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'required', maxLength: 1500 },
		exploreMode: true,
	},
	{
		id: 'wan-2.2-animate',
		name: 'Wan 2.2 Animate',
		description: 'Animate an image with a reference video; no prompt, length set by the model',
		duration: { kind: 'auto', reason: 'the output length is chosen automatically' },
		aspectRatio: FIVE_RATIOS,
		resolution: { kind: 'notAccepted' },
		images: FIRST_IMAGE_REQUIRED,
		videos: { slots: ['videoAssetId'], min: 1 },
		audio: NO_AUDIO,
		seed: false,
		prompt: { requirement: 'unsupported' },
		exploreMode: true,
	},
	{
		id: 'veo-3.1',
		name: 'Veo 3.1',
		description: 'Text or start/end frame to video, 4/6/8 s, fast; no explore mode',
		duration: { kind: 'set', values: [4, 6, 8], default: 4 },
		aspectRatio: WIDE_TALL,
		resolution: HD_FULL_HD,
		images: START_AND_END_FRAME,
		videos: NO_VIDEOS,
		audio: AUDIO_ON,
		seed: false,
		prompt: { requirement: 'optional', maxLength: 5000 },
		exploreMode: false,
	},
	sora2({
		id: 'sora-2',
		name: 'Sora 2',
		description: 'Text or image to video, 4/8/12 s, audio always on',
		resolution: { kind: 'notAccepted' },
	}),
	sora2({
		id: 'sora-2-pro',
		name: 'Sora 2 Pro',
		description: 'Text or image to video, 4/8/12 s, 720p or 1080p, audio always on',
		resolution: HD_FULL_HD,
	}),
	{
		id: 'gen4.5',
		name: 'Gen-4.5',
		description: 'Text (16:9) or start/end frame to video, 2–10 s, seed',
		duration: { kind: 'range', min: 2, max: 10, default: 2 },
		aspectRatio: {
			kind: 'values',
			values: [...RUNWAY_ASPECT_RATIOS],
			textToVideoValues: ['16:9'],
		},
		resolution: { kind: 'notAccepted' },
		images: START_AND_END_FRAME,
		videos: NO_VIDEOS,
		audio: AUDIO_ON,
		seed: true,
		prompt: { requirement: 'optional', maxLength: 5000 },
		exploreMode: true,
	},
	gen4({
		id: 'gen4',
		name: 'Gen-4',
		description: 'Image to video, 5 or 10 s, 720p, image and prompt required, seed',
	}),
	gen4({
		id: 'gen4-turbo',
		name: 'Gen-4 Turbo',
		description: 'Fast image to video, 5 or 10 s, 720p, image and prompt required, seed',
	}),
];
