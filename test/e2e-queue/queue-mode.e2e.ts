/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { readWorkflowFile } from '../../scripts/n8n-local/examples';
import { REPO_ROOT } from '../../scripts/n8n-local/paths';
import { psqlQuery } from '../../scripts/n8n-local/postgres';
import type { EmulatorEvent } from '../emulator';
import { sampleMp4 } from '../emulator';
import type { N8nApp } from '../e2e/pages/n8n-app';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { e2eState } from '../e2e/support/state';

type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

const VIDEO_NODE = 'Generate Video';
/** The Runware example whose video node the webhook workflows reuse (model, duration, dimensions). */
const RUNWARE_EXAMPLE = 'examples/runware-text-to-video.json';

function queueState(): NonNullable<ReturnType<typeof e2eState>['queue']> {
	const { queue } = e2eState();
	if (!queue) throw new Error('No queue-mode stack: run these tests with `npm run test:e2e:queue`');
	return queue;
}

/** The log files of the processes that logged `line` (n8n's info-level scaling messages). */
function logsWith(files: readonly string[], line: string): string[] {
	return files.filter((file) => fs.readFileSync(file, 'utf8').includes(line));
}

/**
 * Main put the execution on the queue and a worker ran it; main itself ran no job of it (main logs the enqueueing,
 * only a worker logs "Worker started execution").
 */
function expectRanOnWorkers(executionId: string): void {
	const { mainLog, workerLogs } = queueState();
	const started = `Worker started execution ${executionId} (job`;
	expect(logsWith([mainLog], `Enqueued execution ${executionId} (job`)).toEqual([mainLog]);
	expect(logsWith([mainLog], started)).toEqual([]);
	expect(logsWith(workerLogs, started).length).toBeGreaterThan(0);
	expect(
		logsWith(workerLogs, `Worker finished execution ${executionId} (job`).length,
	).toBeGreaterThan(0);
}

interface StoredBinary {
	sourceType: string;
	sourceId: string;
	mimeType: string;
	fileSize: number;
	sha256: string;
}

/** Each item's video is a row of n8n's `binary_data` table, holding the bytes the emulator served. */
function expectVideosInPostgres(executionId: string, items: INodeExecutionData[]): void {
	const fileIds = items.map((item) => {
		const id = item.binary?.data?.id ?? '';
		expect(id).toMatch(/^database:[0-9a-f-]{36}$/);
		return id.slice('database:'.length);
	});
	const rows = psqlQuery(
		queueState().postgres,
		`SELECT json_agg(json_build_object('fileId', "fileId", 'sourceType', "sourceType", 'sourceId', "sourceId",
			'mimeType', "mimeType", 'fileSize', "fileSize", 'sha256', encode(sha256(data), 'hex')))
		FROM binary_data WHERE "fileId" IN (${fileIds.map((id) => `'${id}'`).join(', ')})`,
	);
	const stored = JSON.parse(rows) as Array<StoredBinary & { fileId: string }>;
	const sample = sampleMp4();
	expect(fileIds.map((id) => stored.find((row) => row.fileId === id))).toEqual(
		fileIds.map(() => ({
			fileId: expect.any(String),
			sourceType: 'execution',
			sourceId: executionId,
			mimeType: 'video/mp4',
			fileSize: sample.length,
			sha256: createHash('sha256').update(sample).digest('hex'),
		})),
	);
}

