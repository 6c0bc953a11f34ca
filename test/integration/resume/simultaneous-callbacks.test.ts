/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readdir } from 'node:fs/promises';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closeCallbackStates } from '../../../nodes/shared/execution/callbackStates';
import type { EmulatorEvent } from '../../emulator';
import type { RunWorkflowInput } from '../../harness';
import { NODE_TYPES, startEnvironment, type Environment } from '../../support/environment';
import { NODE_NAME, resumeRun } from './setup';

/*
 * N tasks of one waiting execution end at the same moment, so N provider callbacks reach the resume URL together.
 * Each video must be downloaded and stored once, no binary data may be left without an item pointing at it, and
 * every callback attempt must be answered 2xx (a provider retries a non-2xx answer).
 */

const ITEMS = 5;
const NODE_ID = 'simultaneous-resume-node';
const RUNWAY_ACCOUNT = 'parallel@runway.test';

type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

interface ProviderCase {
	name: string;
	run: RunWorkflowInput;
	taskId: (item: INodeExecutionData) => string;
	/** The emulator's route of a task read, and how many tasks one read covers. */
	read: { route: string; tasksPerRead: number };
}

const videoRun = (type: string, credential: string, parameters: IDataObject): RunWorkflowInput =>
	resumeRun(ITEMS, type, credential, parameters, NODE_ID);

const cases: ProviderCase[] = [
	{
		name: 'Runware Video',
		run: videoRun(NODE_TYPES.runwareVideo, 'runwareApi', {
			model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
			positivePrompt: '={{ $json.prompt }}',
			duration: 5,
		}),
		taskId: (item) => String(item.json.taskUUID),
		read: { route: 'runware.getResponse', tasksPerRead: 50 },
	},
	{
		name: 'Runway Video',
		run: videoRun(NODE_TYPES.runwayVideo, 'useApiApi', {
			model: 'gen4.5',
			text_prompt: '={{ $json.prompt }}',
		}),
		taskId: (item) => String(item.json.taskId),
		read: { route: 'useapi.task', tasksPerRead: 1 },
	},
];

async function storedBinaryIds(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && !entry.name.endsWith('.metadata'))
		.map((entry) => entry.name);
}

/** How many attempts got each answer, e.g. `{ 200: 1, 500: 4 }`. */
function tally(answers: Array<number | string>): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
	return counts;
}

describe.each(cases)('$name: callbacks of tasks that end together', ({ run, taskId, read }) => {
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment(
			{
				knobs: {
					runware: { generationMs: 60_000 },
					useapi: { generationMs: 60_000, progressCallbacks: 0 },
				},
				accounts: [{ email: RUNWAY_ACCOUNT, maxJobs: ITEMS }],
			},
			{ binaryMode: 'filesystem', credentialEmail: RUNWAY_ACCOUNT },
		);
		await env.harness.listenForResume();
	});
	afterAll(async () => await env.close());

	it('downloads and stores each video once and answers every callback 2xx', async () => {
		const waiting = await env.harness.runWorkflow(run);
		expect(waiting.status).toBe('waiting');
		const ids = waiting.output(NODE_NAME).map(taskId);
		expect(new Set(ids).size).toBe(ITEMS);
		for (const id of ids) env.emulator.forceOutcome(id, 'success', { afterMs: 200 });

		const resumed = await env.harness.awaitResumedRun(waiting.resume!, 20_000);
		const callbacks = (await Promise.all(
			ids.map(
				async (id) =>
					await env.emulator.waitForEvent(
						(event) => event.type === 'callback' && event.taskId === id,
						10_000,
					),
			),
		)) as CallbackEvent[];

		const output = resumed.output(NODE_NAME);
		expect(output.map(taskId)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(
			ids.map((_id, index) => ({ item: index })),
		);
		const referenced = output.map((item) => String(item.binary?.data.id).split('/').pop());
		expect(new Set(referenced).size).toBe(ITEMS);

		const stored = await storedBinaryIds(env.harness.binaryStoragePath ?? '');
		const figures = {
			downloads: env.emulator.requestsTo('files').length,
			storedBinaries: stored.length,
			orphanedBinaries: stored.filter((id) => !referenced.includes(id)).length,
			callbackAnswers: tally(callbacks.flatMap((callback) => callback.attempts)),
		};
		expect(figures).toEqual({
			downloads: ITEMS,
			storedBinaries: ITEMS,
			orphanedBinaries: 0,
			callbackAnswers: { 200: ITEMS },
		});
	});

	it("in a process that did not start the wait (queue mode's main), reads each task at most once", async () => {
		const waiting = await env.harness.runWorkflow(run);
		expect(waiting.status).toBe('waiting');
		const ids = waiting.output(NODE_NAME).map(taskId);
		// What the process that put the execution to wait knows is gone, as on another n8n process or after a restart.
		closeCallbackStates(`${waiting.executionId}/${NODE_ID}`);
		const readsBefore = env.emulator.requestsTo(read.route).length;
		for (const id of ids) env.emulator.forceOutcome(id, 'success', { afterMs: 200 });

		const resumed = await env.harness.awaitResumedRun(waiting.resume!, 20_000);
		expect(resumed.output(NODE_NAME).map(taskId)).toEqual(ids);
		// The first callback reads the tasks it has not heard of (all ended); the others, in turn, find them known.
		const reads = env.emulator.requestsTo(read.route).length - readsBefore;
		expect(reads).toBeGreaterThan(0);
		expect(reads).toBeLessThanOrEqual(Math.ceil((ITEMS - 1) / read.tasksPerRead));
	});
});
