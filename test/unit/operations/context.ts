import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

export const NODE: INode = {
	id: 'node-id',
	name: 'Node',
	type: 'n8n-nodes-ai-video.pollTask',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** One input item: its JSON and files, and its node parameters as n8n resolves them for that item. */
export interface ItemSpec {
	json?: IDataObject;
	binary?: IBinaryKeyData;
	parameters?: IDataObject;
}

/** A parameter by its path, as n8n resolves `options.seed` or `frameImages.frameImage`. */
function parameterAt(parameters: IDataObject | undefined, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/**
 * The part of n8n's execution context an operation's item reading asks for: the input items, each item's
 * parameters (a parameter an item does not set gives the caller's fallback, as n8n gives a default), the node,
 * and Continue On Fail.
 */
export function executeContext(items: ItemSpec[], continueOnFail = false): IExecuteFunctions {
	return {
		getNode: () => NODE,
		getInputData: () => items.map((item) => ({ json: item.json ?? {}, binary: item.binary })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			parameterAt(items[itemIndex]?.parameters, name) ?? fallback,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}
