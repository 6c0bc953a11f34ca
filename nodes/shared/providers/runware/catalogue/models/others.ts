import type { RunwareModelInput } from '../schema';
import {
	imageDrivenModel,
	plainModel,
	providerPageSection,
	RESOLUTION_OR_SIZE,
	videoDrivenModel,
} from './shared';

const LIP_SYNC = ['v2v', 'audio-driven'] as const satisfies RunwareModelInput['modes'];

// Wan 2.6 (provider page section) and Wan 2.7 (model page).
const WAN_SIZES = [
	...['1280x720', '720x1280', '960x960', '1088x832', '832x1088'],
	...['1920x1080', '1080x1920', '1440x1440', '1632x1248', '1248x1632'],
];

export const alibabaModels: RunwareModelInput[] = [
	plainModel('alibaba:happyhorse@1.0', 'Alibaba HappyHorse 1.0'),
	plainModel('alibaba:happyhorse@1.1', 'Alibaba HappyHorse 1.1'),
	{
		// Its section of the later Alibaba provider page: reference videos (up to 3) or a first frame,
		// not both; custom audio in inputs.audio; a resolution instead of a size for image-to-video.
		...plainModel('alibaba:wan@2.6', 'Alibaba Wan 2.6'),
		...providerPageSection('alibaba', 'wan26'),
		nestedInputKeys: { inputAudios: 'audio' },
		modes: ['t2v', 'i2v', 'v2v'],
		prompt: { min: 1, max: 1500 },
		negativePrompt: { min: 1, max: 500 },
		dimensions: { pairs: WAN_SIZES },
		resolutions: { values: ['720p', '1080p'] },
		fps: false,
		durations: { values: [5, 10, 15], default: 5 },
		frameImages: 'first',
		referenceVideos: 3,
		inputAudios: 1,
		providerSettings: ['promptExtend', 'audio', 'shotType'],
		conflicts: [['referenceVideos', 'frameImages']],
	},
	{
		// Its model page (top): image-to-video; a frame image, a size or a resolution; one custom audio
		// in inputs.audio. The page's size table was not seen whole: sizes stay unchecked.
		...plainModel('alibaba:wan@2.6-flash', 'Alibaba Wan 2.6 Flash'),
		page: 'alibaba-wan2-6-flash',
		nestedInputKeys: { inputAudios: 'audio' },
		modes: ['i2v'],
		dimensions: { required: 'withoutFrameImages' },
		inputAudios: 1,
		conflicts: RESOLUTION_OR_SIZE,
	},
	{
		// Its model page (top): exactly one of frame images or a size; the prompt is required without
		// frame images. (Frame images exclude reference images and videos; the node does not check it.)
		...plainModel('alibaba:wan@2.7', 'Alibaba Wan 2.7'),
		page: 'alibaba-wan2-7',
		modes: ['t2v', 'i2v', 'r2v', 'v2v'],
		seedExemptions: {
			positivePromptWithFrameImages:
				'runware.ai/docs/models/alibaba-wan2-7: "When inputs.frameImages is not provided, positivePrompt is required"',
		},
		dimensions: {
			pairs: WAN_SIZES,
			required: 'withoutFrameImages',
			withFrameImages: 'forbidden',
		},
	},
	// Runware-hosted: its providerSettings key is the AIR prefix, `runware`.
	plainModel('runware:201@1', 'Alibaba Wan 2.5 Preview'),
];

export const otherModels: RunwareModelInput[] = [
	videoDrivenModel('bria:60@1', 'Bria Video Eraser', ['v2v']),
	{ ...imageDrivenModel('creatify:aurora@0', 'Creatify Aurora'), modes: ['audio-driven'] },
	{ ...imageDrivenModel('creatify:aurora@fast', 'Creatify Aurora Fast'), modes: ['audio-driven'] },
	{ ...imageDrivenModel('heygen:avatar@4', 'HeyGen Avatar IV'), modes: ['audio-driven'] },
	plainModel('heygen:avatar@5', 'HeyGen Avatar V'),
	imageDrivenModel('heygen:video-agent@0', 'HeyGen Video Agent'),
	{
		// Its model page's schema (top): text, image and video to video; "Duration available are 5s
		// and 10s" (its pricing overview).
		...plainModel('luma:ray@3.2', 'Luma Ray 3.2'),
		page: 'luma-ray3-2',
		modes: ['t2v', 'i2v', 'v2v'],
		durations: { values: [5, 10] },
	},
	// ComfyUI list only; kept because sdk-python's `lumaai` provider settings belong to them.
	{ ...plainModel('lumaai:1@1', 'Luma Ray 1.6'), legacy: true },
	{ ...plainModel('lumaai:2@1', 'Luma Ray 2'), legacy: true },
	{ ...plainModel('lumaai:2@2', 'Luma Ray 2 Flash'), legacy: true },
	{
		...plainModel('prunaai:p-video@0', 'Pruna P-Video'),
		page: 'prunaai-p-video',
		modes: ['t2v', 'i2v'],
	},
	// bifrost (schema-derived): these two reject inputs.frameImages; the image goes in referenceImages.
	{
		...plainModel('prunaai:p-video@animate', 'Pruna P-Video Animate'),
		page: 'prunaai-p-video-animate',
		modes: ['i2v', 'v2v'],
		frameImages: false,
	},
	plainModel('prunaai:p-video@avatar', 'Pruna P-Video Avatar'),
	{ ...plainModel('prunaai:p-video@replace', 'Pruna P-Video Replace'), frameImages: false },
	{ ...plainModel('runware:190@1', 'Ovi'), dimensions: false },
	plainModel('skywork:skyreels@v4', 'Skywork SkyReels V4'),
	videoDrivenModel('sync:lipsync-2-pro@1', 'Sync Lipsync 2 Pro', LIP_SYNC),
	{ ...videoDrivenModel('sync:lipsync-2@1', 'Sync Lipsync 2', LIP_SYNC), page: 'sync-lipsync-2' },
	videoDrivenModel('sync:lipsync@3', 'Sync 3', LIP_SYNC),
	videoDrivenModel('sync:react-1@1', 'Sync React-1', LIP_SYNC),
	{ ...imageDrivenModel('veed:fabric@1.0-hosted', 'VEED Fabric 1.0'), modes: ['audio-driven'] },
	{
		// Its model page (top): exactly one of frame images, a video or a size; a resolution instead of
		// a size. The page's size table was not seen whole: sizes stay unchecked.
		...plainModel('xai:grok-imagine@video', 'xAI Grok Imagine Video'),
		page: 'xai-grok-imagine-video',
		modes: ['t2v', 'i2v', 'v2v'],
		dimensions: { withFrameImages: 'forbidden' },
		conflicts: RESOLUTION_OR_SIZE,
	},
	plainModel('xai:grok-imagine@video-1.5', 'xAI Grok Imagine Video 1.5'),
	{
		// Not in the registry list ("Curated video models"); its model page (top): image-to-video, these sizes, a
		// resolution instead of a size.
		...plainModel('xai:grok-imagine@video-1.5-preview', 'xAI Grok Imagine Video 1.5 Preview'),
		page: 'xai-grok-imagine-video-1-5-preview',
		modes: ['i2v'],
		dimensions: {
			pairs: [
				...['480x480', '848x480', '480x848', '640x480', '480x640', '720x480', '480x720'],
				...['720x720', '1280x720', '720x1280', '960x720', '720x960'],
			],
		},
		conflicts: RESOLUTION_OR_SIZE,
	},
];
