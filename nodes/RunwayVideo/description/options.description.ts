import type { INodeProperties } from 'n8n-workflow';

import {
	downloadProperties,
	waitingOptionsProperty,
	waitModeProperty,
} from '../../shared/descriptions/waiting';
import { CREDENTIAL_ACCOUNT } from '../../shared/providers/runway/accounts';
import { RUNWAY_TASK_ID_FIELD } from '../../shared/providers/runway/tasks';
import { seedOption } from './settings.description';

const accountProperty: INodeProperties = {
	displayName: 'Runway Account Name or ID',
	name: 'email',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAccounts' },
	default: CREDENTIAL_ACCOUNT,
	description:
		'The linked Runway account that runs the generation. Assets pin their own account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Jobs',
			name: 'maxJobs',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 2,
			description:
				'How many jobs useapi.net runs at once on the account (1–10). Unset: the account setting.',
		},
		{
			displayName: 'Reply Reference',
			name: 'replyRef',
			type: 'string',
			default: '',
			description:
				'Your reference, stored with the task and returned with it (up to 1024 characters)',
		},
		{
			displayName: 'Reply URL',
			name: 'replyUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/runway-callback',
			description:
				'URL useapi.net calls with the task updates (up to 1024 characters). Not with Resume on Webhook, which sends the execution resume URL.',
		},
		seedOption,
	],
};

export const optionsProperties: INodeProperties[] = [
	accountProperty,
	optionsProperty,
	waitModeProperty(RUNWAY_TASK_ID_FIELD),
	// Shown in every mode: Submit Only also waits (polling its own tasks) while an account is busy.
	waitingOptionsProperty({ show: { waitMode: ['wait', 'submit', 'webhook'] } }),
	...downloadProperties(),
];
