import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resumeWebhooks } from '../shared/execution/resume';
import { modelSubtitle } from '../shared/descriptions/subtitle';
import { runwayModels } from '../shared/providers/runway/catalogue';
import { USEAPI_CREDENTIAL } from '../shared/providers/runway/transport';
import * as generate from './actions/generate.operation';
import { getAccounts } from './methods/loadOptions';

export class RunwayVideo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Runway Video',
		name: 'runwayVideo',
		icon: { light: 'file:runway.svg', dark: 'file:runway.dark.svg' },
		group: ['transform'],
		// Version 2 is version 1 unchanged but for n8n itself: it serves a version 1 node's resume callbacks through its
		// expression engine (an isolate per callback), a later version's without.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: modelSubtitle(Object.fromEntries(runwayModels.map(({ id, name }) => [id, name]))),
		description:
			'Generate a video from a text prompt (and optional images or videos) with a Runway model through useapi.net; outputs the video file or its URL',
		defaults: { name: 'Runway Video' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: USEAPI_CREDENTIAL, required: true }],
		webhooks: resumeWebhooks,
		properties: generate.properties,
	};

	methods = { loadOptions: { getAccounts } };

	execute = generate.execute;

	webhook = generate.webhook;
}
