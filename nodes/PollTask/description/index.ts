import type { INodeProperties } from 'n8n-workflow';

import { downloadProperties, waitingOptionsProperty } from '../../shared/descriptions/waiting';
import { API_LIMITS } from '../../shared/providers/runware/validation';
import { RUNWAY_TASK_ID_FIELD } from '../../shared/providers/runway/tasks';

import { providerProperty } from '../../shared/descriptions/provider';

export type { ProviderName as PollProviderName } from '../../shared/descriptions/provider';
export type PollOperation = 'wait' | 'check';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'wait',
	options: [
		{
			name: 'Wait Until Done',
			value: 'wait',
			action: 'Wait until tasks are done',
			description:
				'Poll every task until its video is ready, then output it as the video node would have',
		},
		{
			name: 'Check Once',
			value: 'check',
			action: 'Check task status once',
			description:
				'Read each task once: its video when done, else its status and progress (for loops with a Wait node)',
		},
	],
};

const runwareProperties: INodeProperties[] = [
	{
		displayName: 'Task UUID',
		name: 'taskUUID',
		type: 'string',
		required: true,
		default: '={{ $json.taskUUID }}',
		placeholder: 'e.g. 6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40',
		hint: "From Runware Video's taskUUID output (Submit Only mode): the default reads it from the input item",
		description: 'The taskUUID of the Runware task, a UUID',
		displayOptions: { show: { provider: ['runware'] } },
	},
	{
		displayName: 'Options',
		name: 'runwareOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { provider: ['runware'] } },
		options: [
			{
				displayName: 'Results per Task',
				name: 'numberResults',
				type: 'number',
				typeOptions: {
					minValue: API_LIMITS.numberResults.min,
					maxValue: API_LIMITS.numberResults.max,
				},
				default: 1,
				description:
					"How many videos the task makes (its Number of Results): it is done when all of them are. Unset: the input item's numberResults (the Runware Video node's Submit Only output has it), else 1.",
			},
		],
	},
];

const runwayProperties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: RUNWAY_TASK_ID_FIELD,
		type: 'string',
		required: true,
		default: `={{ $json.${RUNWAY_TASK_ID_FIELD} }}`,
		placeholder: 'e.g. user:12345-runwayml:you@example.com-task:<uuid>',
		hint: "From Runway Video's taskId output (Submit Only mode): the default reads it from the input item",
		description: 'The useapi.net taskId of the Runway task',
		displayOptions: { show: { provider: ['runway'] } },
	},
];

export const pollTaskProperties: INodeProperties[] = [
	providerProperty({
		runware: 'Tasks of the Runware Video node',
		runway: 'Tasks of the Runway Video node',
	}),
	operationProperty,
	...runwareProperties,
	...runwayProperties,
	waitingOptionsProperty({ show: { operation: ['wait'] } }),
	...downloadProperties({ show: { operation: ['wait', 'check'] } }),
];
