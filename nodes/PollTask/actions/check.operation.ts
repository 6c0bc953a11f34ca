import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deliverTaskOutcome } from '../../shared/execution/tasks';
import type { PollProviderName } from '../description';
import { startPoll } from './poll';

/**
 * Reads every item's task once: a finished task gives its videos (as the video node outputs them), a failed one
 * fails its item, a running one gives its status and progress.
 */
export async function execute(
	this: IExecuteFunctions,
	provider: PollProviderName,
): Promise<INodeExecutionData[][]> {
	const { outcomes, tasks, tracker, checkOnce, settings } = startPoll(this, provider);
	const checks = await checkOnce([...new Set(tasks.map((task) => task.taskId))]);
	for (const { itemIndex, taskId } of tasks) {
		const check = checks.get(taskId) ?? { state: { status: 'pending' } };
		if (check.state.status === 'pending') {
			outcomes.succeed(itemIndex, [{ json: check.snapshot ?? { [tracker.idField]: taskId } }]);
		} else {
			await deliverTaskOutcome(this, outcomes, [itemIndex], taskId, check.state, tracker, settings);
		}
	}
	return [outcomes.toOutput()];
}
