import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';

export const REFERENCE_TYPE = 'bench.referenceVideo';

type Provider = 'runware' | 'runway';

interface Job {
	submit(): Promise<IDataObject | 'busy'>;
	/** The finished video's URL, undefined while it runs; throws when it failed. */
	check(job: IDataObject): Promise<string | undefined>;
}

/**
 * The naive client the bench compares against, written the way typical community video nodes are: one item after
 * the other, a check every few seconds at a fixed pace, and the finished video downloaded whole into memory before
 * it is handed to n8n.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool, @n8n/community-nodes/icon-validation -- a bench fixture, never shown in an editor
export class ReferenceVideo implements INodeType {
	// eslint-disable-next-line @n8n/community-nodes/require-node-description-fields -- a bench fixture, never shown in an editor
	description: INodeTypeDescription = {
		displayName: 'Reference Video',
		name: REFERENCE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Naive video client for the benchmarks',
		defaults: { name: 'Reference Video' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'runwareApi', required: true, displayOptions: { show: { provider: ['runware'] } } },
			{ name: 'useApiApi', required: true, displayOptions: { show: { provider: ['runway'] } } },
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				default: 'runware',
				options: [
					{ name: 'Runware', value: 'runware' },
					{ name: 'Runway', value: 'runway' },
				],
			},
			{ displayName: 'Model', name: 'model', type: 'string', default: '' },
			{ displayName: 'Prompt', name: 'prompt', type: 'string', default: '' },
			{ displayName: 'Duration (Seconds)', name: 'duration', type: 'number', default: 4 },
			{ displayName: 'Poll Every (Seconds)', name: 'pollSeconds', type: 'number', default: 10 },
			{ displayName: 'Download', name: 'download', type: 'boolean', default: false },
		],
	};

	/** Option loaders as naive nodes write them: ask the API on every call. */
	methods = {
		loadOptions: {
			async getDurations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const { schemaBaseUrl } = await this.getCredentials<{ schemaBaseUrl: string }>(
					'runwareApi',
				);
				const air = this.getNodeParameter('model', '') as string;
				// eslint-disable-next-line @n8n/community-nodes/no-http-request-with-manual-auth -- the schema service takes no credentials
				const schema = (await this.helpers.httpRequest({
					url: `${schemaBaseUrl}/resolve/${air}`,
					json: true,
				})) as { requestSchema?: { properties?: { duration?: { enum?: number[] } } } };
				const durations = schema.requestSchema?.properties?.duration?.enum ?? [];
				return durations.map((value) => ({ name: `${value} s`, value }));
			},
			async getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('useApiApi');
				const accounts = (await this.helpers.httpRequestWithAuthentication.call(this, 'useApiApi', {
					url: `${baseUrl}/v1/runwayml/accounts`,
					json: true,
				})) as IDataObject;
				return Object.keys(accounts).map((email) => ({ name: email, value: email }));
			},
			/** The floor of any loader: a fixed list, no work at all. */
			async getFixed(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return [{ name: '5 s', value: 5 }];
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const provider = this.getNodeParameter('provider', 0) as Provider;
		const pollMs = (this.getNodeParameter('pollSeconds', 0) as number) * 1000;
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const jobs =
				provider === 'runware' ? runwareJob(this, itemIndex) : runwayJob(this, itemIndex);
			let job = await jobs.submit();
			while (job === 'busy') {
				await sleep(pollMs);
				job = await jobs.submit();
			}
			let url: string | undefined;
			while (url === undefined) {
				await sleep(pollMs);
				url = await jobs.check(job);
			}
			const item: INodeExecutionData = { json: { ...job, url }, pairedItem: { item: itemIndex } };
			if (this.getNodeParameter('download', itemIndex) as boolean) {
				const video = (await this.helpers.httpRequest({
					url,
					encoding: 'arraybuffer',
				})) as Buffer;
				item.binary = {
					data: await this.helpers.prepareBinaryData(Buffer.from(video), 'video.mp4'),
				};
			}
			output.push(item);
		}
		return [output];
	}
}

function runwareJob(ctx: IExecuteFunctions, itemIndex: number): Job {
	const post = async (task: IDataObject) => {
		const { baseUrl } = await ctx.getCredentials<{ baseUrl: string }>('runwareApi');
		return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'runwareApi', {
			method: 'POST',
			url: baseUrl,
			body: [task],
			json: true,
		})) as { data?: IDataObject[]; errors?: IDataObject[] };
	};
	return {
		async submit() {
			const taskUUID = randomUUID();
			await post({
				taskType: 'videoInference',
				taskUUID,
				deliveryMethod: 'async',
				model: ctx.getNodeParameter('model', itemIndex),
				positivePrompt: ctx.getNodeParameter('prompt', itemIndex),
				duration: ctx.getNodeParameter('duration', itemIndex),
			});
			return { taskUUID };
		},
		async check(job) {
			const answer = await post({ taskType: 'getResponse', taskUUID: job.taskUUID });
			const [result] = answer.data ?? [];
			if (answer.errors?.length || result?.status === 'error') {
				throw new NodeOperationError(ctx.getNode(), `Task ${String(job.taskUUID)} failed`);
			}
			return result?.status === 'success' ? String(result.videoURL) : undefined;
		},
	};
}

function runwayJob(ctx: IExecuteFunctions, itemIndex: number): Job {
	const send = async (method: 'GET' | 'POST', path: string, body?: IDataObject) => {
		const { baseUrl } = await ctx.getCredentials<{ baseUrl: string }>('useApiApi');
		return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'useApiApi', {
			method,
			url: `${baseUrl}${path}`,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: IDataObject };
	};
	return {
		async submit() {
			const answer = await send('POST', '/v1/runwayml/videos/create', {
				model: ctx.getNodeParameter('model', itemIndex) as string,
				text_prompt: ctx.getNodeParameter('prompt', itemIndex) as string,
			});
			if (answer.statusCode === 429) return 'busy';
			return { taskId: (answer.body.task as IDataObject).taskId };
		},
		async check(job) {
			const { body: task } = await send('GET', `/v1/runwayml/tasks/${String(job.taskId)}`);
			if (task.status === 'FAILED') {
				throw new NodeOperationError(ctx.getNode(), `Task ${String(job.taskId)} failed`);
			}
			const [artifact] = (task.artifacts ?? []) as IDataObject[];
			return task.status === 'SUCCEEDED' ? String(artifact.url) : undefined;
		},
	};
}
