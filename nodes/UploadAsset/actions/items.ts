import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, ItemOutcomes } from '../../shared/execution/outcomes';

/**
 * Runs `run` for each input item in turn and pairs its outputs to the item. A failure stops the node at once,
 * unless it continues on fail: then the item becomes an error item and the others go on.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const outcomes = new ItemOutcomes(ctx, ctx.getInputData().length);
	for (let itemIndex = 0; itemIndex < outcomes.itemCount; itemIndex++) {
		try {
			outcomes.succeed(itemIndex, await run(itemIndex));
		} catch (error) {
			outcomes.fail(itemIndex, asItemError(ctx, error));
			outcomes.throwUnlessContinuing();
		}
	}
	return [outcomes.toOutput()];
}
