import type { RunwareModelInput } from '../schema';
import { plainModel, providerPageSection } from './shared';

export const runwayModels: RunwareModelInput[] = [
	{
		// Its section of the later Runway provider page: image-to-video, the frame in inputs.frameImages.
		...providerPageSection('runway', 'runway-gen-4-turbo'),
		air: 'runway:1@1',
		name: 'Runway Gen-4 Turbo',
		provider: 'runway',
		inputShape: 'nested',
		modes: ['i2v'],
		requiredInputs: [['frameImages']],
		prompt: { min: 1, max: 1000 },
		seedExemptions: {
			positivePromptWithFrameImages:
				'docs providers/runway (Gen-4 Turbo): positive prompt 1-1000 characters (optional)',
		},
		dimensions: {
			pairs: ['1280x720', '720x1280', '1104x832', '832x1104', '960x960', '1584x672'],
		},
		fps: false,
		durations: { min: 2, max: 10, step: 1, default: 10 },
		frameImages: 'first',
		providerSettings: ['contentModeration'],
	},
	{
		// Its model page (top): the sizes, and a frame image or a prompt. bifrost (schema-derived):
		// Gen-4.5 requires width and height.
		...plainModel('runway:1@2', 'Runway Gen-4.5'),
		page: 'runway-gen-4-5',
		modes: ['t2v', 'i2v'],
		seedExemptions: {
			positivePromptWithFrameImages:
				'runware.ai/docs/models/runway-gen-4-5: "Either provide inputs.frameImages, or specify positivePrompt"',
		},
		dimensions: {
			pairs: ['1280x720', '720x1280', '1104x832', '832x1104', '960x960'],
			required: 'always',
		},
	},
	{
		// bifrost (schema-derived): rejects inputs.frameImages; the image goes in referenceImages.
		// Its model page (top): video-to-video, these sizes.
		...plainModel('runway:2@1', 'Runway Aleph'),
		page: 'runway-aleph',
		modes: ['v2v'],
		frameImages: false,
		dimensions: {
			pairs: [
				...['1280x720', '720x1280', '1104x832', '832x1104', '960x960', '1584x672'],
				...['848x480', '640x480'],
			],
		},
	},
	{
		...plainModel('runway:aleph@2.0', 'Runway Aleph 2.0'),
		page: 'runway-aleph-2-0',
		modes: ['v2v'],
	},
];
