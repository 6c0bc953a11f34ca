import type { INodeProperties } from 'n8n-workflow';

import { hiddenUnlessAccepted, mergeHideRules } from './visibility';

// Option loaders read the model; n8n reloads them when it changes.
const dependsOnModel = ['model.value'];

export const AIR_REGEX = '^[^\\s:]+:[^\\s@]+@\\S+$';

export const modelProperties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The video model. The list holds the models this node knows, grouped by provider; any other model can be entered by its AIR.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a model...',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'By AIR',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. klingai:5@2',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: AIR_REGEX,
							errorMessage: 'An AIR reads provider:id@version, e.g. klingai:5@2',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Prompt',
		name: 'positivePrompt',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. A red fox running through fresh snow at sunrise, cinematic',
		description:
			'What the video should show: subject, motion, scene and style. Some models need it only without frame images.',
		displayOptions: mergeHideRules(hiddenUnlessAccepted('positivePrompt')),
	},
	{
		displayName: 'Video Settings',
		name: 'videoOptions',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Length, size and frame rate. Unset ones are left to the model.',
		options: [
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options -- numbers and sizes, not named entities
				displayName: 'Dimensions',
				name: 'dimensions',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDimensions', loadOptionsDependsOn: dependsOnModel },
				default: '',
				description:
					'Width x height in pixels, sent as width and height; an expression may give any WIDTHxHEIGHT. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('width')),
			},
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options -- numbers and sizes, not named entities
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDurations', loadOptionsDependsOn: dependsOnModel },
				default: '',
				description:
					'Length of the video; the list holds the durations the model allows. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('duration')),
			},
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options -- numbers and sizes, not named entities
				displayName: 'Frame Rate (FPS)',
				name: 'fps',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFrameRates', loadOptionsDependsOn: dependsOnModel },
				default: '',
				description:
					'Frames per second (unset: the model default, 24 for most); the list holds the frame rates the model allows. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('fps')),
			},
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options -- numbers and sizes, not named entities
				displayName: 'Resolution',
				name: 'resolution',
				type: 'options',
				typeOptions: {
					loadOptionsMethod: 'getResolutions',
					loadOptionsDependsOn: dependsOnModel,
				},
				default: '',
				description:
					'Named output resolution, for models that take one instead of width and height. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('resolution')),
			},
		],
	},
];
