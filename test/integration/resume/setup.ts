import type { IDataObject } from 'n8n-workflow';

import type { RunWorkflowInput } from '../../harness';
import { nodeRun } from '../setup';

export const NODE_NAME = 'Video';

/** A run of `items` prompts through one video node in Resume on Webhook mode, each video into binary data. */
export function resumeRun(
	items: number,
	type: string,
	credential: string,
	parameters: IDataObject,
	nodeId?: string,
): RunWorkflowInput {
	const prompts = Array.from({ length: items }, (_, index) => ({
		json: { prompt: `Take ${index}` },
	}));
	return nodeRun(
		{ name: NODE_NAME, type, credential },
		{ waitMode: 'webhook', returnAs: 'binary', ...parameters },
		prompts,
		nodeId ? { id: nodeId } : {},
	);
}
