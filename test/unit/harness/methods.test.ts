import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { createHarness, type Harness } from '../../harness';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server';
import { credentialTypes, PROBE_TYPE, ProbeNode } from './probe-node';

const GOOD_KEY = 'rw-good-key';
const VERSIONED_TYPE = 'test.versionedProbe';

class ProbeNodeV2 extends ProbeNode {
	description: INodeTypeDescription = { ...new ProbeNode().description, version: 2 };

	methods = {
		...new ProbeNode().methods,
		loadOptions: {
			getModels: async (): Promise<INodePropertyOptions[]> => [{ name: 'From v2', value: 'v2' }],
		},
	};
}

const versionedProbe = new VersionedNodeType(
	{ 1: new ProbeNode(), 2: new ProbeNodeV2() },
	{
		displayName: 'Versioned Probe',
		name: VERSIONED_TYPE,
		group: ['transform'],
		description: 'Probe in two versions',
		defaultVersion: 2,
	},
);

describe('harness node methods and credential tests', () => {
	let server: LoopbackServer;
	let harness: Harness;

	beforeAll(async () => {
		server = await startLoopbackServer((request, response) => {
			if (request.headers.authorization !== `Bearer ${GOOD_KEY}`) {
				return sendJson(response, 401, { errors: [{ code: 'invalidApiKey' }] });
			}
			if (request.path === '/models') {
				return sendJson(response, 200, [
					{ air: 'klingai:5@3', name: 'Kling 2.1' },
					{ air: 'google:3@1', name: 'Veo 3' },
				]);
			}
			sendJson(response, 200, { data: [{ taskType: 'ping', pong: true }] });
		});
		harness = await createHarness({
			nodeTypes: { [PROBE_TYPE]: new ProbeNode(), [VERSIONED_TYPE]: versionedProbe },
			credentialTypes,
			credentials: { runwareApi: { apiKey: GOOD_KEY, baseUrl: server.url } },
		});
	});

	afterAll(async () => {
		await harness.close();
		await server.close();
	});

	it('runs a loadOptions method on a real LoadOptionsContext with the credential', async () => {
		const options = await harness.loadOptions({
			nodeType: PROBE_TYPE,
			methodName: 'getModels',
			parameters: { path: '/tasks' },
			credentials: ['runwareApi'],
			path: 'parameters.model',
		});

		expect(options).toEqual([
			{ name: 'Kling 2.1', value: 'klingai:5@3' },
			{ name: 'Veo 3', value: 'google:3@1' },
		]);
		expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
	});

	it("uses a versioned node type's default version unless told otherwise", async () => {
		const request = {
			nodeType: VERSIONED_TYPE,
			methodName: 'getModels',
			credentials: ['runwareApi'],
		};

		expect(await harness.loadOptions(request)).toEqual([{ name: 'From v2', value: 'v2' }]);
		expect(await harness.loadOptions({ ...request, typeVersion: 1 })).toHaveLength(2);
	});

	it('runs a listSearch method with its filter', async () => {
		const found = await harness.listSearch({
			nodeType: PROBE_TYPE,
			methodName: 'searchModels',
			credentials: ['runwareApi'],
			filter: 'Veo',
		});

		expect(found.results).toEqual([{ name: 'Veo 3', value: 'google:3@1' }]);
	});

	it('reports OK for a credential whose test request succeeds', async () => {
		const result = await harness.testCredential('runwareApi', {
			apiKey: GOOD_KEY,
			baseUrl: server.url,
		});

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const ping = server.requests.at(-1);
		expect(ping?.method).toBe('POST');
		expect(JSON.parse(ping?.body ?? '')).toEqual([{ taskType: 'ping', ping: true }]);
	});

	it("reports Error with the credential's 401 rule message when the test request gets a 401", async () => {
		const result = await harness.testCredential('runwareApi', {
			apiKey: 'rw-wrong-key',
			baseUrl: server.url,
		});

		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^Runware rejected the API key: check the API Key field/),
		});
		expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer rw-wrong-key');
	});

	it('sends the GET test request of useApiApi', async () => {
		const result = await harness.testCredential('useApiApi', {
			apiToken: 'user:1-wrong',
			baseUrl: server.url,
		});

		expect(result.status).toBe('Error');
		const request = server.requests.at(-1);
		expect(request?.method).toBe('GET');
		expect(request?.path).toBe('/v2/account');
	});
});
