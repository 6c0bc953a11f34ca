/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling that starts n8n and calls it over loopback */
import { randomUUID } from 'node:crypto';

import * as fs from 'node:fs';
import * as path from 'node:path';

import type { PreparedInstall } from '../scripts/n8n-local/instance';
import { LOCAL_ROOT } from '../scripts/n8n-local/paths';
import { freePort } from '../scripts/n8n-local/ports';
import { LOCAL_OWNER } from '../scripts/n8n-local/provision';
import type { QueueStack } from '../scripts/n8n-local/queue';
import { launchQueueStack } from '../scripts/n8n-local/queue';
import type { N8nRest } from '../scripts/n8n-local/rest';
import type { Emulator } from '../test/emulator';

// What the queue-mode benches share: a fresh stack, and the workflow a production webhook starts with a list of
// prompts, one Runware item each.

export const ITEMS = 20;
export const VIDEO_NODE = 'Generate Video';
export const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const RUN_TIMEOUT_MS = 600_000;

/** A fresh queue-mode stack in `.n8n-local/<name>`, its credentials pointing at the emulator. */
export async function launchBenchStack(
	prepared: PreparedInstall,
	emulator: Emulator,
	setup: { name: string; workers: number; workerConcurrency?: number; logPrefix: string },
): Promise<QueueStack> {
	const root = path.join(LOCAL_ROOT, setup.name);
	fs.rmSync(root, { recursive: true, force: true });
	return await launchQueueStack(prepared, {
		port: await freePort(),
		runnerBrokerPort: await freePort(),
		owner: LOCAL_OWNER,
		emulator,
		live: {},
		root,
		workers: setup.workers,
		workerConcurrency: setup.workerConcurrency,
		logPrefix: setup.logPrefix,
	});
}

export interface ListedExecution {
	id: string;
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/**
 * Webhook (POST, answers at once) → one item per `body.prompts` entry → Runware Video with `videoParameters`
 * (wait mode, Return As…); created and activated.
 */
export async function createWorkflow(
	rest: N8nRest,
	credentialId: string,
	videoParameters: Record<string, unknown>,
): Promise<{ id: string; hook: string }> {
	const hook = `bench-queue-${randomUUID()}`;
	const at = (x: number) => [x * 240, 0];
	const created = await rest.call<{ id: string; versionId: string }>('POST', '/workflows', {
		name: `Bench: queue mode ${hook}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: at(0),
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} },
			},
			{
				name: 'Prompts',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: at(1),
				parameters: {
					fieldToSplitOut: 'body.prompts',
					options: { destinationFieldName: 'prompt' },
				},
			},
			{
				name: VIDEO_NODE,
				type: 'n8n-nodes-ai-video.runwareVideo',
				typeVersion: 1,
				position: at(2),
				credentials: { runwareApi: { id: credentialId, name: 'Runware' } },
				// The Resume on Webhook step needs the node's webhook id to build its resume URL.
				webhookId: randomUUID(),
				parameters: {
					model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
					positivePrompt: '={{ $json.prompt }}',
					duration: 5,
					dimensions: '1920x1080',
					...videoParameters,
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: VIDEO_NODE, type: 'main', index: 0 }]] },
		},
	});
	await rest.call('POST', `/workflows/${created.id}/activate`, { versionId: created.versionId });
	return { id: created.id, hook };
}

/**
 * Calls the production webhook `EXECUTIONS` times at once; returns when the calls were first sent. n8n registers an
 * activated workflow's webhooks shortly after answering the activation: calls answered 404 are sent again.
 */
export async function triggerAll(baseUrl: string, hook: string, count: number): Promise<number> {
	const startedAt = Date.now();
	const call = async (execution: number): Promise<void> => {
		const prompts = Array.from(
			{ length: ITEMS },
			(_, item) => `A lighthouse in a storm, execution ${execution}, take ${item}`,
		);
		while (Date.now() < startedAt + 30_000) {
			const response = await fetch(`${baseUrl}/webhook/${hook}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ prompts }),
			});
			await response.text();
			if (response.ok) return;
			if (response.status !== 404)
				throw new Error(`The webhook answered ${response.status} to call ${execution}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`The webhook ${hook} was still not registered after 30 s`);
	};
	await Promise.all(Array.from({ length: count }, async (_, index) => await call(index)));
	return startedAt;
}

/** Polls n8n's execution list until the workflow's `count` executions all have one of `statuses`. */
export async function awaitAll(
	rest: N8nRest,
	workflowId: string,
	count: number,
	statuses: readonly string[],
): Promise<ListedExecution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	while (Date.now() < deadline) {
		// A busy main may answer a read 500 now and then (its database pool timed out): read again.
		const results = await rest
			.call<{ results: ListedExecution[] }>('GET', `/executions?filter=${filter}`)
			.then(
				(answer) => answer.results,
				() => [],
			);
		if (results.length === count && results.every((run) => statuses.includes(run.status)))
			return results;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`The ${count} executions were not all ${statuses.join(' or ')} after ${RUN_TIMEOUT_MS / 1000} s`);
}

