import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import type { Emulator, RunwayAccountOptions } from '../../emulator';
import { ITEMS, oneNodeWorkflow, type FaultSubject } from './runner';

export type WaitMode = 'wait' | 'submit' | 'webhook';

export const ALL_MODES: readonly WaitMode[] = ['wait', 'submit', 'webhook'];

/** A stable id, so that the resume webhook path is known. */
export const VIDEO_NODE_ID = 'fault-suite-video-node';

export interface VideoNodeSpec {
	type: string;
	name: string;
	nodeType: INodeType;
	/** Credential type of the node. */
	credential: string;
	/** Parameters of a valid generation whose prompt is the item's `prompt`. */
	parameters: INodeParameters;
	/** Field naming a task in the outputs. */
	idField: string;
	accounts?: RunwayAccountOptions[];
	credentialEmail?: string;
	/** Fails the test when a task was (or could have been) created twice. */
	expectNoTaskCreatedTwice(emulator: Emulator, itemCount: number): void;
}

export interface VideoSubject extends FaultSubject<WaitMode> {
	idField: string;
}

/** Items with distinct prompts, so that each item's requests can be told apart. */
export const prompts = (count = ITEMS): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({ json: { prompt: `Fault scene ${index + 1}` } }));

/** A video node as a fault subject: one generation per item, in each waiting mode. */
export function videoSubject(spec: VideoNodeSpec): VideoSubject {
	return {
		...spec,
		resumes: (mode) => mode === 'webhook',
		prepare: async () => prompts(),
		workflow: (mode, items, options) =>
			oneNodeWorkflow(
				{ ...spec, credentials: [spec.credential], id: VIDEO_NODE_ID },
				items,
				{ ...spec.parameters, waitMode: mode },
				options,
			),
		expectNoTaskCreatedTwice: (env, itemCount) =>
			spec.expectNoTaskCreatedTwice(env.emulator, itemCount),
	};
}
