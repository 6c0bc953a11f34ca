import type { INodeProperties } from 'n8n-workflow';

import { acceptsField } from '../../shared/providers/runware/catalogue';
import { choicesOfModel, MODEL_DEFAULT } from './model.description';
import { hiddenUnlessAccepted, hiddenWhen, mergeHideRules } from './visibility';

/** The video's settings; each list holds what the chosen model allows. */
export const settingsProperties: INodeProperties[] = [
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'options',
		typeOptions: choicesOfModel('getDurations'),
		default: MODEL_DEFAULT,
		description:
			'Length of the video; the list holds the durations the model allows. An expression may give another value.',
		displayOptions: mergeHideRules(hiddenUnlessAccepted('duration')),
	},
	{
		displayName: 'Dimensions',
		name: 'dimensions',
		type: 'options',
		typeOptions: choicesOfModel('getDimensions'),
		default: MODEL_DEFAULT,
		description:
			'Width x height in pixels, sent as width and height; an expression may give any WIDTHxHEIGHT, e.g. 1280x720',
		displayOptions: mergeHideRules(hiddenUnlessAccepted('width')),
	},
	{
		displayName: 'More Video Settings',
		name: 'videoOptions',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Frame rate and named resolution. Unset ones are left to the model.',
		displayOptions: mergeHideRules(
			hiddenWhen((model) => !acceptsField(model, 'fps') && !acceptsField(model, 'resolution')),
		),
		options: [
			{
				displayName: 'Frame Rate (FPS)',
				name: 'fps',
				type: 'options',
				typeOptions: choicesOfModel('getFrameRates'),
				default: MODEL_DEFAULT,
				description:
					'Frames per second; the list holds the frame rates the model allows. An expression may give another value.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('fps')),
			},
			{
				displayName: 'Resolution',
				name: 'resolution',
				type: 'options',
				typeOptions: choicesOfModel('getResolutions'),
				default: MODEL_DEFAULT,
				description:
					'Named output resolution, for models that take one instead of width and height. An expression may give another value.',
				displayOptions: mergeHideRules(hiddenUnlessAccepted('resolution')),
			},
		],
	},
];
