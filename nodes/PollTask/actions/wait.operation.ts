import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { collectTaskResults } from '../../shared/execution/tasks';
import type { PollProviderName } from '../description';
import { startPoll } from './poll';

/**
 * Waits for every item's task together, as the video nodes do (Runware: batched getResponse rounds; Runway:
 * spaced task reads), and outputs each video as the video node would have.
 */
export async function execute(
	this: IExecuteFunctions,
	provider: PollProviderName,
): Promise<INodeExecutionData[][]> {
	const { outcomes, tasks, tracker, settings } = startPoll(this, provider);
	await collectTaskResults(this, outcomes, tasks, tracker, settings);
	return [outcomes.toOutput()];
}
