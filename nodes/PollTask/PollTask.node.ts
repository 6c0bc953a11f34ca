import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { pollTaskProperties } from './description';
import { providerCredentials } from '../shared/descriptions/provider';

export class PollTask implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Poll Task',
		name: 'pollTask',
		icon: { light: 'file:pollTask.svg', dark: 'file:pollTask.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ($parameter["operation"] === "check" ? "Check " : "Wait for ") + ($parameter["provider"] === "runway" ? "Runway" : "Runware") + " task" }}',
		description:
			'Wait for or check the video tasks that the Runware and Runway Video nodes submitted',
		defaults: { name: 'Poll Task' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials,
		properties: pollTaskProperties,
	};

	execute = router;
}
