/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createHarness, node, startNode, workflow, type Harness } from '../../harness';
import { startLoopbackServer, type LoopbackServer } from './loopback-server';

const DOWNLOAD_TYPE = 'test.download';
const video = randomBytes(3 * 1024 * 1024 + 17);

function sha256(data: Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Test-only node: streams `url` into binary data, then reads it back the way uploads do. */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- test-only node
class DownloadNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Download',
		name: DOWNLOAD_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Streams a file into binary data',
		defaults: { name: 'Download' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const stream = (await this.helpers.httpRequest({
			url: this.getNodeParameter('url', 0) as string,
			encoding: 'stream',
		})) as Readable;
		const binary = await this.helpers.prepareBinaryData(stream, 'clip.mp4', 'video/mp4');
		const readBack = binary.id
			? await streamToBuffer(await this.helpers.getBinaryStream(binary.id, 256 * 1024))
			: Buffer.from(binary.data, 'base64');
		return [[{ json: { sha256: sha256(readBack) }, binary: { data: binary } }]];
	}
}

async function filesUnder(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}

describe('harness binary data', () => {
	let server: LoopbackServer;

	beforeAll(async () => {
		server = await startLoopbackServer((_request, response) => {
			response.writeHead(200, { 'content-type': 'video/mp4' });
			response.end(video);
		});
	});

	afterAll(async () => await server.close());

	const downloadWorkflow = () =>
		workflow([startNode(), node('Download', DOWNLOAD_TYPE, { url: `${server.url}/video.mp4` })]);

	describe("in 'filesystem' mode", () => {
		let harness: Harness;

		beforeAll(async () => {
			harness = await createHarness({
				nodeTypes: { [DOWNLOAD_TYPE]: new DownloadNode() },
				binaryMode: 'filesystem',
			});
		});

		afterAll(async () => await harness.close());

		it('streams prepareBinaryData to disk and reads it back with getBinaryStream', async () => {
			const result = await harness.runWorkflow(downloadWorkflow());

			expect(result.status).toBe('success');
			const [item] = result.output('Download');
			const binary = item.binary?.data;
			expect(binary?.id).toMatch(/^filesystem-v2:/);
			expect(binary?.data).toBe('filesystem-v2');
			expect(binary?.bytes).toBe(video.length);
			expect(item.json.sha256).toBe(sha256(video));

			const storagePath = harness.binaryStoragePath ?? '';
			const files = await filesUnder(storagePath);
			expect(files.length).toBeGreaterThan(0);
		});

		it('removes its storage folder on close', async () => {
			const storagePath = harness.binaryStoragePath ?? '';
			await harness.close();
			await expect(readdir(storagePath)).rejects.toThrow();
		});
	});

	describe("in 'default' mode", () => {
		it('keeps binary data inline as n8n-core does without a storage manager', async () => {
			const harness = await createHarness({ nodeTypes: { [DOWNLOAD_TYPE]: new DownloadNode() } });
			try {
				const result = await harness.runWorkflow(downloadWorkflow());

				const [item] = result.output('Download');
				expect(item.binary?.data.id).toBeUndefined();
				expect(Buffer.from(item.binary?.data.data ?? '', 'base64').equals(video)).toBe(true);
				expect(item.json.sha256).toBe(sha256(video));
			} finally {
				await harness.close();
			}
		});
	});
});
