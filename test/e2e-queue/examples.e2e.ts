/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { exampleFiles } from '../../scripts/n8n-local/examples';
import { filesFolder, REPO_ROOT } from '../../scripts/n8n-local/paths';
import { sampleMp4 } from '../emulator';
import type { ExecutionRecord } from '../e2e/support/executions';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { publishWorkflow, unpublishWorkflow } from '../e2e/support/publication';
import { e2eState } from '../e2e/support/state';
import { answerCounts, EmulatorRecords } from './support/records';
import {
	expectRanOnWorkers,
	expectVideosInPostgres,
	userFolders,
	workersThatRan,
} from './support/stack';
import { awaitExecutions, exampleWorkflow, runManually } from './support/workflows';

/** What a manually run example promises: the node whose items carry the videos, one per prompt. */
interface ExamplePromise {
	/** The node whose output items hold the videos (binary `data`, `videoURL`). */
	videos: string;
	/** The video node whose prompt parameter the tasks were created with. */
	prompted: string;
	/** What else the example promises, checked against n8n's execution and the emulator's records. */
	also?: (execution: ExecutionRecord, records: EmulatorRecords, executionId: string) => void;
}

const RESUMED_BY_CALLBACKS: ExamplePromise['also'] = (_execution, records, executionId) => {
	const callbacks = records.callbacksTo([executionId]);
	expect(callbacks.length).toBeGreaterThan(0);
	expect(Object.keys(answerCounts(callbacks))).toEqual(['200']);
};

const MANUAL_RUNS: Record<string, ExamplePromise> = {
	'examples/runware-text-to-video.json': { videos: 'Generate Video', prompted: 'Generate Video' },
	'examples/runware-batch-prompts.json': { videos: 'Generate Videos', prompted: 'Generate Videos' },
	'examples/runware-resume-on-webhook.json': {
		videos: 'Generate Video',
		prompted: 'Generate Video',
		also: RESUMED_BY_CALLBACKS,
	},
	'examples/runway-resume-on-webhook.json': {
		videos: 'Generate Video',
		prompted: 'Generate Video',
		also: RESUMED_BY_CALLBACKS,
	},
	'examples/runway-image-to-video.json': {
		videos: 'Animate Image',
		prompted: 'Animate Image',
		// The uploaded image is the one the task animates.
		also: (execution, records) => {
			const [upload] = execution.output('Upload Image');
			const creates = records.requests.filter((request) => request.route === 'useapi.create');
			expect(creates.map((request) => request.body)).toEqual([
				{
					kind: 'json',
					value: expect.objectContaining({ imageAssetId1: upload.json.assetId }),
				},
			]);
		},
	},
	'examples/runway-submit-and-poll.json': {
		videos: 'Wait for Video',
		prompted: 'Submit Video Task',
		// Poll Task follows the submitted task.
		also: (execution) => {
			expect(execution.output('Submit Video Task').map((item) => item.json.taskId)).toEqual(
				execution.output('Wait for Video').map((item) => item.json.taskId),
			);
		},
	},
	// Its Schedule trigger, run by hand as the editor's Execute Workflow button does.
	'examples/trigger-schedule-to-disk.json': {
		videos: 'Generate Videos',
		prompted: 'Generate Videos',
		also: (execution, _records, executionId) => {
			const [worker] = workersThatRan(executionId);
			const folder = filesFolder(userFolders().get(worker) ?? '');
			const videos = execution.output('Generate Videos');
			expect(execution.output('Save MP4 to Disk').map((item) => item.json.fileName)).toEqual(
				videos.map((item) => `video-${String(item.json.videoUUID)}.mp4`),
			);
			// The worker that ran it wrote each MP4 in its own files folder.
			for (const item of videos) {
				const file = path.join(folder, `video-${String(item.json.videoUUID)}.mp4`);
				expect(fs.readFileSync(file).equals(sampleMp4())).toBe(true);
			}
		},
	},
};

/** Published and called as a client would: its Webhook trigger has no manual run without a test call. */
const WEBHOOK_EXAMPLE = 'examples/trigger-webhook-to-video-url.json';

function importedId(file: string): string {
	const example = e2eState().examples.find((candidate) => candidate.file === file);
	if (!example) throw new Error(`${file} was not imported`);
	return example.id;
}

/**
 * The prompt each item of the video node was created with: its own parameter, or for `={{ $json.prompt }}` the
 * `prompt` of the item fed to it.
 */
function promptsFed(file: string, nodeName: string, execution: ExecutionRecord): string[] {
	const workflow = exampleWorkflow(file);
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	const parameters = (node?.parameters ?? {}) as Record<string, unknown>;
	const prompt = String(parameters.positivePrompt ?? parameters.text_prompt);
	if (!prompt.startsWith('=')) return [prompt];
	expect(prompt).toBe('={{ $json.prompt }}');
	const feeding = Object.entries(workflow.connections).find(([, outputs]) =>
		JSON.stringify(outputs).includes(`"node":"${nodeName}"`),
	);
	return execution.output(feeding?.[0] ?? '').map((item) => String(item.json.prompt));
}

