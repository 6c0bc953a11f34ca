/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	createHarness,
	node,
	startNode,
	workflow,
	type Harness,
	type ResumeHandle,
	type RunResult,
} from '../../harness';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server';
import { credentialTypes, PROBE_TYPE, ProbeNode } from './probe-node';

const WAITER_TYPE = 'test.waiter';
const WAITER_ID = 'a5e3c1f0-0000-4000-8000-000000000001';
const VIDEO_URL = 'https://cdn.example.test/video.mp4';

/**
 * Test-only node shaped like a provider callback: submits a job with `$execution.resumeUrl/$nodeId`
 * as callback URL and waits; its webhook ignores non-final callbacks and re-fetches the task.
 */
// A restart webhook lives only while its execution waits: nothing to register with a service.
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool, @n8n/community-nodes/webhook-lifecycle-complete -- test-only node
class WaiterNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Waiter',
		name: WAITER_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Waits for a provider callback',
		defaults: { name: 'Waiter' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'runwareApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
		],
		properties: [{ displayName: 'Call Back', name: 'callBack', type: 'boolean', default: true }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resumeUrl = this.evaluateExpression('{{ $execution.resumeUrl }}', 0) as string;
		const nodeId = this.evaluateExpression('{{ $nodeId }}', 0) as string;
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('runwareApi');
		await this.helpers.httpRequestWithAuthentication.call(this, 'runwareApi', {
			method: 'POST',
			url: `${baseUrl}/jobs`,
			body: {
				webhookURL: `${resumeUrl}/${nodeId}`,
				callBack: this.getNodeParameter('callBack', 0),
			},
			json: true,
		});
		await this.putExecutionToWait(new Date(Date.now() + 60_000));
		return [this.getInputData()];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData();
		if (body.status !== 'success') return { webhookResponse: { ignored: body.status } };

		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('runwareApi');
		const task = (await this.helpers.httpRequestWithAuthentication.call(this, 'runwareApi', {
			url: `${baseUrl}/jobs/${String(body.taskId)}`,
			json: true,
		})) as IDataObject;
		return { workflowData: [[{ json: task }]] };
	}
}

interface CallbackReply {
	status: number;
	body: unknown;
}

