import type { RunwareModelInput } from '../schema';
import { imageDrivenModel, plainModel, videoDrivenModel } from './shared';

// docs 2025-10 providers/klingai ("720p set" / "1080p set").
const SET_720P = ['1280x720', '720x720', '720x1280'];
const SET_1080P = ['1920x1080', '1080x1080', '1080x1920'];

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

/** VIDEO 3.0 / O3 pages: providerSettings requires reference images (reference §10.1). */
const VIDEO_3_DEPENDENCIES: RunwareModelInput['dependencies'] = [
	['providerSettings', 'referenceImages'],
];

export const klingaiModels: RunwareModelInput[] = [
	{
		...classic,
		...textAndImage,
		air: 'klingai:1@1',
		name: 'KlingAI 1.0 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
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
		...classic,
		...imageOnly,
		air: 'klingai:2@1',
		name: 'KlingAI 1.5 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
		...classic,
		...imageOnly,
		air: 'klingai:2@2',
		name: 'KlingAI 1.5 Pro',
		dimensions: { pairs: SET_1080P },
		fps: { values: [30] },
		frameImages: 'first',
	},
	{
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
		...classic,
		...imageOnly,
		air: 'klingai:3@2',
		name: 'KlingAI 1.6 Pro',
		dimensions: { pairs: SET_1080P },
		fps: { values: [24] },
		// The reference lists the first frame only, but the seed's own example sends first + last.
		frameImages: 'first-last',
	},
	{
		...classic,
		...textAndImage,
		air: 'klingai:4@3',
		name: 'KlingAI 2.0 Master',
		dimensions: { pairs: SET_720P },
		fps: { values: [24] },
		frameImages: 'first',
	},
	{
		...classic,
		...imageOnly,
		air: 'klingai:5@1',
		name: 'KlingAI 2.1 Standard',
		dimensions: { pairs: SET_720P },
		fps: { values: [24] },
		frameImages: 'first',
	},
	{
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
	videoDrivenModel('klingai:7@1', 'KlingAI Lip-Sync', ['v2v', 'audio-driven']),
	{
		...imageDrivenModel('klingai:avatar@2.0-pro', 'KlingAI Avatar 2.0 Pro'),
		modes: ['audio-driven'],
		dimensions: false,
	},
	{
		...imageDrivenModel('klingai:avatar@2.0-standard', 'KlingAI Avatar 2.0 Standard'),
		modes: ['audio-driven'],
		dimensions: false,
	},
	plainModel('klingai:kling-video@2.6-pro', 'KlingAI VIDEO 2.6 Pro'),
	{
		// bifrost (schema-derived): rejects inputs.frameImages; the image goes in referenceImages.
		...plainModel('klingai:kling-video@2.6-standard', 'KlingAI VIDEO 2.6 Standard'),
		frameImages: false,
	},
	plainModel('klingai:kling-video@3-4k', 'KlingAI VIDEO 3.0 4K'),
	{
		...plainModel('klingai:kling-video@3-pro', 'KlingAI VIDEO 3.0 Pro'),
		page: 'klingai-video-3-0-pro',
		modes: ['t2v', 'i2v'],
		// T2V and I2V only (reference §10.1): video input is O3's (V2V).
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
	plainModel('klingai:kling-video@3.0-turbo', 'KlingAI VIDEO 3.0 Turbo'),
	plainModel('klingai:kling-video@o3-4k', 'KlingAI VIDEO O3 4K'),
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
	plainModel('klingai:kling@o1', 'KlingAI VIDEO O1 Pro'),
	plainModel('klingai:kling@o1-standard', 'KlingAI VIDEO O1 Standard'),
];
