/* eslint-disable no-console -- the figures are the test's report */
import type { Emulator } from '../emulator';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import type { CallbackEvent } from './support/records';
import { answerCounts, EmulatorRecords } from './support/records';
import {
	binaryRowsOf,
	expectRanOnWorkers,
	expectVideosInPostgres,
	storedFileId,
} from './support/stack';
import type { ExampleVideoNode } from './support/workflows';
import {
	awaitExecutions,
	callWebhook,
	createWebhookWorkflow,
	RUNWARE_VIDEO,
	RUNWAY_VIDEO,
} from './support/workflows';

const EXECUTIONS = 5;
const ITEMS = 20;
const TASKS = EXECUTIONS * ITEMS;
/** Staggered: one task ends every this many ms once all executions wait, in an order that mixes executions. */
const STAGGER_STEP_MS = 50;
/** A permutation of the task indexes (37 and 100 are coprime): neighbours in it come from different executions. */
const staggerRank = (index: number) => (index * 37) % TASKS;

type Timing = 'together' | 'staggered';

/** Waits until the emulator has created `count` tasks since `records` began; returns them with their creation times. */
async function awaitTasks(
	emulator: Emulator,
	records: EmulatorRecords,
	count: number,
): Promise<Array<{ taskId: string; at: number }>> {
	const created = () =>
		records.events.flatMap((event) =>
			event.type === 'taskCreated' ? [{ taskId: event.taskId, at: event.at }] : [],
		);
	await emulator.waitForEvent(() => created().length >= count, 120_000);
	return created();
}

/** Ends every task now, or one every STAGGER_STEP_MS from now on. */
function endTasks(
	emulator: Emulator,
	tasks: ReadonlyArray<{ taskId: string; at: number }>,
	timing: Timing,
): void {
	const now = Date.now();
	tasks.forEach(({ taskId, at }, index) => {
		if (timing === 'together') emulator.forceOutcome(taskId, 'success', { immediately: true });
		else
			emulator.forceOutcome(taskId, 'success', {
				afterMs: now - at + STAGGER_STEP_MS * (1 + staggerRank(index)),
			});
	});
}

/** The prompt each task was created with: Runware's create names the task; useapi.net's callbacks echo it. */
function promptsByTask(records: EmulatorRecords, callbacks: CallbackEvent[]): Map<string, string> {
	const prompts = new Map<string, string>();
	for (const create of records.creates())
		if (create.taskId !== undefined) prompts.set(create.taskId, create.prompt);
	for (const callback of callbacks) {
		const options = (callback.body as { options?: { text_prompt?: string } }).options;
		if (options?.text_prompt !== undefined) prompts.set(callback.taskId, options.text_prompt);
	}
	return prompts;
}

const countOf = <T>(values: readonly T[], value: T) =>
	values.filter((candidate) => candidate === value).length;

/** How many times each value occurs, as `{ occurrences: number of values }`, e.g. `{ "1": 100 }`. */
function spread(counts: readonly number[]): Record<string, number> {
	const result: Record<string, number> = {};
	for (const count of counts) result[String(count)] = (result[String(count)] ?? 0) + 1;
	return result;
}

/**
 * Resume on Webhook as users run it at scale: 5 production executions of 20 items each started at once, every item
 * its own task, the executions waiting for the provider's callbacks; the tasks end together or one after the other.
 * The emulator's records are the oracle: tasks created, videos downloaded, callbacks and n8n's answers to them.
 */
