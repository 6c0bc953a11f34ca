import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { isAmbiguous } from '../errors';
import type { ItemError, ItemOutcomes } from './outcomes';

/**
 * What an earlier try of a node run did about one item: its task was created (a retry follows it), or its create
 * ended without a clear answer (a retry does not send it again, and fails the item with the same error).
 */
export type EarlierCreate<T> = { kind: 'created'; task: T } | { kind: 'unknown'; error: ItemError };

/**
 * The tasks the tries of one node run created, by item index. With Retry On Fail n8n runs a failed node again in
 * the same process with the same execute data: WorkflowExecute pops it once per node run and hands it to every
 * try. Keyed by that object, a ledger belongs to one execution, node and run index (a node run again in a loop gets
 * a new one), and is collected with its run, so it needs no expiry and two executions never share one.
 */
const ledgers = new WeakMap<object, Map<number, EarlierCreate<unknown>>>();

export class CreatedTasks<T> {
	constructor(private readonly entries: Map<number, EarlierCreate<unknown>>) {}

	get(itemIndex: number): EarlierCreate<T> | undefined {
		return this.entries.get(itemIndex) as EarlierCreate<T> | undefined;
	}

	created(itemIndex: number, task: T): void {
		this.entries.set(itemIndex, { kind: 'created', task });
	}

	/**
	 * The item's create failed. A create whose outcome is unknown stays on record, so that no try sends it again;
	 * any other failure means nothing was created, so a retry creates the item again.
	 */
	createFailed(itemIndex: number, error: ItemError): void {
		if (isAmbiguous(error)) this.entries.set(itemIndex, { kind: 'unknown', error });
		else this.entries.delete(itemIndex);
	}

	/** The item's task failed at the provider: a retry creates a new one. */
	taskFailed(itemIndex: number): void {
		this.entries.delete(itemIndex);
	}

	/**
	 * Splits `items` into those to create and those an earlier try created, whose tasks this try follows. An item
	 * whose earlier create has an unknown outcome gets that error on `outcomes` and is in neither list.
	 */
	sort<I extends { itemIndex: number }>(
		items: readonly I[],
		outcomes: ItemOutcomes,
	): { create: I[]; follow: Array<{ item: I; task: T }> } {
		const create: I[] = [];
		const follow: Array<{ item: I; task: T }> = [];
		for (const item of items) {
			const earlier = this.get(item.itemIndex);
			if (earlier === undefined) create.push(item);
			else if (earlier.kind === 'created') follow.push({ item, task: earlier.task });
			else outcomes.fail(item.itemIndex, earlier.error);
		}
		return { create, follow };
	}
}

/** The ledger of the node run `ctx` belongs to; a webhook (resumed run) has none and gets an empty one. */
export function createdTasks<T>(ctx: IExecuteFunctions | IWebhookFunctions): CreatedTasks<T> {
	const run: object | undefined = 'getExecuteData' in ctx ? ctx.getExecuteData() : undefined;
	if (run === undefined) return new CreatedTasks<T>(new Map());
	let entries = ledgers.get(run);
	if (entries === undefined) {
		entries = new Map();
		ledgers.set(run, entries);
	}
	return new CreatedTasks<T>(entries);
}
