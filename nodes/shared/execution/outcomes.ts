import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

export type ItemError = NodeApiError | NodeOperationError;

type Outcome = { outputs: INodeExecutionData[] } | { error: ItemError; details: IDataObject };

/** Keeps n8n errors as they are and wraps anything else, so every item error carries the node. */
export function asItemError(ctx: IExecuteFunctions | IWebhookFunctions, error: unknown): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error));
}

/** A shallow copy of an error (message, stack and description included) with a context of its own. */
function copyError<E extends ItemError>(error: E): E {
	const copy = Object.create(
		Object.getPrototypeOf(error) as object,
		Object.getOwnPropertyDescriptors(error),
	) as E;
	copy.context = { ...error.context };
	return copy;
}

/** True when the node's settings turn failures into error items (Continue / Continue using error output). */
export function continuesOnFail(ctx: IExecuteFunctions | IWebhookFunctions): boolean {
	if ('continueOnFail' in ctx) return ctx.continueOnFail();
	const node = ctx.getNode();
	return (
		node.continueOnFail === true || (node.onError !== undefined && node.onError !== 'stopWorkflow')
	);
}

/**
 * Collects one outcome per input item (one or more outputs, or an error) and turns them into the node's output in
 * input order, every output paired to its input item. Nothing is dropped: an item without an outcome is a bug.
 */
export class ItemOutcomes {
	private readonly outcomes: Array<Outcome | undefined>;

	constructor(
		private readonly ctx: IExecuteFunctions | IWebhookFunctions,
		itemCount: number,
	) {
		this.outcomes = new Array<Outcome | undefined>(itemCount).fill(undefined);
	}

	get itemCount(): number {
		return this.outcomes.length;
	}

	succeed(itemIndex: number, outputs: INodeExecutionData[]): void {
		this.outcomes[itemIndex] = {
			outputs: outputs.map((output) => ({ ...output, pairedItem: { item: itemIndex } })),
		};
	}

	/**
	 * Records an item's error with the item's index on it. One error object may be shared by several items (a failed
	 * request of many tasks): each further item gets a copy, so the error always names the item it is thrown for.
	 */
	fail(itemIndex: number, error: ItemError, details: IDataObject = {}): void {
		const own = error.context.itemIndex === undefined || error.context.itemIndex === itemIndex;
		const itemError = own ? error : copyError(error);
		itemError.context.itemIndex = itemIndex;
		this.outcomes[itemIndex] = { error: itemError, details };
	}

	isOpen(itemIndex: number): boolean {
		return this.outcomes[itemIndex] === undefined;
	}

	/** Indices of items that have no outcome yet (still to be sent or waited for). */
	openItems(): number[] {
		return this.outcomes.flatMap((outcome, index) => (outcome === undefined ? [index] : []));
	}

	private firstError(): ItemError | undefined {
		for (const outcome of this.outcomes) if (outcome && 'error' in outcome) return outcome.error;
		return undefined;
	}

	/** Throws the first item error unless the node continues on fail: called before any paid request is sent. */
	throwUnlessContinuing(): void {
		const error = this.firstError();
		if (error && !continuesOnFail(this.ctx)) throw error;
	}

	/** The node output. Without continue-on-fail the first failed item's error is thrown instead. */
	toOutput(): INodeExecutionData[] {
		this.throwUnlessContinuing();
		return this.outcomes.flatMap((outcome, itemIndex) => {
			if (outcome === undefined) {
				throw new NodeOperationError(
					this.ctx.getNode(),
					`Internal error: item ${itemIndex} has no result`,
				);
			}
			if ('outputs' in outcome) return outcome.outputs;
			const { error, details } = outcome;
			return [
				{
					json: {
						error: error.message,
						...(error.description ? { description: error.description } : {}),
						...details,
					},
					pairedItem: { item: itemIndex },
				},
			];
		});
	}
}
