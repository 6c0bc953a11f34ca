import type { BadInputTable } from './types';

const RUNWAY_TASK = 'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-00000000000a';

/** Poll Task: ids from the item (as the video nodes' Submit Only output gives them) or entered. */
export const pollTaskBadInputs: BadInputTable = {
	node: 'pollTask',
	name: 'Poll Task',
	credentials: ['runwareApi', 'useApiApi'],
	parameters: {
		provider: 'runware',
		operation: 'wait',
		waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 },
		returnAs: 'url',
	},
	item: { json: { taskUUID: '6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40' } },
	cases: [
		{
			title: 'a Runware task UUID that is no UUID',
			item: { json: { taskUUID: 'task-42' } },
			field: '"task-42"',
			allowed: /is not a Runware task UUID/,
		},
		{
			title: 'an item without a Runware task UUID',
			item: { json: { id: 42 } },
			field: 'taskUUID',
			allowed: /reads taskUUID from the input item/,
		},
		{
			title: 'a Runware task UUID that is a number',
			item: { json: { taskUUID: 42 } },
			field: '"42"',
			allowed: /is not a Runware task UUID/,
		},
		{
			title: 'more results per task than a task makes',
			parameters: { runwareOptions: { numberResults: 6 } },
			field: 'Results per Task',
			allowed: /a whole number from 1 to 4$/,
		},
		{
			title: 'a result count from the item that is not whole',
			parameters: { runwareOptions: { numberResults: '={{ 2.5 }}' } },
			field: 'Results per Task',
			allowed: /a whole number from 1 to 4$/,
		},
		{
			title: 'a Runway task id that is an asset id',
			parameters: { provider: 'runway' },
			item: { json: { taskId: RUNWAY_TASK.replace('-task:', '-asset:') } },
			field: 'asset ID',
			allowed: /not a task ID$/,
		},
		{
			title: 'a Runway task id in another form',
			parameters: { provider: 'runway' },
			item: { json: { taskId: '0b7c1d2e-0000-4000-8000-00000000000a' } },
			field: 'useapi.net Runway task ID',
			allowed: /\(user:<number>-runwayml:<account email>-task:<uuid>\)$/,
		},
		{
			title: 'a Runway task id that would change the request path',
			parameters: { provider: 'runway', operation: 'check' },
			item: { json: { taskId: `${RUNWAY_TASK}/../../accounts` } },
			field: 'useapi.net Runway task ID',
			allowed: /\(user:<number>-runwayml:<account email>-task:<uuid>\)$/,
		},
		{
			title: 'an item without a Runway task id',
			parameters: { provider: 'runway', operation: 'check' },
			item: { json: {} },
			field: 'taskId',
			allowed: /reads taskId from the input item/,
		},
		{
			title: 'a Runware task UUID that is an object',
			item: { json: { taskUUID: { id: '6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40' } } },
			field: 'taskUUID',
			allowed: /must be text, not an object$/,
		},
		{
			title: 'a Runway task id that is a list',
			parameters: { provider: 'runway' },
			item: { json: { taskId: [RUNWAY_TASK] } },
			field: 'taskId',
			allowed: /must be text, not a list of 1 item$/,
		},
		{
			title: 'a result count in exponent notation',
			parameters: { runwareOptions: { numberResults: '={{ "2e0" }}' } },
			field: 'Results per Task (numberResults) "2e0"',
			allowed: /a whole number from 1 to 4$/,
		},
	],
};
