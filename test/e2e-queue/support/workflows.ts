/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { readWorkflowFile, wireCredentials } from '../../../scripts/n8n-local/examples';
import { REPO_ROOT } from '../../../scripts/n8n-local/paths';
import { executionsOf, publishWorkflow } from '../../e2e/support/publication';
import { e2eState } from '../../e2e/support/state';

/** A video node of an example, reused with its model and settings; `prompt` is its prompt parameter. */
export interface ExampleVideoNode {
	example: string;
	node: string;
	prompt: 'positivePrompt' | 'text_prompt';
	/** Parameters set over the example's. */
	parameters?: Record<string, unknown>;
}

export const RUNWARE_VIDEO: ExampleVideoNode = {
	example: 'examples/runware-text-to-video.json',
	node: 'Generate Video',
	prompt: 'positivePrompt',
};

export const RUNWAY_VIDEO: ExampleVideoNode = {
	example: 'examples/runway-resume-on-webhook.json',
	node: 'Generate Video',
	prompt: 'text_prompt',
};

/** An example's workflow as it lies in `examples/`, its credentials wired to the provisioned ones. */
export function exampleWorkflow(file: string): ReturnType<typeof readWorkflowFile> {
	return wireCredentials(readWorkflowFile(path.join(REPO_ROOT, file)), e2eState().credentials);
}

/** The example's video node, its prompt read from the item and its waiting mode set. */
function videoNode(
	source: ExampleVideoNode,
	waitMode: 'wait' | 'webhook',
	prompt: string,
): Record<string, unknown> {
	const node = exampleWorkflow(source.example).nodes.find(
		(candidate) => candidate.name === source.node,
	);
	if (!node) throw new Error(`${source.example} has no "${source.node}" node`);
	return {
		...node,
		id: randomUUID(),
		parameters: {
			...(node.parameters as Record<string, unknown>),
			...source.parameters,
			[source.prompt]: prompt,
			waitMode,
		},
		...(waitMode === 'webhook' ? { webhookId: randomUUID() } : {}),
	};
}

async function createWorkflow(page: Page, workflow: unknown): Promise<string> {
	const created = await page.request.post('/rest/workflows', { data: workflow });
	expect(created.status()).toBe(200);
	return ((await created.json()) as { data: { id: string } }).data.id;
}

/** A published workflow started by its Webhook trigger. */
export interface WebhookWorkflow {
	id: string;
	webhookPath: string;
}

/**
 * Webhook (POST, answers at once) → one item per entry of the body's `field` → `node`; published. Entries that are
 * objects become the items' JSON; other values go to `$json.<itemField>`.
 */
async function createSplitWorkflow(
	page: Page,
	name: string,
	split: { field: string; itemField?: string },
	node: { name: string } & Record<string, unknown>,
): Promise<WebhookWorkflow> {
	const webhookPath = `queue-e2e-${randomUUID()}`;
	const id = await createWorkflow(page, {
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
	});
	await publishWorkflow(page, id);
	return { id, webhookPath };
}

/** Webhook → one item per entry of `body.prompts` → an example's video node, its prompt `$json.prompt`. */
export async function createWebhookWorkflow(
	page: Page,
	name: string,
	source: ExampleVideoNode,
	waitMode: 'wait' | 'webhook',
): Promise<WebhookWorkflow> {
	return await createSplitWorkflow(
		page,
		name,
		{ field: 'prompts', itemField: 'prompt' },
		{ name: source.node, ...videoNode(source, waitMode, '={{ $json.prompt }}') },
	);
}

export const POLL_NODE = 'Poll Task';

/** Webhook → one item per entry of `body.tasks` (`{ taskUUID }`) → Poll Task (Runware, Wait Until Done, MP4 out). */
export async function createPollTaskWorkflow(page: Page, name: string): Promise<WebhookWorkflow> {
	const credential = e2eState().credentials.find((item) => item.type === 'runwareApi');
	if (!credential) throw new Error('No runwareApi credential was provisioned');
	return await createSplitWorkflow(
		page,
		name,
		{ field: 'tasks' },
		{
			id: randomUUID(),
			name: POLL_NODE,
			type: 'n8n-nodes-ai-video.pollTask',
			typeVersion: 1,
			credentials: { runwareApi: { id: credential.id, name: credential.name } },
			parameters: { provider: 'runware' },
		},
	);
}

/**
 * Manual trigger → an example's video node (Wait for Completion, Return As Binary File) → `next` nodes after it,
 * saved (not published); run it with `runManually`.
 */
export async function createManualWorkflow(
	page: Page,
	name: string,
	source: ExampleVideoNode,
	next: Array<Record<string, unknown>>,
): Promise<string> {
	const trigger = 'Manual Trigger';
	const chain = [source.node, ...next.map((node) => String(node.name))];
	return await createWorkflow(page, {
		name,
		nodes: [
			{
				name: trigger,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				...videoNode(source, 'wait', 'A glacier calving into the sea, wide shot'),
				position: [224, 0],
			},
			...next.map((node, index) => ({ ...node, position: [448 + 224 * index, 0] })),
		],
		connections: Object.fromEntries(
			[trigger, ...chain.slice(0, -1)].map((from, index) => [
				from,
				{ main: [[{ node: chain[index], type: 'main', index: 0 }]] },
			]),
		),
		settings: { executionOrder: 'v1' },
	});
}

/**
 * Runs a saved workflow from one of its triggers as the editor's Execute Workflow button does (`POST
 * /rest/workflows/:id/run`); returns the execution's id.
 */
export async function runManually(
	page: Page,
	workflowId: string,
	trigger: string,
): Promise<string> {
	const response = await page.request.post(`/rest/workflows/${workflowId}/run`, {
		data: { triggerToStartFrom: { name: trigger } },
	});
	const body = await response.text();
	expect({ status: response.status(), body }).toEqual({ status: 200, body: expect.any(String) });
	const { data } = JSON.parse(body) as { data: { executionId?: string } };
	if (!data.executionId) throw new Error(`n8n started no execution of ${workflowId}: ${body}`);
	return data.executionId;
}

/** POSTs a JSON body to a published workflow's production webhook; expects n8n's 200. */
export async function callWebhook(webhookPath: string, body: unknown): Promise<void> {
	const response = await fetch(`${e2eState().n8nUrl}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect({ path: webhookPath, status: response.status, body: await response.text() }).toEqual({
		path: webhookPath,
		status: 200,
		body: expect.any(String),
	});
}

/** Waits (up to 60 s) until the workflow has `count` executions; returns their ids, oldest first. */
export async function awaitExecutions(
	page: Page,
	workflowId: string,
	count: number,
): Promise<string[]> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const executions = await executionsOf(page, workflowId);
		if (executions.length >= count) return executions.map((execution) => execution.id).reverse();
		await page.waitForTimeout(250);
	}
	throw new Error(`Workflow ${workflowId} did not start ${count} executions within 60 s`);
}

/** Calls the production webhook once with `body`; returns the id of the execution it started. */
export async function triggerWebhook(
	page: Page,
	workflow: WebhookWorkflow,
	body: Record<string, unknown>,
): Promise<string> {
	await callWebhook(workflow.webhookPath, body);
	const [executionId] = await awaitExecutions(page, workflow.id, 1);
	return executionId;
}
