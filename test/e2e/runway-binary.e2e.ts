import type { IConnections, INode, INodeParameters } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { readExecution } from './support/executions';
import { useEmulator, useN8nApp } from './support/fixtures';
import { e2eState } from './support/state';

/** A 4×4 PNG, as a form upload or a Google Drive download would hand it on. */
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP438AARwzEcQB+ohfxXaFgBQAAAABJRU5ErkJggg==';
const RUNWAY_NODE = 'Animate Image';
const FAST_WAITING = { firstPollSeconds: 1, maxPollSeconds: 1, timeoutMinutes: 2 };

function useApiCredential(): INode['credentials'] {
	const credential = e2eState().credentials.find((candidate) => candidate.type === 'useApiApi');
	if (!credential) throw new Error('No useApiApi credential was provisioned');
	return { useApiApi: { id: credential.id, name: credential.name } };
}

/** Manual trigger → Set (base64) → Convert to File (binary field `data`) → Runway Video: no Upload Asset node. */
function binaryImageWorkflow(name: string, runway: INodeParameters) {
	const nodes: Array<Omit<INode, 'id'> & { id: string }> = [
		{
			id: 'e2e-trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'e2e-image',
			name: 'Sample Image',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				assignments: {
					assignments: [
						{ id: 'e2e-base64', name: 'imageBase64', value: PNG_BASE64, type: 'string' },
					],
				},
				options: {},
			},
		},
		{
			id: 'e2e-file',
			name: 'Convert to PNG',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [440, 0],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'imageBase64',
				options: { fileName: 'frame.png', mimeType: 'image/png' },
			},
		},
		{
			id: 'e2e-runway',
			name: RUNWAY_NODE,
			type: 'n8n-nodes-ai-video.runwayVideo',
			typeVersion: 1,
			position: [660, 0],
			parameters: {
				model: 'gen4-turbo',
				text_prompt: 'The scene slowly comes to life',
				imageAssetId1: 'data',
				waitingOptions: FAST_WAITING,
				...runway,
			},
			credentials: useApiCredential(),
		},
	];
	const chain = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: NodeConnectionTypes.Main, index: 0 }]] },
	});
	const connections: IConnections = {
		...chain('Start', 'Sample Image'),
		...chain('Sample Image', 'Convert to PNG'),
		...chain('Convert to PNG', RUNWAY_NODE),
	};
	return { name, nodes, connections, settings: {} };
}

async function createWorkflow(page: Page, body: object): Promise<string> {
	const response = await page.request.post('/rest/workflows', { data: body });
	if (!response.ok()) {
		throw new Error(
			`Creating the workflow: n8n answered ${response.status()} ${await response.text()}`,
		);
	}
	return ((await response.json()) as { data: { id: string } }).data.id;
}

/**
 * A no-code user's Runway run in a real n8n: the image comes as binary data from a previous node and goes straight
 * into Runway Video (the node uploads it), and Return As URL hands on the video's URL without downloading it.
 */
describe('Runway Video with binary inputs in a real n8n', () => {
	const app = useN8nApp();
	const emulator = useEmulator();

	beforeAll(() => {
		emulator().setKnobs({ useapi: { generationMs: 1500, callbacks: 'never' } });
	});

	it('generates from a binary image with no Upload Asset node', async () => {
		const id = await createWorkflow(
			app().page,
			binaryImageWorkflow('Runway from a binary image', {}),
		);
		const editor = await app().openWorkflow(id);
		expect(await editor.nodesWithIssues()).toEqual([]);
		const { executionId, status } = await editor.run();
		expect(status).toBe('success');

		const [upload] = emulator().requestsTo('useapi.assets.upload');
		expect(upload.query.name).toBe('frame.png');
		expect(upload.headers['content-type']).toBe('image/png');
		const [create] = emulator().requestsTo('useapi.create');
		const sent = create.body?.kind === 'json' ? (create.body.value as Record<string, unknown>) : {};
		expect(sent.imageAssetId1).toEqual(expect.stringMatching(/^user:\d+-runwayml:.+-asset:/));

		const [video] = (await readExecution(app().page, executionId)).output(RUNWAY_NODE);
		expect(video.json).toMatchObject({ status: 'SUCCEEDED', model: 'gen4-turbo' });
		const details = await editor.openNode(RUNWAY_NODE);
		const files = await details.outputBinaries();
		await app().screenshot('runway-binary-image-no-upload-node');
		expect(files).toEqual([
			{ field: 'data', fileName: expect.stringMatching(/\.mp4$/), mimeType: 'video/mp4' },
		]);
		await details.close();
	});

	it('Return As URL outputs the video URL and downloads nothing', async () => {
		const downloadsBefore = emulator().requestsTo('files').length;
		const id = await createWorkflow(
			app().page,
			binaryImageWorkflow('Runway, Return As URL', { returnAs: 'url' }),
		);
		const editor = await app().openWorkflow(id);
		const { executionId, status } = await editor.run();
		expect(status).toBe('success');

		const [video] = (await readExecution(app().page, executionId)).output(RUNWAY_NODE);
		expect(video.binary).toBeUndefined();
		expect(video.json.videoURL).toEqual(expect.stringContaining(emulator().url));
		expect(emulator().requestsTo('files')).toHaveLength(downloadsBefore);

		const details = await editor.openNode(RUNWAY_NODE);
		expect(await details.parameterValue('returnAs')).toBe('URL');
		const output = (await details.outputJson()) as Array<Record<string, unknown>>;
		await details.parameter('returnAs').scrollIntoViewIfNeeded();
		await app().screenshot('runway-return-as-url');
		expect(output).toEqual([expect.objectContaining({ videoURL: video.json.videoURL })]);
		await details.close();
	});
});
