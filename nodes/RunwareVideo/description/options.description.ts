import type { INodeProperties } from 'n8n-workflow';

import { hiddenUnlessAccepted, mergeHideRules } from './visibility';

const jsonObjectOption = (
	displayName: string,
	name: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'json',
	default: '{}',
	description,
});

const safetyOption: INodeProperties = {
	displayName: 'Safety',
	name: 'safety',
	type: 'collection',
	placeholder: 'Add Safety Field',
	default: {},
	description: 'Content safety checks of the generated video',
	options: [
		{
			displayName: 'Check Content',
			name: 'checkContent',
			type: 'boolean',
			default: true,
			description: 'Whether to check the content (fast mode unless a mode is set)',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'fast',
			options: [
				{ name: 'None', value: 'none', description: 'No check' },
				{ name: 'Fast', value: 'fast', description: 'First, middle and last frames' },
				{ name: 'Full', value: 'full', description: 'Every frame; adds a little time' },
			],
			description: 'How thoroughly to check; wins over Check Content',
		},
	],
};

const loraOption: INodeProperties = {
	displayName: 'LoRA',
	name: 'lora',
	type: 'fixedCollection',
	placeholder: 'Add LoRA',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'LoRA models that adapt the model to a style or subject',
	displayOptions: mergeHideRules(hiddenUnlessAccepted('lora')),
	options: [
		{
			name: 'model',
			displayName: 'LoRA',
			values: [
				{
					displayName: 'Model',
					name: 'model',
					type: 'string',
					default: '',
					placeholder: 'e.g. civitai:12345@67890',
					description: 'AIR of the LoRA model',
				},
				{
					displayName: 'Weight',
					name: 'weight',
					type: 'number',
					default: 1,
					typeOptions: { numberPrecision: 2 },
					description: 'Strength of the LoRA',
				},
			],
		},
	],
};

/** What most users set: in view under Options. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Cost',
			name: 'includeCost',
			type: 'boolean',
			default: true,
			description: 'Whether to return the cost of each video in USD',
		},
		{
			displayName: 'Negative Prompt',
			name: 'negativePrompt',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			placeholder: 'e.g. blurry, low quality, flickering',
			description: 'What the video should avoid',
			displayOptions: mergeHideRules(hiddenUnlessAccepted('negativePrompt')),
		},
		{
			displayName: 'Number of Results',
			name: 'numberResults',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 4 },
			description:
				'Videos to generate from the same settings, each one an output item (Resume on Webhook takes one per item: n8n pairs resumed outputs by position)',
		},
		{
			displayName: 'Output Format',
			name: 'outputFormat',
			type: 'options',
			default: 'MP4',
			options: [
				{ name: 'MP4', value: 'MP4' },
				{ name: 'WEBM', value: 'WEBM' },
				{ name: 'MOV', value: 'MOV' },
			],
		},
		{
			displayName: 'Seed (0 = Random)',
			name: 'seed',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Makes a generation repeatable: the same seed and settings give the same video. 0 lets Runware pick a random seed.',
			displayOptions: mergeHideRules(hiddenUnlessAccepted('seed')),
		},
	],
};

/** Tuning, delivery and raw JSON settings, kept out of the way. */
export const advancedProperty: INodeProperties = {
	displayName: 'Advanced',
	name: 'advanced',
	type: 'collection',
	placeholder: 'Add Advanced Option',
	default: {},
	options: [
		{
			displayName: 'Also Upload Video To (URL)',
			name: 'uploadEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://bucket.s3.amazonaws.com/video.mp4?X-Amz-Signature=…',
			description: 'A URL Runware PUTs each finished video to, such as a presigned storage URL',
		},
		{
			...jsonObjectOption(
				'Caching Settings (JSON)',
				'acceleratorOptions',
				'Caching settings as a JSON object, overriding the acceleration preset',
			),
			displayOptions: mergeHideRules(hiddenUnlessAccepted('acceleratorOptions')),
		},
		{
			displayName: 'Compression Quality',
			name: 'outputQuality',
			type: 'number',
			default: 95,
			typeOptions: { minValue: 20, maxValue: 99 },
			description: 'Compression quality: higher keeps more detail in a larger file',
		},
		{
			displayName: 'Delivery',
			name: 'outputType',
			type: 'options',
			default: 'URL',
			options: [{ name: 'URL', value: 'URL' }],
			description: 'How the video is delivered; Runware returns videos as URLs only',
		},
		jsonObjectOption(
			'Extra Features (JSON)',
			'advancedFeatures',
			'Advanced features as a JSON object, e.g. {"watermark": false}',
		),
		{
			displayName: 'Keep Video URL For (Seconds)',
			name: 'ttl',
			type: 'number',
			default: 3600,
			typeOptions: { minValue: 60 },
			description: 'How long the video URL stays available',
		},
		loraOption,
		jsonObjectOption(
			'Model Settings (JSON)',
			'settings',
			'Model settings of newer models as a JSON object, e.g. {"audio": true}',
		),
		{
			displayName: 'Notify URL When Done',
			name: 'webhookURL',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/runware-hook?token=…',
			description:
				'A URL Runware POSTs each finished video to. In Resume on Webhook mode the node uses its own.',
			displayOptions: { hide: { '/waitMode': ['webhook'] } },
		},
		{
			displayName: 'Prompt Strength (CFG Scale)',
			name: 'CFGScale',
			type: 'number',
			default: 7,
			typeOptions: { minValue: 0, maxValue: 50, numberPrecision: 2 },
			description: 'How closely the video follows the prompt; some models allow a narrower range',
			displayOptions: mergeHideRules(hiddenUnlessAccepted('CFGScale')),
		},
		{
			displayName: 'Quality Steps',
			name: 'steps',
			type: 'number',
			default: 25,
			typeOptions: { minValue: 10, maxValue: 50 },
			description: 'Denoising steps: more is slower and usually better (20–40 works for most)',
			displayOptions: mergeHideRules(hiddenUnlessAccepted('steps')),
		},
		safetyOption,
		{
			displayName: 'Speed Preset',
			name: 'acceleration',
			type: 'options',
			default: 'none',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'Low', value: 'low', description: 'Least quality loss' },
				{ name: 'Medium', value: 'medium' },
				{ name: 'High', value: 'high', description: 'Fastest, with caching' },
			],
			description: 'Speed preset that tunes steps and caching',
			displayOptions: mergeHideRules(hiddenUnlessAccepted('acceleration')),
		},
	],
};
