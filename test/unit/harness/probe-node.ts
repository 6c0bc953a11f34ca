import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RunwareApi } from '../../../credentials/RunwareApi.credentials';
import { UseApiApi } from '../../../credentials/UseApiApi.credentials';

export const PROBE_TYPE = 'test.probe';

export const credentialTypes = [new RunwareApi(), new UseApiApi()];

interface Model {
	air: string;
	name: string;
}

async function fetchModels(context: ILoadOptionsFunctions): Promise<Model[]> {
	const { baseUrl } = await context.getCredentials<{ baseUrl: string }>('runwareApi');
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'runwareApi', {
		url: `${baseUrl}/models`,
		json: true,
	})) as Model[];
}

/** Test-only node: POSTs `{ payload }` to `<credential baseUrl><path>` with the Runware credential. */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- test-only node
export class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: PROBE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Sends one authenticated request per item',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'runwareApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/tasks' },
			{ displayName: 'Payload', name: 'payload', type: 'string', default: '' },
			{
				displayName: 'Model',
				name: 'model',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getModels' },
				default: '',
			},
		],
	};

	methods = {
		loadOptions: {
			async getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const models = await fetchModels(this);
				return models.map((model) => ({ name: model.name, value: model.air }));
			},
		},
		listSearch: {
			async searchModels(
				this: ILoadOptionsFunctions,
				filter?: string,
			): Promise<INodeListSearchResult> {
				const models = await fetchModels(this);
				const matching = models.filter((model) => !filter || model.name.includes(filter));
				return { results: matching.map((model) => ({ name: model.name, value: model.air })) };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('runwareApi');
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'runwareApi',
					{
						method: 'POST',
						url: `${baseUrl}${this.getNodeParameter('path', itemIndex) as string}`,
						body: { payload: this.getNodeParameter('payload', itemIndex) },
						json: true,
					},
				)) as IDataObject;
				output.push({ json: response, pairedItem: { item: itemIndex } });
			} catch (error) {
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- already a NodeApiError
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
