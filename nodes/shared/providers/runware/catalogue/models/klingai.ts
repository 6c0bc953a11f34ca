import type { RunwareModelInput } from '../schema';
import {
	imageDrivenModel,
	plainModel,
	providerPageSection,
	RESOLUTION_OR_SIZE,
	videoDrivenModel,
} from './shared';

// docs 2025-10 providers/klingai ("720p set" / "1080p set").
const SET_720P = ['1280x720', '720x720', '720x1280'];
const SET_1080P = ['1920x1080', '1080x1080', '1080x1920'];

/**
 * KlingAI 1.x to 2.5: the model's section of the 2025-10 provider page (its anchor), then the limits
 * the family shares. The image-to-video-only sections list no prompt lines; the family's limits are
 * kept for them, as the API document requires a prompt of every request.
 */
const section = (anchor: string) => providerPageSection('klingai', anchor);

/** Limits shared by KlingAI 1.x to 2.5 (docs 2025-10 providers/klingai). */
const classic = {
	provider: 'klingai',
	inputShape: 'flat',
	durations: { values: [5, 10] },
	prompt: { min: 2, max: 2500 },
	negativePrompt: { min: 2, max: 2500 },
	CFGScale: { min: 0, max: 1, default: 0.5 },
} as const satisfies Partial<RunwareModelInput>;

const textAndImage = { modes: ['t2v', 'i2v'] } as const satisfies Partial<RunwareModelInput>;
const imageOnly = {
	modes: ['i2v'],
	requiredInputs: [['frameImages']],
} as const satisfies Partial<RunwareModelInput>;

/** KlingAI VIDEO 3.0 / O3 pages: exactly one of frame images or width/height. */
const video3Dimensions = (pairs: string[]) =>
	({
		pairs,
		required: 'withoutFrameImages',
		withFrameImages: 'forbidden',
	}) as const;

/** VIDEO 3.0 / O3 pages: providerSettings requires reference images (reference "KlingAI"). */
const VIDEO_3_DEPENDENCIES: RunwareModelInput['dependencies'] = [
	['providerSettings', 'referenceImages'],
];

