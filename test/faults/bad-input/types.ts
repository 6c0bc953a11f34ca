import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

/** One bad input: it must fail its item before any request, naming the field and what is allowed. */
export interface BadInput {
	title: string;
	/** Merged over the node's valid parameters. */
	parameters?: INodeParameters;
	/** The input item (default: the node's valid item). */
	item?: INodeExecutionData;
	/** How the message names the field. */
	field: string;
	/** What is allowed, as the message (or, for a long list, its description) says it. */
	allowed: RegExp;
}

/** A node under the bad-input suite: its valid run, and the bad inputs that break it. */
export interface BadInputTable {
	node: 'runwareVideo' | 'runwayVideo' | 'pollTask' | 'uploadAsset';
	name: string;
	credentials: string[];
	parameters: INodeParameters;
	item: INodeExecutionData;
	cases: BadInput[];
}

/** An input item with one file (inline, as a start node gives it) in binary property `property`. */
export function fileItem(
	bytes: number,
	mimeType: string,
	fileName: string,
	property = 'data',
	json: IDataObject = {},
): INodeExecutionData {
	const data = Buffer.alloc(bytes, 7);
	return { json, binary: { [property]: { data: data.toString('base64'), mimeType, fileName } } };
}
