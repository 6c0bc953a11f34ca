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
		// bifrost (schema-derived): Gen-4.5 requires width and height.
		...plainModel('runway:1@2', 'Runway Gen-4.5'),
		dimensions: { required: 'always' },
	},
	{
		// bifrost (schema-derived): rejects inputs.frameImages; the image goes in referenceImages.
		...plainModel('runway:2@1', 'Runway Aleph'),
		modes: ['v2v'],
		frameImages: false,
	},
	plainModel('runway:aleph@2.0', 'Runway Aleph 2.0'),
];