/** Webhook (POST, answers at once) → one item per entry of `body.prompts` → the Runware example's video node. */
async function createWebhookWorkflow(
	app: N8nApp,
	name: string,
	waitMode: 'wait' | 'webhook',
): Promise<{ id: string; webhookPath: string }> {
	const example = readWorkflowFile(path.join(REPO_ROOT, RUNWARE_EXAMPLE));
	const videoNode = example.nodes.find((node) => node.name === VIDEO_NODE);
	if (!videoNode) throw new Error(`${RUNWARE_EXAMPLE} has no "${VIDEO_NODE}" node`);
	const credential = e2eState().credentials.find((item) => item.type === 'runwareApi');
	const webhookPath = `queue-e2e-${randomUUID()}`;
	const workflow = {
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [224, 0],
				parameters: {
					fieldToSplitOut: 'body.prompts',
					options: { destinationFieldName: 'prompt' },
				},
			},
			{
				...videoNode,
				id: randomUUID(),
				position: [448, 0],
				credentials: { runwareApi: { id: credential?.id, name: credential?.name } },
				parameters: {
					...(videoNode.parameters as Record<string, unknown>),
					positivePrompt: '={{ $json.prompt }}',
					waitMode,
				},
				...(waitMode === 'webhook' ? { webhookId: randomUUID() } : {}),
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: VIDEO_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const request = app.page.request;
	const created = await request.post('/rest/workflows', { data: workflow });
	expect(created.status()).toBe(200);
	const { data } = (await created.json()) as { data: { id: string; versionId: string } };
	const activated = await request.post(`/rest/workflows/${data.id}/activate`, {
		data: { versionId: data.versionId },
	});
	expect(activated.status()).toBe(200);
	return { id: data.id, webhookPath };
}

/**
 * Calls the production webhook and returns the id of the execution it started. n8n registers an activated
 * workflow's webhooks shortly after answering the activation, so a 404 right after it is retried.
 */
async function triggerWebhook(
	app: N8nApp,
	workflowId: string,
	webhookPath: string,
	prompts: string[],
): Promise<string> {
	const registeredBy = Date.now() + 30_000;
	let response: Response;
	do {
		response = await fetch(`${e2eState().n8nUrl}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ prompts }),
		});
		if (response.status !== 404) break;
		await app.page.waitForTimeout(500);
	} while (Date.now() < registeredBy);
	expect(response.status).toBe(200);
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const listed = await app.page.request.get(`/rest/executions?filter=${filter}`);
		const { data } = (await listed.json()) as { data: { results: Array<{ id: string }> } };
		if (data.results.length > 0) return data.results[0].id;
		await app.page.waitForTimeout(500);
	}
	throw new Error(`The webhook of workflow ${workflowId} started no execution within 60 s`);
}

/**
 * The package in n8n's queue mode as `npm start -- --queue` runs it: Postgres, Redis, a main process and two
 * workers, each with the package installed, binary data in the database, manual runs offloaded to workers.
 */
describe('queue mode: main, two workers, Postgres and Redis', () => {
	const app = useN8nApp();
	const emulator = useEmulator();

	beforeAll(() => {
		emulator().setKnobs({ runware: { generationMs: 2000 } });
	});

	it('a manual run of a Runware Video workflow runs on a worker and stores the MP4 in Postgres', async () => {
		const example = e2eState().examples.find((candidate) => candidate.file === RUNWARE_EXAMPLE);
		if (!example) throw new Error(`${RUNWARE_EXAMPLE} was not imported`);
		const editor = await app().openWorkflow(example.id);

		const { executionId, status } = await editor.run();
		const final = status === 'waiting' ? await editor.waitForExecution(executionId) : status;
		await app().screenshot('queue-manual-run');
		expect(final).toBe('success');

		expectRanOnWorkers(executionId);
		const items = (await readExecution(app().page, executionId)).output(VIDEO_NODE);
		expect(items).toHaveLength(1);
		expectVideosInPostgres(executionId, items);
	});

	it('a production run started by a Webhook trigger runs on a worker', async () => {
		const workflow = await createWebhookWorkflow(app(), 'Queue e2e: webhook to video', 'wait');
		const executionId = await triggerWebhook(app(), workflow.id, workflow.webhookPath, [
			'A lighthouse in a storm, waves crashing, night',
		]);

		await waitForExecution(app().page, executionId);
		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		expectRanOnWorkers(executionId);
		const items = execution.output(VIDEO_NODE);
		expect(items).toHaveLength(1);
		expectVideosInPostgres(executionId, items);
	});

	it('Resume on Webhook with 3 items: waits, the provider calls back, one MP4 per item in Postgres', async () => {
		const prompts = [
			'A red kite over a beach',
			'A paper boat in the rain',
			'A city at dawn, timelapse',
		];
		const workflow = await createWebhookWorkflow(app(), 'Queue e2e: resume on webhook', 'webhook');
		const executionId = await triggerWebhook(app(), workflow.id, workflow.webhookPath, prompts);

		expect(await waitForExecution(app().page, executionId, ['new', 'running'])).toBe('waiting');
		await waitForExecution(app().page, executionId);
		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		expectRanOnWorkers(executionId);
		const callbacks = emulator().events.filter(
			(event): event is CallbackEvent =>
				event.type === 'callback' && event.url.includes(`/webhook-waiting/${executionId}`),
		);
		// The tasks end together: the first callback finds them all done and resumes the execution.
		expect(callbacks.length).toBeGreaterThan(0);
		const items = execution.output(VIDEO_NODE);
		expect(items).toHaveLength(prompts.length);
		expect(items.map((item) => item.pairedItem)).toEqual(
			prompts.map((_, index) => ({ item: index })),
		);
		expectVideosInPostgres(executionId, items);
	});
});
