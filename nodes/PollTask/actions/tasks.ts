import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOutcomes } from '../../shared/execution/outcomes';
import { asItemError } from '../../shared/execution/outcomes';
import type { TrackedTask } from '../../shared/execution/tasks';
import { jsonText } from '../../shared/json';
import { fieldName, TypedParameters } from '../../shared/parameters';
import { isRunwareUuid } from '../../shared/providers/runware/ids';
import { API_LIMITS } from '../../shared/providers/runware/validation';
import { useApiIdForm, useApiIdKind } from '../../shared/providers/runway/ids';
import { RUNWAY_TASK_ID_FIELD } from '../../shared/providers/runway/tasks';
import type { PollProviderName } from '../description';

/** What an item tells about its task beyond the ID. */
export interface TaskDetails {
	/** Runware: how many videos the task makes. */
	numberResults?: number;
	model?: string;
	/** Runware: MP4, WEBM or MOV. */
	outputFormat?: string;
	/** Runway: the reference the task was created with. */
	replyRef?: string;
}

/** One item's task. */
export interface PollTask extends TrackedTask {
	details: TaskDetails;
}

const ID_FIELDS: Record<PollProviderName, string> = {
	runware: 'taskUUID',
	runway: RUNWAY_TASK_ID_FIELD,
};

const SOURCES: Record<PollProviderName, string> = {
	runware: 'Runware Video',
	runway: 'Runway Video',
};

function idProblem(provider: PollProviderName, id: string): string | undefined {
	const field = ID_FIELDS[provider];
	const shown = `${field} ${JSON.stringify(id)}`;
	if (provider === 'runware') {
		return isRunwareUuid(id) ? undefined : `${shown} is not a Runware task UUID`;
	}
	const kind = useApiIdKind(id);
	if (kind === 'task') return undefined;
	return kind === 'asset'
		? `${shown} is a Runway asset ID, not a task ID`
		: `${shown} is not a useapi.net Runway task ID (${useApiIdForm('task')})`;
}

function readTaskId(ctx: IExecuteFunctions, itemIndex: number, provider: PollProviderName): string {
	const field = ID_FIELDS[provider];
	const value = ctx.getNodeParameter(field, itemIndex, '');
	// A number is shown as it is, for the ID check to name it.
	const text =
		typeof value === 'number'
			? String(value)
			: new TypedParameters(ctx, itemIndex).text(field, value);
	const id = (text ?? '').trim();
	const problem =
		id === ''
			? `No ${field}: the input item has none and none was entered`
			: idProblem(provider, id);
	if (problem === undefined) return id;
	throw new NodeOperationError(ctx.getNode(), problem, {
		itemIndex,
		description: `By default the node reads ${field} from the input item, as the ${SOURCES[provider]} node outputs it in Submit Only mode.`,
	});
}

/**
 * What the input item says about its task when it is the video node's Submit Only output for that very task, so
 * that the result looks as the video node's own would (model, file type, replyRef).
 */
function carriedDetails(json: IDataObject, idField: string, id: string): TaskDetails {
	if (json[idField] !== id) return {};
	const count = json.numberResults;
	return {
		numberResults: typeof count === 'number' ? count : undefined,
		model: jsonText(json.model),
		outputFormat: jsonText(json.outputFormat),
		replyRef: jsonText(json.replyRef),
	};
}

/** Runware's result count: the option when set, else the item's, else 1; a task makes at most 4. */
function numberResults(ctx: IExecuteFunctions, itemIndex: number, carried?: number): number {
	const options = ctx.getNodeParameter('runwareOptions', itemIndex, {}) as IDataObject;
	const read = new TypedParameters(ctx, itemIndex);
	const rule = { integer: true, ...API_LIMITS.numberResults };
	return (
		read.number(fieldName('Results per Task', 'numberResults'), options.numberResults, rule) ??
		read.number("The input item's numberResults", carried, rule) ??
		1
	);
}

/** Reads every item's task; items without a usable ID fail here and are not polled. */
export function readPollTasks(
	ctx: IExecuteFunctions,
	outcomes: ItemOutcomes,
	provider: PollProviderName,
): PollTask[] {
	const items = ctx.getInputData();
	const tasks: PollTask[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const taskId = readTaskId(ctx, itemIndex, provider);
			const details = carriedDetails(items[itemIndex].json, ID_FIELDS[provider], taskId);
			if (provider === 'runware') {
				details.numberResults = numberResults(ctx, itemIndex, details.numberResults);
			}
			tasks.push({ itemIndex, taskId, details });
		} catch (error) {
			outcomes.fail(itemIndex, asItemError(ctx, error));
		}
	}
	return tasks;
}