describe(`Resume on Webhook at scale: ${EXECUTIONS} executions × ${ITEMS} items at once`, () => {
	const app = useN8nApp();
	// Tasks end only when the test ends them. Ten Runway accounts of ten parallel jobs each (useapi.net's maxima):
	// every task runs at once, none waits for a slot.
	const emulator = useEmulator({
		knobs: { runware: { generationMs: 600_000 }, useapi: { generationMs: 600_000 } },
		accounts: Array.from({ length: 10 }, (_, index) => ({
			email: `account-${index + 1}@runway.test`,
			maxJobs: 10,
		})),
	});

	// Any account with a free slot (the credential names one default account, of at most ten slots).
	const runway: ExampleVideoNode = { ...RUNWAY_VIDEO, parameters: { email: 'any' } };
	const cases: Array<[string, ExampleVideoNode, Timing]> = [
		['Runware Video, tasks ending together', RUNWARE_VIDEO, 'together'],
		['Runware Video, tasks ending staggered', RUNWARE_VIDEO, 'staggered'],
		['Runway Video, tasks ending together', runway, 'together'],
		['Runway Video, tasks ending staggered', runway, 'staggered'],
	];

	it.each(cases)(
		'%s: one video per item, paired, each task created and downloaded once, every callback answered 2xx',
		async (label, source, timing) => {
			const startedAt = Date.now();
			const page = app().page;
			const workflow = await createWebhookWorkflow(page, `Queue e2e: ${label}`, source, 'webhook');
			const records = new EmulatorRecords(emulator());
			const sent = Array.from({ length: EXECUTIONS }, (_, execution) =>
				Array.from(
					{ length: ITEMS },
					(_, item) => `${label}: execution ${execution + 1}, take ${item + 1}`,
				),
			);
			await Promise.all(
				sent.map(async (prompts) => await callWebhook(workflow.webhookPath, { prompts })),
			);
			const executionIds = await awaitExecutions(page, workflow.id, EXECUTIONS);
			const tasks = await awaitTasks(emulator(), records, TASKS);
			for (const id of executionIds)
				expect(await waitForExecution(page, id, ['new', 'running'])).toBe('waiting');
			endTasks(emulator(), tasks, timing);
			for (const id of executionIds) await waitForExecution(page, id);
			const wallSeconds = (Date.now() - startedAt) / 1000;

			// The emulator's account first, printed before anything is asserted.
			const callbacks = records.callbacksTo(executionIds);
			const created = records.tasksCreated();
			const downloads = records.requests
				.filter((request) => request.route === 'files')
				.map((request) => request.path);
			const answers = answerCounts(callbacks);
			const callbacksPerTask = created.map((taskId) =>
				countOf(
					callbacks.map((callback) => callback.taskId),
					taskId,
				),
			);
			const ends = records.events.flatMap((event) => (event.type === 'taskDone' ? [event.at] : []));
			const endSpreadMs = Math.max(...ends) - Math.min(...ends);
			console.log(
				`${label}: ${EXECUTIONS} executions × ${ITEMS} items in ${wallSeconds.toFixed(1)} s; ` +
					`tasks created ${created.length} (distinct ${new Set(created).size}); ` +
					`downloads per video file ${JSON.stringify(spread([...new Set(downloads)].map((file) => countOf(downloads, file))))}; ` +
					`callbacks per task ${JSON.stringify(spread(callbacksPerTask))}; ` +
					`callback answers ${JSON.stringify(answers)}; tasks ended within ${endSpreadMs} ms`,
			);

			const prompts = promptsByTask(records, callbacks);
			const videoURLs: string[] = [];
			const fileIds: string[] = [];
			const executionsPrompts: string[][] = [];
			for (const executionId of executionIds) {
				const execution = await readExecution(page, executionId);
				expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
				expectRanOnWorkers(executionId);
				const fed = execution.output('Split Out').map((item) => String(item.json.prompt));
				executionsPrompts.push(fed);
				const items = execution.output(source.node);
				// Every item exactly one output, paired to it, from the task created with its prompt.
				expect(items.map((item) => item.pairedItem)).toEqual(fed.map((_, item) => ({ item })));
				expect(
					items.map((item) => prompts.get(String(item.json.taskUUID ?? item.json.taskId))),
				).toEqual(fed);
				expectVideosInPostgres(executionId, items);
				videoURLs.push(...items.map((item) => String(item.json.videoURL)));
				fileIds.push(...items.map(storedFileId));
			}
			expect([...executionsPrompts].sort()).toEqual([...sent].sort());
			// Each task created once: one create per item, no task id twice.
			expect(new Set(created).size).toBe(TASKS);
			expect(created).toHaveLength(TASKS);
			expect(
				records
					.creates()
					.map((create) => create.prompt)
					.sort(),
			).toEqual(sent.flat().sort());
			// Each video downloaded exactly once, and no other file.
			expect(videoURLs.map((url) => records.downloadsOf(url))).toEqual(videoURLs.map(() => [200]));
			expect(downloads).toHaveLength(TASKS);
			expect(callbacksPerTask.filter((count) => count === 0)).toEqual([]);
			// Postgres holds one row per item of these executions, none orphaned.
			expect(
				binaryRowsOf(executionIds)
					.map((row) => row.fileId)
					.sort(),
			).toEqual(fileIds.sort());
			// The tasks did end as the case says.
			expect(ends).toHaveLength(TASKS);
			if (timing === 'together') expect(endSpreadMs).toBeLessThan(1000);
			// The emulator's timers fire to the millisecond: one step of slack.
			else expect(endSpreadMs).toBeGreaterThanOrEqual(STAGGER_STEP_MS * (TASKS - 2));
			// Every callback delivery answered 2xx (last: on a loaded 2-core machine n8n 2.41's main answers callbacks
			// arriving together after the emulator's 10 s, though it resumes every execution; see the figures above).
			expect(Object.keys(answers).filter((status) => !/^2\d\d$/.test(status))).toEqual([]);
		},
	);
});
