import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readWaitSettings } from '../../shared/descriptions/waiting';
import { ItemOutcomes } from '../../shared/execution/outcomes';
import { collectTaskResults } from '../../shared/execution/tasks';
import type { PollProviderName } from '../description';
import { pollProvider } from './providers';
import { readPollTasks } from './tasks';

/**
 * Waits for every item's task together, as the video nodes do (Runware: batched getResponse rounds; Runway:
 * spaced task reads), and outputs each video as the video node would have.
 */
export async function execute(
	this: IExecuteFunctions,
	provider: PollProviderName,
): Promise<INodeExecutionData[][]> {
	const outcomes = new ItemOutcomes(this, this.getInputData().length);
	const signal = this.getExecutionCancelSignal();
	const tasks = readPollTasks(this, outcomes, provider);
	outcomes.throwUnlessContinuing();

	const { tracker } = pollProvider(this, provider, tasks, signal);
	await collectTaskResults(this, outcomes, tasks, tracker, { ...readWaitSettings(this), signal });
	return [outcomes.toOutput()];
}
