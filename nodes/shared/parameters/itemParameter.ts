import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions, INode } from 'n8n-workflow';

type Known = { variesByItem: true } | { variesByItem: false; value: unknown };

interface NodeRun {
	/** The node as configured (n8n's `getNode()` copies it on every call). */
	node: INode;
	/** Per parameter path: whether it may differ between items, and its value if it may not. */
	read: Map<string, Known>;
	/** The same for values read with `extractValue` (a resource locator's value). */
	extracted: Map<string, Known>;
}

/** Per node run (its execute context): what was learnt of its parameters. */
const nodeRuns = new WeakMap<object, NodeRun>();

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsExpression);
}

/** Whether the value at `path` (dots between names) may differ between items: an expression in it or above it. */
function variesByItem(node: INode, path: string): boolean {
	let value: unknown = node.parameters;
	for (const key of path.split('.')) {
		if (isExpression(value)) return true;
		if (typeof value !== 'object' || value === null) return false;
		value = (value as IDataObject)[key];
	}
	return holdsExpression(value);
}

/**
 * n8n's own check of a read value applies only to properties with `validateType`, resource mappers and collections
 * holding such fields: these nodes declare none (a unit test holds them to it) and check every value's exact form
 * themselves, so n8n's check would only search the node's properties again for every expression read.
 */
const SKIP_VALIDATION: IGetNodeParameterOptions = { skipValidation: true };

/** `getNodeParameter` of one item: a parameter's path, the value when it is unset, n8n's reading options. */
export type ItemParameters = (
	path: string,
	fallback: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

function nodeRun(ctx: IExecuteFunctions): NodeRun {
	let run = nodeRuns.get(ctx);
	if (!run) {
		run = { node: ctx.getNode(), read: new Map(), extracted: new Map() };
		nodeRuns.set(ctx, run);
	}
	return run;
}

/**
 * `getNodeParameter` for item `itemIndex`, read once for all items of the run where the parameter holds no
 * expression: evaluating a parameter costs n8n far more than a lookup, and a node reads a dozen for each of
 * thousands of items. The value of a fixed parameter is shared by all items, so it is never modified.
 */
export function itemParameters(ctx: IExecuteFunctions, itemIndex: number): ItemParameters {
	const run = nodeRun(ctx);
	return (path, fallback, options) => {
		const read = options?.extractValue ? run.extracted : run.read;
		let known = read.get(path);
		if (!known) {
			known = variesByItem(run.node, path)
				? { variesByItem: true }
				: {
						variesByItem: false,
						value: ctx.getNodeParameter(path, itemIndex, fallback, options),
					};
			read.set(path, known);
		}
		if (!known.variesByItem) return known.value;
		return ctx.getNodeParameter(
			path,
			itemIndex,
			fallback,
			options ? { ...options, skipValidation: true } : SKIP_VALIDATION,
		);
	};
}
