import type { IDataObject } from 'n8n-workflow';

import { node, startNode, workflow, type RunWorkflowInput } from '../../harness';

export const NODE_NAME = 'Video';
/** Quick polling, for a test's time scale. */
export const POLLING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };

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
	return workflow([
		startNode(prompts),
		node(
			NODE_NAME,
			type,
			{ waitMode: 'webhook', returnAs: 'binary', waitingOptions: POLLING, ...parameters },
			{ ...(nodeId ? { id: nodeId } : {}), credentials: [credential] },
		),
	]);
}
