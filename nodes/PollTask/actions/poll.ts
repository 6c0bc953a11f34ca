import type { IExecuteFunctions } from 'n8n-workflow';

import { readWaitSettings } from '../../shared/descriptions/waiting';
import { ItemOutcomes } from '../../shared/execution/outcomes';
import type { WaitSettings } from '../../shared/execution/tasks';
import type { PollProviderName } from '../description';
import { pollProvider, type PollProvider } from './providers';
import { readPollTasks, type PollTask } from './tasks';

/** What both operations start from. */
export interface Poll extends PollProvider {
	/** One outcome per input item; items without a usable task ID have failed already. */
	outcomes: ItemOutcomes;
	tasks: PollTask[];
	settings: WaitSettings;
}

/** Reads every item's task (throwing for a bad one unless Continue On Fail) and how to follow the tasks. */
export function startPoll(ctx: IExecuteFunctions, provider: PollProviderName): Poll {
	const outcomes = new ItemOutcomes(ctx, ctx.getInputData().length);
	const signal = ctx.getExecutionCancelSignal();
	const tasks = readPollTasks(ctx, outcomes, provider);
	outcomes.throwUnlessContinuing();
	return {
		...pollProvider(ctx, provider, tasks, signal),
		outcomes,
		tasks,
		settings: { ...readWaitSettings(ctx), signal },
	};
}
