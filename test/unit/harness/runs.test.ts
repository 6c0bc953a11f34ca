/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createHarness, node, startNode, workflow, type Harness } from '../../harness';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server';
import { credentialTypes, PROBE_TYPE, ProbeNode } from './probe-node';

const RUNWARE_CREDENTIAL_VALUE = 'rw-test-value-123';
const HANG_TYPE = 'test.hang';

/** What the hanging node saw of n8n's cancellation. */
const cancellation = {
	signal: undefined as AbortSignal | undefined,
	handlerCalled: false,
	requestClosed: false,
};

/** Test-only node: one authenticated request to `/hang`, which the server never answers. */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- test-only node
class HangNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hang',
		name: HANG_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Waits for an answer that never comes',
		defaults: { name: 'Hang' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'runwareApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		cancellation.signal = this.getExecutionCancelSignal();
		this.onExecutionCancellation(() => {
			cancellation.handlerCalled = true;
		});
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('runwareApi');
		await this.helpers.httpRequestWithAuthentication.call(this, 'runwareApi', {
			url: `${baseUrl}/hang`,
		});
		return [this.getInputData()];
	}
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('Condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('harness runs real workflows', () => {
	let server: LoopbackServer;
	let harness: Harness;

	beforeAll(async () => {
		server = await startLoopbackServer((request, response) => {
			if (request.path === '/hang') {
				response.on('close', () => {
					cancellation.requestClosed = true;
				});
				return;
			}
			if (request.path === '/fail') return sendJson(response, 500, { error: 'boom' });
			if (request.path === '/unauthorized') return sendJson(response, 401, { error: 'no' });
			sendJson(response, 200, { received: JSON.parse(request.body) as unknown });
		});
		harness = await createHarness({
			nodeTypes: { [PROBE_TYPE]: new ProbeNode(), [HANG_TYPE]: new HangNode() },
			credentialTypes,
			credentials: { runwareApi: { apiKey: RUNWARE_CREDENTIAL_VALUE, baseUrl: server.url } },
		});
	});

	afterAll(async () => {
		await harness.close();
		await server.close();
	});

	beforeEach(() => {
		server.requests.length = 0;
	});

	it('sends the Bearer header resolved from the credential and resolves expressions', async () => {
		const result = await harness.runWorkflow(
			workflow([
				startNode([{ json: { prompt: 'a cat' } }, { json: { prompt: 'a dog' } }]),
				node(
					'Probe',
					PROBE_TYPE,
					{ payload: '={{ $json.prompt.toUpperCase() }}' },
					{
						credentials: ['runwareApi'],
					},
				),
			]),
		);

		expect(result.status).toBe('success');
		expect(server.requests.map((request) => request.headers.authorization)).toEqual([
			`Bearer ${RUNWARE_CREDENTIAL_VALUE}`,
			`Bearer ${RUNWARE_CREDENTIAL_VALUE}`,
		]);
		expect(result.output('Probe').map((item) => item.json)).toEqual([
			{ received: { payload: 'A CAT' } },
			{ received: { payload: 'A DOG' } },
		]);
	});

	it('turns a failed request into an error item with onError continueRegularOutput', async () => {
		const result = await harness.runWorkflow(
			workflow([
				startNode(),
				node(
					'Probe',
					PROBE_TYPE,
					{ path: '/fail' },
					{
						credentials: ['runwareApi'],
						onError: 'continueRegularOutput',
					},
				),
			]),
		);

		expect(result.status).toBe('success');
		const [item] = result.output('Probe');
		expect(item.json.error).toBe('The service was not able to process your request');
	});

	it('routes error items to the error output with onError continueErrorOutput', async () => {
		const result = await harness.runWorkflow(
			workflow([
				startNode([{ json: { n: 1 } }]),
				node(
					'Probe',
					PROBE_TYPE,
					{ path: '/fail' },
					{
						credentials: ['runwareApi'],
						onError: 'continueErrorOutput',
					},
				),
			]),
		);

		expect(result.status).toBe('success');
		expect(result.output('Probe', 0)).toEqual([]);
		expect(result.output('Probe', 1)).toHaveLength(1);
		expect(result.output('Probe', 1)[0].json.error).toBeDefined();
	});

	it("fails the execution with n8n's NodeApiError on a 401, after its one retry", async () => {
		const result = await harness.runWorkflow(
			workflow([
				startNode(),
				node('Probe', PROBE_TYPE, { path: '/unauthorized' }, { credentials: ['runwareApi'] }),
			]),
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Authorization failed - please check your credentials');
		expect(server.requests.filter((request) => request.path === '/unauthorized')).toHaveLength(2);
		expect(JSON.stringify(result.run)).not.toContain(RUNWARE_CREDENTIAL_VALUE);
	});

	it("cancels a running execution so the node's cancel signal fires", async () => {
		const result = await harness.runWorkflow({
			...workflow([startNode(), node('Hang', HANG_TYPE, {}, { credentials: ['runwareApi'] })]),
			cancelAfterMs: 300,
		});

		expect(result.status).toBe('canceled');
		expect(cancellation.signal?.aborted).toBe(true);
		expect(cancellation.handlerCalled).toBe(true);
		await eventually(() => cancellation.requestClosed);
	});
});
