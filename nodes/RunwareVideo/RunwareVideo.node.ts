import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resumeWebhooks } from '../shared/execution/resume';
import { RUNWARE_CREDENTIAL } from '../shared/providers/runware/transport';
import { modelSubtitle } from '../shared/descriptions/subtitle';
import { runwareModelNames } from './description/featured';
import * as generate from './actions/generate.operation';
import * as loadOptions from './methods/loadOptions';
import { searchModels } from './methods/listSearch';

export class RunwareVideo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Runware Video',
		name: 'runwareVideo',
		icon: { light: 'file:runware.svg', dark: 'file:runware.dark.svg' },
		group: ['transform'],
		// Version 2 is version 1 unchanged but for n8n itself: it serves a version 1 node's resume callbacks through its
		// expression engine (an isolate per callback), a later version's without.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: modelSubtitle(runwareModelNames),
		description:
			'Generate a video from a text prompt (and optional images, videos or audio) with a Runware model; outputs the video file or its URL',
		defaults: { name: 'Runware Video' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: RUNWARE_CREDENTIAL, required: true }],
		webhooks: resumeWebhooks,
		properties: generate.properties,
	};

	methods = {
		listSearch: { searchModels },
		loadOptions: {
			getDimensions: loadOptions.getDimensions,
			getDurations: loadOptions.getDurations,
			getFrameRates: loadOptions.getFrameRates,
			getResolutions: loadOptions.getResolutions,
			getVoices: loadOptions.getVoices,
		},
	};

	execute = generate.execute;

	webhook = generate.webhook;
}
