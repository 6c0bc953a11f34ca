import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderName } from '../descriptions/provider';

/** An operation of a node that serves both providers, run for the provider the node's parameter names. */
export type ProviderOperation = (
	this: IExecuteFunctions,
	provider: ProviderName,
) => Promise<INodeExecutionData[][]>;

/** The `execute` of such a node: runs the operation and provider its `operation` and `provider` parameters name. */
export function providerRouter<Operation extends string>(
	operations: Record<Operation, ProviderOperation>,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function router(this: IExecuteFunctions) {
		const provider = this.getNodeParameter('provider', 0) as ProviderName;
		const operation = this.getNodeParameter('operation', 0) as Operation;
		return await operations[operation].call(this, provider);
	};
}
