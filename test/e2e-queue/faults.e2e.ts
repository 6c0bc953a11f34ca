/* eslint-disable no-console -- the report of what n8n did in each fault case */
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import type { ExecutionStatus } from '../e2e/pages/workflow-editor';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { e2eState } from '../e2e/support/state';
import { orderStack } from './control';
import { EmulatorRecords } from './support/records';
import { expectVideosInPostgres, logsWith, queueState } from './support/stack';
import {
	createPollTaskWorkflow,
	createWebhookWorkflow,
	POLL_NODE,
	RUNWARE_VIDEO,
	triggerWebhook,
} from './support/workflows';

const VIDEO_NODE = RUNWARE_VIDEO.node;

const WORKERS = [0, 1];
const PROMPTS = [
	'A red kite over a beach',
	'A paper boat in the rain',
	'A city at dawn, timelapse',
];

/**
 * Faults of the queue-mode stack while Resume on Webhook executions wait for the provider: a worker killed, every
 * worker stopped when the callbacks come, Redis restarted. The emulator's tasks end only when a test says so.
 */
describe('queue mode: faults while Resume on Webhook executions wait', () => {
	const app = useN8nApp();
	const emulator = useEmulator();
	let records: EmulatorRecords;
	beforeAll(() => {
		emulator().setKnobs({ runware: { generationMs: 3_600_000 } });
		records = new EmulatorRecords(emulator());
	});

	afterAll(async () => {
		// The other test files find the stack whole again.
		await allWorkers('restartWorker');
	});

	const createdTasks = () =>
		emulator()
			.events.filter((event) => event.type === 'taskCreated')
			.map((event) => event.taskId);

	/** Starts an execution of a new workflow; returns once it waits, with the tasks its video node created. */
	async function startWaiting(
		prompts: string[],
	): Promise<{ executionId: string; tasks: string[] }> {
		const workflow = await createWebhookWorkflow(
			app().page,
			'Queue e2e: faults',
			RUNWARE_VIDEO,
			'webhook',
		);
		const executionId = await triggerWebhook(app().page, workflow, { prompts });
		expect(await waitForExecution(app().page, executionId, ['new', 'running'])).toBe('waiting');
		const tasks = (await readExecution(app().page, executionId))
			.output(VIDEO_NODE)
			.map((item) => item.json.taskUUID as string);
		expect(tasks).toHaveLength(prompts.length);
		return { executionId, tasks };
	}

	/** Ends the tasks now; resolves once the emulator has delivered every callback (with its retries). */
	async function endTasks(tasks: readonly string[]): Promise<void> {
		for (const task of tasks) emulator().forceOutcome(task, 'success', { immediately: true });
		await Promise.all(
			tasks.map(
				async (task) =>
					await emulator().waitForEvent(
						(event) => event.type === 'callback' && event.taskId === task,
						60_000,
					),
			),
		);
	}

	/** The execution succeeded with one stored video per item, each from its own task, in item order. */
	async function expectVideos(
		executionId: string,
		node: string,
		tasks: readonly string[],
	): Promise<INodeExecutionData[]> {
		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		const items = execution.output(node);
		expect(items.map((item) => item.json.taskUUID)).toEqual(tasks);
		expectVideosInPostgres(executionId, items);
		return items;
	}

	/**
	 * A new Poll Task workflow fed the ids gets every task's video; no task was created since `createdBefore` tasks
	 * existed but the execution's own.
	 */
	async function recoverWithPollTask(
		ids: readonly unknown[],
		tasks: readonly string[],
		createdBefore: number,
	): Promise<void> {
		const poll = await createPollTaskWorkflow(app().page, 'Queue e2e: recover the videos');
		const pollId = await triggerWebhook(app().page, poll, {
			tasks: ids.map((taskUUID) => ({ taskUUID })),
		});
		expect(await waitForExecution(app().page, pollId)).toBe('success');
		await expectVideos(pollId, POLL_NODE, tasks);
		expect(createdTasks().slice(createdBefore)).toEqual(tasks);
	}

	/** The worker whose log says it started the execution. */
	function workerThatStarted(executionId: string): number {
		const worker = WORKERS.find(
			(index) =>
				logsWith([queueState().workerLogs[index]], `Worker started execution ${executionId} (job`)
					.length > 0,
		);
		if (worker === undefined) throw new Error(`No worker started execution ${executionId}`);
		return worker;
	}

	/** Has every worker killed (SIGKILL) or started again. */
	async function allWorkers(action: 'killWorker' | 'restartWorker'): Promise<void> {
		await Promise.all(WORKERS.map(async (worker) => await orderStack({ action, worker })));
	}

	/** Waits until the execution leaves the statuses of a run still going; reports what n8n made of it. */
	async function settle(executionId: string): Promise<ExecutionStatus> {
		return await waitForExecution(app().page, executionId, ['new', 'running']);
	}

	it('a worker SIGKILLed while the execution waits and restarted before the callbacks: every video, no task twice', async () => {
		const { executionId, tasks } = await startWaiting(PROMPTS);
		const ranOn = workerThatStarted(executionId);
		await orderStack({ action: 'killWorker', worker: ranOn });
		await orderStack({ action: 'restartWorker', worker: ranOn });

		await endTasks(tasks);
		const status = await waitForExecution(app().page, executionId);
		const callbacks = records.callbacksTo([executionId]);
		console.log(
			`SIGKILL + restart before callbacks: execution ${executionId} ${status}; callbacks answered ${callbacks.map((c) => c.attempts.join('/')).join(', ')}; creates ${createdTasks().length}`,
		);
		expect(status).toBe('success');
		expect(callbacks.map((callback) => callback.result)).toEqual(tasks.map(() => 200));
		await expectVideos(executionId, VIDEO_NODE, tasks);
		expect(createdTasks()).toEqual(tasks);
	});

	it("callbacks while no worker runs: crashed by the restarted worker's recovery, the task ids stay in the execution, Poll Task gets every video, nothing created again", async () => {
		const createdBefore = createdTasks().length;
		const { executionId, tasks } = await startWaiting(PROMPTS);
		await allWorkers('killWorker');

		await endTasks(tasks);
		const callbacks = records.callbacksTo([executionId]);
		const statusWithoutWorkers = (await readExecution(app().page, executionId)).status;
		// The worker that started the execution comes back first: its crash recovery reads its own event log.
		await orderStack({ action: 'restartWorker', worker: workerThatStarted(executionId) });
		const status = await settle(executionId);
		const saved = await savedTaskIds(executionId);
		console.log(
			`Callbacks while no worker runs: answered ${callbacks.map((c) => c.attempts.join('/')).join(', ')}; execution ${executionId} ${statusWithoutWorkers} before a worker started, then ${status}; task ids in its saved data (public API, status ${saved.status}): ${saved.tasks.length}`,
		);
		// Main resumed the execution and queued its job; the restarted worker's startup recovery finds in its event log
		// an execution it started and never finished (it was killed), now running: n8n marks it crashed.
		expect({ statusWithoutWorkers, status, saved: saved.status }).toEqual({
			statusWithoutWorkers: 'running',
			status: 'crashed',
			saved: 'crashed',
		});
		expect(callbacks.map((callback) => callback.result)).toEqual(tasks.map(() => 200));
		expect(saved.tasks).toEqual(tasks);

		await recoverWithPollTask(saved.tasks, tasks, createdBefore);
	});

	it("the resumed job lost with Redis while no worker runs: crashed at main's next start, Poll Task gets the videos from the saved ids", async () => {
		const createdBefore = createdTasks().length;
		const { executionId, tasks } = await startWaiting(PROMPTS);
		await allWorkers('killWorker');
		await endTasks(tasks);
		const statusWithoutWorkers = (await readExecution(app().page, executionId)).status;
		// Redis runs without persistence here: the job main queued for the resumed execution is gone.
		await orderStack({ action: 'restartRedis' });
		await orderStack({ action: 'restartMain' });
		await allWorkers('restartWorker');
		const status = await settle(executionId);
		const saved = await savedTaskIds(executionId);
		const callbacks = records.callbacksTo([executionId]);
		console.log(
			`Resumed job lost with Redis: callbacks answered ${callbacks.map((c) => c.attempts.join('/')).join(', ')}; execution ${executionId} ${statusWithoutWorkers} without workers, ${status} after main's restart; task ids in its saved data (public API, status ${saved.status}): ${saved.tasks.length}`,
		);
		expect(callbacks.map((callback) => callback.result)).toEqual(tasks.map(() => 200));
		expect({ statusWithoutWorkers, status }).toEqual({
			statusWithoutWorkers: 'running',
			status: 'crashed',
		});
		expect(saved.tasks).toEqual(tasks);

		await recoverWithPollTask(saved.tasks, tasks, createdBefore);
	});

	it('Redis restarted while executions wait: the callbacks still resume them', async () => {
		const createdBefore = createdTasks().length;
		const waiting = [await startWaiting(PROMPTS.slice(0, 2)), await startWaiting(PROMPTS.slice(1))];
		await orderStack({ action: 'restartRedis' });

		await endTasks(waiting.flatMap((execution) => execution.tasks));
		for (const { executionId, tasks } of waiting) {
			const status = await waitForExecution(app().page, executionId);
			const callbacks = records.callbacksTo([executionId]);
			console.log(
				`Redis restarted: execution ${executionId} ${status}; callbacks answered ${callbacks.map((c) => c.attempts.join('/')).join(', ')}`,
			);
			expect(callbacks.map((callback) => callback.result)).toEqual(tasks.map(() => 200));
			await expectVideos(executionId, VIDEO_NODE, tasks);
		}
		expect(createdTasks().slice(createdBefore).sort()).toEqual(
			waiting.flatMap((execution) => execution.tasks).sort(),
		);
	});

	/**
	 * The task ids in an execution's saved data as n8n's public API gives it (read with an API key made for the
	 * purpose): a crashed or still waiting execution holds them as the video node's waiting input (README, "An
	 * execution marked crashed"), a finished one in the video node's output.
	 */
	async function savedTaskIds(executionId: string): Promise<{ status: string; tasks: unknown[] }> {
		const request = app().page.request;
		const created = await request.post('/rest/api-keys', {
			data: { label: `e2e ${executionId}`, scopes: ['execution:read'], expiresAt: null },
		});
		expect(created.status()).toBe(200);
		const { rawApiKey } = ((await created.json()) as { data: { rawApiKey: string } }).data;
		const response = await fetch(
			`${e2eState().n8nUrl}/api/v1/executions/${executionId}?includeData=true`,
			{ headers: { 'X-N8N-API-KEY': rawApiKey } },
		);
		expect(response.status).toBe(200);
		const { status, data } = (await response.json()) as { status: string; data: IRunExecutionData };
		const items =
			status === 'success'
				? (data.resultData.runData[VIDEO_NODE]?.at(-1)?.data?.main[0] ?? [])
				: (data.executionData?.nodeExecutionStack[0]?.data.main[0] ?? []);
		return { status, tasks: items.map((item) => item.json.taskUUID) };
	}
});