/** Posts to the callback URL like a provider does, retrying while the execution is still running. */
async function callBack(url: string, body: IDataObject): Promise<CallbackReply> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (response.status !== 409 || attempt === 50) {
			return { status: response.status, body: (await response.json()) as unknown };
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('harness waiting executions', () => {
	let server: LoopbackServer;
	let harness: Harness;
	let origin: string;
	const callbackReplies: CallbackReply[] = [];

	beforeAll(async () => {
		server = await startLoopbackServer(async (request, response) => {
			if (request.method === 'POST' && request.path === '/jobs') {
				const job = JSON.parse(request.body) as { webhookURL: string; callBack: boolean };
				sendJson(response, 200, { taskId: 't1' });
				if (job.callBack) {
					callbackReplies.push(
						await callBack(job.webhookURL, { taskId: 't1', status: 'processing' }),
					);
					callbackReplies.push(await callBack(job.webhookURL, { taskId: 't1', status: 'success' }));
				}
				return;
			}
			if (request.path === '/jobs/t1') {
				return sendJson(response, 200, { taskId: 't1', status: 'success', videoURL: VIDEO_URL });
			}
			sendJson(response, 200, { received: JSON.parse(request.body) as unknown });
		});
		harness = await createHarness({
			nodeTypes: { [WAITER_TYPE]: new WaiterNode(), [PROBE_TYPE]: new ProbeNode() },
			credentialTypes,
			credentials: { runwareApi: { apiKey: 'rw-key', baseUrl: server.url } },
		});
		origin = await harness.listenForResume();
	});

	afterAll(async () => {
		await harness.close();
		await server.close();
	});

	const waitThenProbe = (callBackFromServer: boolean) =>
		workflow([
			startNode(),
			node(
				'Wait For Video',
				WAITER_TYPE,
				{ callBack: callBackFromServer },
				{
					id: WAITER_ID,
					credentials: ['runwareApi'],
				},
			),
			node(
				'Probe',
				PROBE_TYPE,
				{ path: '/after', payload: '={{ $json.videoURL }}' },
				{
					credentials: ['runwareApi'],
				},
			),
		]);

	function expectWaiting(result: RunResult): ResumeHandle {
		expect(result.status).toBe('waiting');
		expect(result.waitTill).toBeInstanceOf(Date);
		expect(result.resume?.nodeName).toBe('Wait For Video');
		expect(result.runData.Probe).toBeUndefined();
		return result.resume as ResumeHandle;
	}

	it('is resumed by a provider POSTing to the resume URL, then runs the downstream node', async () => {
		const waiting = await harness.runWorkflow(waitThenProbe(true));
		const handle = expectWaiting(waiting);
		expect(harness.resumeUrl(handle)).toMatch(
			new RegExp(`^${origin}/webhook-waiting/${waiting.executionId}\\?signature=\\w+$`),
		);

		const resumed = await harness.awaitResumedRun(handle);

		expect(callbackReplies).toEqual([
			{ status: 200, body: { ignored: 'processing' } },
			{ status: 200, body: { message: 'Workflow was started' } },
		]);
		expect(resumed.status).toBe('success');
		expect(resumed.executionId).toBe(waiting.executionId);
		expect(resumed.output('Wait For Video').map((item) => item.json)).toEqual([
			{ taskId: 't1', status: 'success', videoURL: VIDEO_URL },
		]);
		expect(resumed.runData['Wait For Video']).toHaveLength(1);
		expect(resumed.output('Probe').map((item) => item.json)).toEqual([
			{ received: { payload: VIDEO_URL } },
		]);
		const refetch = server.requests.find((request) => request.path === '/jobs/t1');
		expect(refetch?.headers.authorization).toBe('Bearer rw-key');
	});

	it('refuses a wrong signature, stays waiting without workflowData, resumes with it', async () => {
		const waiting = await harness.runWorkflow(waitThenProbe(false));
		const handle = expectWaiting(waiting);
		const callbackUrl = `${harness.resumeUrl(handle)}/${WAITER_ID}`;

		const forged = await harness.resumeWithWebhook(handle, {
			url: callbackUrl.replace(/signature=\w+/, 'signature=forged'),
			body: { taskId: 't1', status: 'success' },
		});
		expect(forged.reply).toEqual({ statusCode: 401, body: { error: 'Invalid token' } });
		expect(forged.result.status).toBe('waiting');

		const early = await harness.resumeWithWebhook(handle, {
			url: callbackUrl,
			body: { taskId: 't1', status: 'processing' },
		});
		expect(early.reply).toEqual({ statusCode: 200, body: { ignored: 'processing' } });
		expect(early.result.status).toBe('waiting');

		const final = await harness.resumeWithWebhook(handle, {
			url: callbackUrl,
			body: { taskId: 't1', status: 'success' },
		});
		expect(final.reply).toEqual({ statusCode: 200, body: { message: 'Workflow was started' } });
		expect(final.result.status).toBe('success');
		expect(final.result.output('Probe')[0].json).toEqual({ received: { payload: VIDEO_URL } });

		const late = await harness.resumeWithWebhook(handle, {
			url: callbackUrl,
			body: { taskId: 't1', status: 'success' },
		});
		expect(late.reply.statusCode).toBe(409);
	});

	it('answers 500 to a call that lost the resume to a simultaneous one, then 409, as n8n does', async () => {
		const handle = expectWaiting(await harness.runWorkflow(waitThenProbe(false)));
		const callbackUrl = `${harness.resumeUrl(handle)}/${WAITER_ID}`;
		const success = { url: callbackUrl, body: { taskId: 't1', status: 'success' } };

		// Both calls run the node's webhook() (it re-fetches the task) before either claims the execution.
		const together = await Promise.all([
			harness.resumeWithWebhook(handle, success),
			harness.resumeWithWebhook(handle, success),
		]);
		const [winner, loser] = [...together].sort((a, b) => a.reply.statusCode - b.reply.statusCode);
		expect(winner.reply).toEqual({ statusCode: 200, body: { message: 'Workflow was started' } });
		expect(loser.reply).toEqual({
			statusCode: 500,
			body: { code: 500, message: 'Execution is already being resumed by another process' },
		});
		expect(winner.result.status).toBe('success');
		expect(winner.result.output('Probe')).toHaveLength(1);

		const late = await harness.resumeWithWebhook(handle, success);
		expect(late.reply.statusCode).toBe(409);
	});

	it('answers 404 for a webhook path the waiting node does not declare', async () => {
		const waiting = await harness.runWorkflow(waitThenProbe(false));
		const handle = expectWaiting(waiting);

		const outcome = await harness.resumeWithWebhook(handle, {
			url: `${harness.resumeUrl(handle)}/another-node`,
			body: { taskId: 't1', status: 'success' },
		});

		expect(outcome.reply.statusCode).toBe(404);
		expect(outcome.result.status).toBe('waiting');
	});
});