export const klingaiModels: RunwareModelInput[] = [
	{
		...section('klingai-10-standard'),
		...classic,
		...textAndImage,
		air: 'klingai:1@1',
		name: 'KlingAI 1.0 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...section('klingai-10-pro'),
		...classic,
		...textAndImage,
		air: 'klingai:1@2',
		page: 'klingai-1-0-pro',
		name: 'KlingAI 1.0 Pro',
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...section('klingai-15-standard'),
		...classic,
		...imageOnly,
		air: 'klingai:2@1',
		name: 'KlingAI 1.5 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...section('klingai-15-pro'),
		...classic,
		...imageOnly,
		air: 'klingai:2@2',
		name: 'KlingAI 1.5 Pro',
		dimensions: { pairs: SET_1080P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...section('klingai-16-standard'),
		...classic,
		...textAndImage,
		air: 'klingai:3@1',
		name: 'KlingAI 1.6 Standard',
		dimensions: { pairs: SET_720P },
		// 30 fps for text-to-video, 24 fps for image-to-video.
		fps: { values: [24, 30] },
		frameImages: 'first',
	},
	{
		...section('klingai-16-pro'),
		...classic,
		...imageOnly,
		air: 'klingai:3@2',
		name: 'KlingAI 1.6 Pro',
		dimensions: { pairs: SET_1080P },
		fps: { values: [24] },
		// The reference lists the first frame only, but the API document's own example sends first + last.
		frameImages: 'first-last',
	},
	{
		...section('klingai-20-master'),
		...classic,
		...textAndImage,
		air: 'klingai:4@3',
		name: 'KlingAI 2.0 Master',
		dimensions: { pairs: SET_720P },
		fps: { values: [24] },
		frameImages: 'first',
	},
	{
		...section('klingai-21-standard'),
		...classic,
		...imageOnly,
		air: 'klingai:5@1',
		name: 'KlingAI 2.1 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [24] },
		frameImages: 'first',
	},
	{
		...section('klingai-21-pro'),
		...classic,
		...imageOnly,
		air: 'klingai:5@2',
		page: 'klingai-2-1-pro',
		name: 'KlingAI 2.1 Pro',
		// 2025-10: 1080p set; 2026 model page: 720p or 1080p.
		dimensions: { pairs: [...SET_1080P, ...SET_720P] },
		fps: { values: [24] },
		frameImages: 'first-last',
	},
	{
		...section('klingai-21-master'),
		...classic,
		...textAndImage,
		air: 'klingai:5@3',
		page: 'klingai-2-1-master',
		name: 'KlingAI 2.1 Master',
		dimensions: { pairs: SET_1080P },
		fps: { values: [24] },
		frameImages: 'first',
	},
	{
		...section('klingai-25-turbo-standard'),
		...classic,
		...imageOnly,
		air: 'klingai:6@0',
		page: 'klingai-2-5-turbo-standard',
		name: 'KlingAI 2.5 Turbo Standard',
		// The size comes from the first frame; width/height must not be sent.
		dimensions: false,
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...section('klingai-25-turbo-pro'),
		...classic,
		...textAndImage,
		air: 'klingai:6@1',
		page: 'klingai-2-5-turbo-pro',
		name: 'KlingAI 2.5 Turbo Pro',
		// The model page lists the 720p set only (its price example says 1080p).
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...videoDrivenModel('klingai:7@1', 'KlingAI Lip-Sync', ['v2v', 'audio-driven']),
		page: 'klingai-lip-sync',
	},
	{
		...imageDrivenModel('klingai:avatar@2.0-pro', 'KlingAI Avatar 2.0 Pro'),
		page: 'klingai-avatar-2-0-pro',
		modes: ['audio-driven'],
		dimensions: false,
	},
	{
		...imageDrivenModel('klingai:avatar@2.0-standard', 'KlingAI Avatar 2.0 Standard'),
		page: 'klingai-avatar-2-0-standard',
		modes: ['audio-driven'],
		dimensions: false,
	},
	{
		// Its section of the later KlingAI provider page: T2V, I2V and motion control (a reference video).
		// Its voices go in inputs.referenceVoices, which the node does not send: input audios stay refused.
		...plainModel('klingai:kling-video@2.6-pro', 'KlingAI VIDEO 2.6 Pro'),
		...section('kling-video-26-pro'),
		modes: ['t2v', 'i2v', 'v2v'],
		prompt: { min: 2, max: 2500 },
		negativePrompt: { min: 2, max: 2500 },
		CFGScale: { min: 0, max: 1, default: 0.5 },
		// Image-to-video takes the size from the image.
		dimensions: { pairs: SET_1080P, withFrameImages: 'forbidden' },
		fps: false,
		durations: { values: [5, 10], default: 5 },
		frameImages: 'first',
		referenceVideos: 1,
		providerSettings: ['sound', 'keepOriginalSound', 'characterOrientation'],
	},
	{
		// bifrost (schema-derived): rejects inputs.frameImages; the image goes in referenceImages.
		...plainModel('klingai:kling-video@2.6-standard', 'KlingAI VIDEO 2.6 Standard'),
		page: 'klingai-video-2-6-standard',
		frameImages: false,
	},
	{
		...plainModel('klingai:kling-video@3-4k', 'KlingAI VIDEO 3.0 4K'),
		page: 'klingai-video-3-0-4k',
		modes: ['t2v', 'i2v'],
		dependencies: VIDEO_3_DEPENDENCIES,
		dimensions: video3Dimensions(['3840x2160', '2160x3840', '2880x2880']),
	},
	{
		...plainModel('klingai:kling-video@3-pro', 'KlingAI VIDEO 3.0 Pro'),
		page: 'klingai-video-3-0-pro',
		modes: ['t2v', 'i2v'],
		// T2V and I2V only (reference "KlingAI"): video input is O3's (V2V).
		referenceVideos: 0,
		dependencies: VIDEO_3_DEPENDENCIES,
		dimensions: video3Dimensions(['1920x1080', '1440x1440', '1080x1920']),
	},
	{
		...plainModel('klingai:kling-video@3-standard', 'KlingAI VIDEO 3.0 Standard'),
		page: 'klingai-video-3-0-standard',
		modes: ['t2v', 'i2v'],
		referenceVideos: 0,
		dependencies: VIDEO_3_DEPENDENCIES,
		dimensions: video3Dimensions(['1280x720', '960x960', '720x1280']),
	},
	{
		// Its model page (top): no width/height with frame images; a negative prompt only with them;
		// a resolution (with frame images) instead of width/height.
		...plainModel('klingai:kling-video@3.0-turbo', 'KlingAI VIDEO 3.0 Turbo'),
		page: 'klingai-video-3-0-turbo',
		modes: ['t2v', 'i2v'],
		dimensions: {
			pairs: [...['1280x720', '960x960', '720x1280'], ...['1920x1080', '1440x1440', '1080x1920']],
			withFrameImages: 'forbidden',
		},
		negativePrompt: {},
		dependencies: [['negativePrompt', 'frameImages']],
		conflicts: RESOLUTION_OR_SIZE,
	},
	{
		// Its model page is named Kling VIDEO 3.0 Omni 4K; its top lists nothing more.
		...plainModel('klingai:kling-video@o3-4k', 'KlingAI VIDEO O3 4K'),
		page: 'klingai-video-3-0-omni-4k',
	},
	{
		...plainModel('klingai:kling-video@o3-pro', 'KlingAI VIDEO O3 Pro'),
		page: 'klingai-video-o3-pro',
		modes: ['t2v', 'i2v', 'v2v'],
		dimensions: video3Dimensions(['1920x1080', '1440x1440', '1080x1920']),
		// O3 page: with reference videos no providerSettings and at most 4 reference images.
		conflicts: [['referenceVideos', 'providerSettings']],
		maxReferenceImagesWithVideos: 4,
		dependencies: VIDEO_3_DEPENDENCIES,
	},
	{
		...plainModel('klingai:kling-video@o3-standard', 'KlingAI VIDEO O3 Standard'),
		page: 'klingai-video-o3-standard',
		modes: ['t2v', 'i2v', 'v2v'],
		dimensions: video3Dimensions(['1280x720', '960x960', '720x1280']),
		conflicts: [['referenceVideos', 'providerSettings']],
		maxReferenceImagesWithVideos: 4,
		dependencies: VIDEO_3_DEPENDENCIES,
	},
	{
		// Its section of the later KlingAI provider page. Lengths: 5 or 10 s for text and image, 3–10 s
		// with references; the union is offered and Runware judges the rest. Sizes for text-to-video only.
		...plainModel('klingai:kling@o1', 'KlingAI VIDEO O1 Pro'),
		...section('kling-video-o1'),
		modes: ['t2v', 'i2v', 'r2v', 'v2v'],
		prompt: { min: 2, max: 2500 },
		dimensions: { pairs: SET_1080P, withFrameImages: 'forbidden' },
		fps: false,
		durations: { min: 3, max: 10, step: 1, default: 5 },
		frameImages: 'first-last',
		referenceImages: 7,
		referenceVideos: 1,
		// The section also lists `fast` (video edit), which the node does not describe.
		providerSettings: ['keepOriginalSound'],
	},
	{
		// Its model page (top): exactly one of frame images, reference images or a size; 5 or 10 s with
		// frame images, 3–10 s and at most 7 reference images with references (the union is offered).
		...plainModel('klingai:kling@o1-standard', 'KlingAI VIDEO O1 Standard'),
		page: 'klingai-video-o1-standard',
		modes: ['t2v', 'i2v', 'r2v', 'v2v'],
		dimensions: { pairs: ['1280x720', '960x960', '720x1280'], withFrameImages: 'forbidden' },
		durations: { min: 3, max: 10, step: 1, default: 5 },
		referenceImages: 7,
	},
];
