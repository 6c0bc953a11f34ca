/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { filesFolder } from '../../scripts/n8n-local/paths';
import type { RequestRecord } from '../emulator';
import { readExecution } from './support/executions';
import { useEmulator, useN8nApp } from './support/fixtures';
import type { ExecutionSummary } from './support/publication';
import {
	executionsOf,
	publishWorkflow,
	readWorkflow,
	saveWorkflow,
	unpublishWorkflow,
} from './support/publication';
import { e2eState } from './support/state';

/**
 * The trigger examples as production executions: published through n8n's REST API (as the editor's Publish
 * button does), then called as a client would (the webhook's production URL) or left to their schedule.
 */

const app = useN8nApp();
const emulator = useEmulator();
const state = e2eState();

function exampleId(file: string): string {
	const example = state.examples.find((candidate) => candidate.file === `examples/${file}`);
	if (!example) throw new Error(`examples/${file} was not imported`);
	return example.id;
}

async function bytesAt(url: string): Promise<Buffer> {
	const response = await fetch(url);
	expect(response.status).toBe(200);
	return Buffer.from(await response.arrayBuffer());
}

/** Waits (up to 2 min) for the workflow's first finished execution that a trigger started. */
async function firstProductionExecution(workflowId: string): Promise<ExecutionSummary> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		const finished = (await executionsOf(app().page, workflowId)).filter(
			(execution) => execution.mode !== 'manual' && !['new', 'running'].includes(execution.status),
		);
		if (finished.length > 0) return finished[finished.length - 1];
		await app().page.waitForTimeout(1000);
	}
	throw new Error(`No production execution of workflow ${workflowId} finished within 2 min`);
}

interface ClientAnswer {
	status: number;
	body: Record<string, unknown>;
}

/** What a client of the webhook example sends: a JSON body to its production URL. */
async function postToWebhook(body: unknown): Promise<ClientAnswer> {
	const response = await fetch(`${state.n8nUrl}/webhook/generate-video`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function isInference(request: RequestRecord): boolean {
	return request.route === 'runware.videoInference';
}

describe('trigger examples, published and run as production executions', () => {
	it('Webhook → Runware Video → Respond to Webhook answers a client with the video URL', async () => {
		const id = exampleId('trigger-webhook-to-video-url.json');
		const prompt = 'A kite surfing over turquoise water, drone shot';
		await publishWorkflow(app().page, id);
		let answer: ClientAnswer;
		let refused: ClientAnswer;
		const inferencesBefore = () => emulator().requests.filter(isInference).length;
		let inferencesForRefused: number;
		try {
			answer = await postToWebhook({ prompt });
			const before = inferencesBefore();
			refused = await postToWebhook({ text: 'no prompt field' });
			inferencesForRefused = inferencesBefore() - before;
		} finally {
			await unpublishWorkflow(app().page, id);
		}
		expect(answer).toEqual({ status: 200, body: expect.objectContaining({}) });
		expect(Object.keys(answer.body).sort()).toEqual(['taskUUID', 'videoURL']);
		const execution = await firstProductionExecution(id);
		await app().page.goto(`/workflow/${id}/executions/${execution.id}`);
		await app().page.getByTestId('canvas-node').first().waitFor();
		await app().screenshot('trigger-webhook-execution');

		// The answer names the task that carried the client's prompt, and its URL serves an MP4.
		const inference = emulator()
			.requests.filter(isInference)
			.find((request) => JSON.stringify(request.body).includes(prompt));
		expect(JSON.stringify(inference?.body)).toContain(String(answer.body.taskUUID));
		const videoURL = String(answer.body.videoURL);
		expect(videoURL.startsWith(`${emulator().url}/`)).toBe(true);
		expect((await bytesAt(videoURL)).subarray(4, 8).toString('latin1')).toBe('ftyp');
		expect(execution).toEqual(expect.objectContaining({ mode: 'webhook', status: 'success' }));
		// A request without a prompt gets an error answer, and nothing reaches Runware.
		expect(refused.status).toBe(500);
		expect(inferencesForRefused).toBe(0);
	});

	it('Schedule → three prompts → Runware Video → one MP4 per prompt written to disk', async () => {
		const id = exampleId('trigger-schedule-to-disk.json');
		const folder = filesFolder(state.userFolder);
		const original = await readWorkflow(app().page, id);
		// The example runs daily; for the test its trigger fires every 5 seconds until the first run is seen.
		const everyFewSeconds = {
			...original,
			nodes: original.nodes.map((node) =>
				node.type === 'n8n-nodes-base.scheduleTrigger'
					? {
							...node,
							parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 5 }] } },
						}
					: node,
			),
		};
		await saveWorkflow(app().page, everyFewSeconds);
		await publishWorkflow(app().page, id);
		let summary: ExecutionSummary;
		try {
			summary = await firstProductionExecution(id);
		} finally {
			await unpublishWorkflow(app().page, id);
			await saveWorkflow(
				app().page,
				await readWorkflow(app().page, id).then((stored) => ({
					...stored,
					nodes: original.nodes,
				})),
			);
		}
		await app().page.goto(`/workflow/${id}/executions/${summary.id}`);
		await app().page.getByTestId('canvas-node').first().waitFor();
		await app().screenshot('trigger-schedule-execution');
		expect(summary).toEqual(expect.objectContaining({ mode: 'trigger', status: 'success' }));

		const execution = await readExecution(app().page, summary.id);
		const videos = execution.output('Generate Videos');
		const written = execution.output('Save MP4 to Disk');
		expect(videos).toHaveLength(3);
		expect(written.map((item) => item.json.fileName)).toEqual(
			videos.map((item) => `video-${String(item.json.videoUUID)}.mp4`),
		);
		for (const item of videos) {
			const file = path.join(folder, `video-${String(item.json.videoUUID)}.mp4`);
			// Each file holds exactly the bytes the provider serves at the video's URL.
			expect(fs.readFileSync(file).equals(await bytesAt(String(item.json.videoURL)))).toBe(true);
		}
	});
});
