import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PollOperation, PollProviderName } from '../description';
import * as check from './check.operation';
import * as wait from './wait.operation';

const operations: Record<
	PollOperation,
	(this: IExecuteFunctions, provider: PollProviderName) => Promise<INodeExecutionData[][]>
> = {
	wait: wait.execute,
	check: check.execute,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const provider = this.getNodeParameter('provider', 0) as PollProviderName;
	const operation = this.getNodeParameter('operation', 0) as PollOperation;
	return await operations[operation].call(this, provider);
}
