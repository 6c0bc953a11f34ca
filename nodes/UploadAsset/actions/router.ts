import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AssetOperation, AssetProviderName } from '../description';
import * as remove from './delete.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

const operations: Record<
	AssetOperation,
	(this: IExecuteFunctions, provider: AssetProviderName) => Promise<INodeExecutionData[][]>
> = {
	upload: upload.execute,
	list: list.execute,
	delete: remove.execute,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const provider = this.getNodeParameter('provider', 0) as AssetProviderName;
	const operation = this.getNodeParameter('operation', 0) as AssetOperation;
	return await operations[operation].call(this, provider);
}
