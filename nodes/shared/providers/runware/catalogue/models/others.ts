import type { RunwareModelInput } from '../schema';
import { imageDrivenModel, plainModel, providerPageSection, videoDrivenModel } from './shared';

const LIP_SYNC = ['v2v', 'audio-driven'] as const satisfies RunwareModelInput['modes'];

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
		dimensions: {
			pairs: [
				...['1280x720', '720x1280', '960x960', '1088x832', '832x1088'],
				...['1920x1080', '1080x1920', '1440x1440', '1632x1248', '1248x1632'],
			],
		},
		resolutions: { values: ['720p', '1080p'] },
		fps: false,
		durations: { values: [5, 10, 15], default: 5 },
		frameImages: 'first',
		referenceVideos: 3,
		inputAudios: 1,
		providerSettings: ['promptExtend', 'audio', 'shotType'],
		conflicts: [['referenceVideos', 'frameImages']],
	},
	plainModel('alibaba:wan@2.6-flash', 'Alibaba Wan 2.6 Flash'),
	plainModel('alibaba:wan@2.7', 'Alibaba Wan 2.7'),
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
	plainModel('luma:ray@3.2', 'Luma Ray 3.2'),
	// ComfyUI list only; kept because sdk-python's `lumaai` provider settings belong to them.
	{ ...plainModel('lumaai:1@1', 'Luma Ray 1.6'), legacy: true },
	{ ...plainModel('lumaai:2@1', 'Luma Ray 2'), legacy: true },
	{ ...plainModel('lumaai:2@2', 'Luma Ray 2 Flash'), legacy: true },
	plainModel('prunaai:p-video@0', 'Pruna P-Video'),
	// bifrost (schema-derived): these two reject inputs.frameImages; the image goes in referenceImages.
	{ ...plainModel('prunaai:p-video@animate', 'Pruna P-Video Animate'), frameImages: false },
	plainModel('prunaai:p-video@avatar', 'Pruna P-Video Avatar'),
	{ ...plainModel('prunaai:p-video@replace', 'Pruna P-Video Replace'), frameImages: false },
	{ ...plainModel('runware:190@1', 'Ovi'), dimensions: false },
	plainModel('skywork:skyreels@v4', 'Skywork SkyReels V4'),
	videoDrivenModel('sync:lipsync-2-pro@1', 'Sync Lipsync 2 Pro', LIP_SYNC),
	videoDrivenModel('sync:lipsync-2@1', 'Sync Lipsync 2', LIP_SYNC),
	videoDrivenModel('sync:lipsync@3', 'Sync 3', LIP_SYNC),
	videoDrivenModel('sync:react-1@1', 'Sync React-1', LIP_SYNC),
	{ ...imageDrivenModel('veed:fabric@1.0-hosted', 'VEED Fabric 1.0'), modes: ['audio-driven'] },
	plainModel('xai:grok-imagine@video', 'xAI Grok Imagine Video'),
	plainModel('xai:grok-imagine@video-1.5', 'xAI Grok Imagine Video 1.5'),
];