/**
 * Each item holds one video, paired to its input and stored in Postgres; its task was created once, with the
 * item's prompt, and its video downloaded once.
 */
function expectVideos(
	executionId: string,
	items: INodeExecutionData[],
	prompts: string[],
	records: EmulatorRecords,
	emulatorUrl: string,
): void {
	expect(items.map((item) => item.pairedItem)).toEqual(prompts.map((_, item) => ({ item })));
	const taskIds = items.map((item) => String(item.json.taskUUID ?? item.json.taskId));
	const created = records.tasksCreated();
	expect(taskIds.map((id) => created.filter((taskId) => taskId === id).length)).toEqual(
		taskIds.map(() => 1),
	);
	expect(created).toHaveLength(items.length);
	const creates = records.creates();
	expect(creates.map((create) => create.prompt).sort()).toEqual([...prompts].sort());
	// Runware's create names its task: each item's task carried that item's prompt.
	if (creates.every((create) => create.taskId !== undefined))
		expect(taskIds.map((id) => creates.find((create) => create.taskId === id)?.prompt)).toEqual(
			prompts,
		);
	const urls = items.map((item) => String(item.json.videoURL));
	expect(urls.map((url) => url.startsWith(`${emulatorUrl}/files/`))).toEqual(urls.map(() => true));
	expect(urls.map((url) => records.downloadsOf(url))).toEqual(urls.map(() => [200]));
	expectVideosInPostgres(executionId, items);
}

/**
 * Every example in queue mode: the manual ones (and the Schedule one, from its trigger) run through n8n's REST API
 * as the editor runs them, offloaded to a worker; the Webhook one published and called as a production run.
 */
describe('the examples in queue mode', () => {
	const app = useN8nApp();
	const emulator = useEmulator({
		knobs: { runware: { generationMs: 1000 }, useapi: { generationMs: 1000 } },
	});

	it('every example is covered here', () => {
		const files = exampleFiles().map((file) => path.relative(REPO_ROOT, file));
		expect(files.sort()).toEqual([...Object.keys(MANUAL_RUNS), WEBHOOK_EXAMPLE].sort());
	});

	it.each(Object.entries(MANUAL_RUNS))(
		'%s: a manual run on a worker gives the videos it promises',
		async (file, promise) => {
			const workflow = exampleWorkflow(file);
			const trigger = workflow.nodes.find((node) => /Trigger$/.test(String(node.type)));
			const records = new EmulatorRecords(emulator());

			const executionId = await runManually(app().page, importedId(file), String(trigger?.name));
			await waitForExecution(app().page, executionId);
			const execution = await readExecution(app().page, executionId);
			expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
			expectRanOnWorkers(executionId);
			const items = execution.output(promise.videos);
			expect(items.length).toBeGreaterThan(0);
			expectVideos(
				executionId,
				items,
				promptsFed(file, promise.prompted, execution),
				records,
				emulator().url,
			);
			promise.also?.(execution, records, executionId);
		},
	);

	it(`${WEBHOOK_EXAMPLE}: a client's POST runs on a worker and is answered with the video URL`, async () => {
		const id = importedId(WEBHOOK_EXAMPLE);
		const prompt = 'A kite surfing over turquoise water, drone shot';
		const records = new EmulatorRecords(emulator());
		await publishWorkflow(app().page, id);
		let answer: { status: number; body: Record<string, unknown> };
		try {
			const response = await fetch(`${e2eState().n8nUrl}/webhook/generate-video`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ prompt }),
			});
			answer = {
				status: response.status,
				body: (await response.json()) as Record<string, unknown>,
			};
		} finally {
			await unpublishWorkflow(app().page, id);
		}
		const [executionId] = await awaitExecutions(app().page, id, 1);
		expect(await waitForExecution(app().page, executionId)).toBe('success');
		expectRanOnWorkers(executionId);
		const [item] = (await readExecution(app().page, executionId)).output('Generate Video');

		// The answer names the one task created, with the client's prompt; its URL serves the MP4 (Return As URL:
		// n8n downloaded nothing).
		expect(answer).toEqual({
			status: 200,
			body: { taskUUID: item.json.taskUUID, videoURL: item.json.videoURL },
		});
		expect(records.creates()).toEqual([{ taskId: answer.body.taskUUID, prompt }]);
		expect(records.tasksCreated()).toEqual([answer.body.taskUUID]);
		expect(records.requests.filter((request) => request.route === 'files')).toEqual([]);
		const video = await fetch(String(answer.body.videoURL));
		expect(Buffer.from(await video.arrayBuffer()).equals(sampleMp4())).toBe(true);
	});
});
