import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RUNWARE_MODEL, defaultModelName } from './featured';
import { hiddenUnlessAccepted, mergeHideRules } from './visibility';

// Option loaders read the model; n8n reloads them when it changes.
/** Options loaded for the chosen model, reloaded whenever the model changes. */
export const choicesOfModel = (loadOptionsMethod: string) => ({
	loadOptionsMethod,
	loadOptionsDependsOn: ['model.value'],
});

/** Value of each list's first entry, "Model Default (…)": the field is not sent and the model picks. */
export const MODEL_DEFAULT = '';

export const AIR_REGEX = '^[^\\s:]+:[^\\s@]+@\\S+$';

export const modelProperties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		required: true,
		default: {
			__rl: true,
			mode: 'list',
			value: DEFAULT_RUNWARE_MODEL,
			cachedResultName: defaultModelName(),
		},
		description:
			'The video model. The list starts with the most used models, then holds every model this node knows by provider; any other model can be entered by its AIR.',
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
			'What the video should show: subject, motion, scene and style. Required, at least 2 characters (MiniMax: not with a frame image; Sora 2: 1 character).',
		displayOptions: mergeHideRules(hiddenUnlessAccepted('positivePrompt')),
	},
];
