/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { readWorkflowFile } from '../../scripts/n8n-local/examples';
import { REPO_ROOT } from '../../scripts/n8n-local/paths';
import { psqlQuery } from '../../scripts/n8n-local/postgres';
import type { Emulator, EmulatorEvent } from '../emulator';
import { sampleMp4 } from '../emulator';
import type { N8nApp } from '../e2e/pages/n8n-app';
import { e2eState } from '../e2e/support/state';

// What the queue-mode e2e files share: the stack's state, workflows started by a production webhook, checks of
// where executions ran and of the videos stored in Postgres.

export type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

export const VIDEO_NODE = 'Generate Video';
/** The Runware example whose video node the webhook workflows reuse (model, duration, dimensions). */
export const RUNWARE_EXAMPLE = 'examples/runware-text-to-video.json';

export function queueState(): NonNullable<ReturnType<typeof e2eState>['queue']> {
	const { queue } = e2eState();
	if (!queue) throw new Error('No queue-mode stack: run these tests with `npm run test:e2e:queue`');
	return queue;
}

/** The log files of the processes that logged `line` (n8n's info-level scaling messages). */
export function logsWith(files: readonly string[], line: string): string[] {
	return files.filter((file) => fs.readFileSync(file, 'utf8').includes(line));
}

/**
 * Main put the execution on the queue and a worker ran it; main itself ran no job of it (main logs the enqueueing,
 * only a worker logs "Worker started execution").
 */
export function expectRanOnWorkers(executionId: string): void {
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
export function expectVideosInPostgres(executionId: string, items: INodeExecutionData[]): void {
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

/** The callbacks the emulator sent to the resume URLs of an execution. */
export function callbacksTo(emulator: Emulator, executionId: string): CallbackEvent[] {
	return emulator.events.filter(
		(event): event is CallbackEvent =>
			event.type === 'callback' && event.url.includes(`/webhook-waiting/${executionId}`),
	);
}

export function provisionedCredentialRef(type: string): { id: string; name: string } {
	const credential = e2eState().credentials.find((item) => item.type === type);
	if (!credential) throw new Error(`No ${type} credential was provisioned`);
	return { id: credential.id, name: credential.name };
}

export interface WebhookWorkflow {
	id: string;
	webhookPath: string;
}

/**
 * Creates and activates: Webhook (POST, answers at once) → one item per entry of the body's `field` → `node`.
 * Entries that are objects become the items' JSON; other values go to `$json.<itemField>`.
 */
async function createSplitWorkflow(
	app: N8nApp,
	name: string,
	split: { field: string; itemField?: string },
	node: { name: string } & Record<string, unknown>,
): Promise<WebhookWorkflow> {
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
					fieldToSplitOut: `body.${split.field}`,
					options: split.itemField ? { destinationFieldName: split.itemField } : {},
				},
			},
			{ ...node, position: [448, 0] },
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: node.name, type: 'main', index: 0 }]] },
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

/** Webhook → one item per entry of `body.prompts` → the Runware example's video node (`$json.prompt`). */
export async function createWebhookWorkflow(
	app: N8nApp,
	name: string,
	waitMode: 'wait' | 'webhook',
): Promise<WebhookWorkflow> {
	const example = readWorkflowFile(path.join(REPO_ROOT, RUNWARE_EXAMPLE));
	const videoNode = example.nodes.find((node) => node.name === VIDEO_NODE);
	if (!videoNode) throw new Error(`${RUNWARE_EXAMPLE} has no "${VIDEO_NODE}" node`);
	return await createSplitWorkflow(
		app,
		name,
		{ field: 'prompts', itemField: 'prompt' },
		{
			...videoNode,
			name: VIDEO_NODE,
			id: randomUUID(),
			credentials: { runwareApi: provisionedCredentialRef('runwareApi') },
			parameters: {
				...(videoNode.parameters as Record<string, unknown>),
				positivePrompt: '={{ $json.prompt }}',
				waitMode,
			},
			...(waitMode === 'webhook' ? { webhookId: randomUUID() } : {}),
		},
	);
}

export const POLL_NODE = 'Poll Task';

/** Webhook → one item per entry of `body.tasks` (`{ taskUUID }`) → Poll Task (Runware, Wait Until Done, MP4 out). */
export async function createPollTaskWorkflow(app: N8nApp, name: string): Promise<WebhookWorkflow> {
	return await createSplitWorkflow(
		app,
		name,
		{ field: 'tasks' },
		{
			id: randomUUID(),
			name: POLL_NODE,
			type: 'n8n-nodes-ai-video.pollTask',
			typeVersion: 1,
			credentials: { runwareApi: provisionedCredentialRef('runwareApi') },
			parameters: { provider: 'runware' },
		},
	);
}

/**
 * Calls the production webhook with a JSON body and returns the id of the execution it started. n8n registers an
 * activated workflow's webhooks shortly after answering the activation, so a 404 right after it is retried.
 */
export async function triggerWebhook(
	app: N8nApp,
	workflow: WebhookWorkflow,
	body: Record<string, unknown>,
): Promise<string> {
	const registeredBy = Date.now() + 30_000;
	let response: Response;
	do {
		response = await fetch(`${e2eState().n8nUrl}/webhook/${workflow.webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (response.status !== 404) break;
		await app.page.waitForTimeout(500);
	} while (Date.now() < registeredBy);
	expect(response.status).toBe(200);
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const listed = await app.page.request.get(`/rest/executions?filter=${filter}`);
		const { data } = (await listed.json()) as { data: { results: Array<{ id: string }> } };
		if (data.results.length > 0) return data.results[0].id;
		await app.page.waitForTimeout(500);
	}
	throw new Error(`The webhook of workflow ${workflow.id} started no execution within 60 s`);
}
