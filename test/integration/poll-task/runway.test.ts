import { startNode, workflow } from '../../harness';
import { FIRST, items, pollTask, runwaySubmit, setup, type Setup } from './setup';

const UNKNOWN_TASK = `user:1-runwayml:${FIRST}-task:00000000-0000-4000-8000-000000000000`;
const AN_ASSET = `user:1-runwayml:${FIRST}-asset:00000000-0000-4000-8000-000000000000`;

describe('Poll Task: Runway', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({ binaryMode: 'filesystem', credentialEmail: FIRST });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	const submitThenPoll = (parameters = {}, count = 1) =>
		workflow([startNode(items(count)), runwaySubmit(), pollTask('runway', parameters)]);

	it('waits for a submitted task and outputs it as the video node does, as an MP4', async () => {
		const result = await env.harness.runWorkflow(
			submitThenPoll({ returnAs: 'binary', binaryPropertyName: 'video' }),
		);
		expect(result.error).toBeUndefined();
		const [submitted] = result.output('Runway Video');
		expect(submitted.json.status).toBe('PENDING');
		const [item, ...rest] = result.output('Poll Task');
		expect(rest).toEqual([]);
		expect(item.json).toMatchObject({
			taskId: submitted.json.taskId,
			status: 'SUCCEEDED',
			model: 'gen4.5',
			videoURL: expect.stringContaining(env.emulator.url),
			artifacts: [expect.objectContaining({ url: expect.any(String) })],
		});
		expect(item.binary?.video).toMatchObject({
			mimeType: 'video/mp4',
			fileName: expect.stringMatching(/\.mp4$/),
			id: expect.stringMatching(/^filesystem/),
		});
		const [download] = env.emulator.requestsTo('files');
		expect(download.headers.authorization).toBeUndefined();
		// The task ID goes into the path raw.
		for (const request of env.emulator.requestsTo('useapi.task')) {
			expect(request.path).toBe(`/useapi/v1/runwayml/tasks/${String(submitted.json.taskId)}`);
		}
	});

	it('waits for several tasks together, reading each task on its own', async () => {
		const result = await env.harness.runWorkflow(submitThenPoll({}, 3));
		expect(result.error).toBeUndefined();
		const tasks = result.output('Runway Video').map((item) => item.json.taskId);
		const output = result.output('Poll Task');
		expect(output.map((item) => [item.json.taskId, item.json.status])).toEqual(
			tasks.map((taskId) => [taskId, 'SUCCEEDED']),
		);
		const read = new Set(env.emulator.requestsTo('useapi.task').map((request) => request.path));
		expect(read.size).toBe(3);
	});

	it('checks once: a running task gives its status and progress, a finished one its video', async () => {
		env.emulator.setKnobs({ useapi: { generationMs: 1500 } });
		const submitted = await env.harness.runWorkflow(workflow([startNode(), runwaySubmit()]));
		const task = submitted.output('Runway Video')[0].json;
		const check = () =>
			env.harness.runWorkflow(
				workflow([startNode([{ json: task }]), pollTask('runway', { operation: 'check' })]),
			);

		const running = await check();
		const [snapshot] = running.output('Poll Task');
		expect(snapshot.json).toMatchObject({ taskId: task.taskId, model: 'gen4.5' });
		expect(['PENDING', 'RUNNING']).toContain(snapshot.json.status);
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(1);

		await env.emulator.waitForEvent(
			(event) => event.type === 'taskDone' && event.taskId === task.taskId,
		);
		const done = await check();
		expect(done.output('Poll Task')[0].json).toMatchObject({
			taskId: task.taskId,
			status: 'SUCCEEDED',
			videoURL: expect.any(String),
		});
	});

	it("fails an item with Runway's reason, or outputs it as an error item with continue-on-fail", async () => {
		env.emulator.queueOutcomes('useapi', 'failure');
		const failing = await env.harness.runWorkflow(submitThenPoll());
		expect(failing.error?.message).toMatch(
			/^Runway task user:.+ failed: An unexpected error occurred while generating your video\. \(INTERNAL\.BAD_OUTPUT\.CODE01\)$/,
		);

		env.emulator.queueOutcomes('useapi', 'success', 'moderated');
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(items(2)),
				runwaySubmit(),
				pollTask('runway', {}, { continueOnFail: true }),
			]),
		);
		const output = result.output('Poll Task');
		expect(output[0].json.status).toBe('SUCCEEDED');
		expect(output[1].json).toMatchObject({
			error: expect.stringContaining("Runway's moderation refused task"),
			taskId: result.output('Runway Video')[1].json.taskId,
		});
	});

	it('names an unknown task, and refuses an asset ID or other text without asking useapi.net', async () => {
		const result = await env.harness.runWorkflow(
			workflow([
				startNode([
					{ json: { taskId: UNKNOWN_TASK } },
					{ json: { taskId: AN_ASSET } },
					{ json: { taskId: 'task-42' } },
				]),
				pollTask('runway', { operation: 'check' }, { continueOnFail: true }),
			]),
		);
		const output = result.output('Poll Task');
		expect(output[0].json).toMatchObject({
			error: `useapi.net does not know the task ${UNKNOWN_TASK}`,
			description: expect.stringContaining('Check the task ID'),
			taskId: UNKNOWN_TASK,
		});
		expect(output[1].json.error).toBe(`taskId "${AN_ASSET}" is a Runway asset ID, not a task ID`);
		expect(output[2].json.error).toBe(
			'taskId "task-42" is not a useapi.net Runway task ID (user:<number>-runwayml:<account email>-task:<uuid>)',
		);
		expect(env.emulator.requestsTo('useapi.task')).toHaveLength(1);

		const waiting = await env.harness.runWorkflow(
			workflow([startNode([{ json: { taskId: UNKNOWN_TASK } }]), pollTask('runway')]),
		);
		expect(waiting.error?.message).toBe(`useapi.net does not know the task ${UNKNOWN_TASK}`);
	});

	it('stops at the timeout, naming the task still running', async () => {
		env.emulator.setKnobs({ useapi: { generationMs: 60_000 } });
		const result = await env.harness.runWorkflow(
			submitThenPoll({
				waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.01 },
			}),
		);
		const taskId = String(result.output('Runway Video')[0].json.taskId);
		expect(result.error?.message).toContain(`Runway task ${taskId} was still running after 1 s`);
		expect(result.error?.description).toContain(`taskId "${taskId}"`);
	});

	it('stops waiting when the execution is cancelled', async () => {
		env.emulator.setKnobs({ useapi: { generationMs: 60_000 } });
		const started = Date.now();
		const result = await env.harness.runWorkflow({ ...submitThenPoll(), cancelAfterMs: 800 });
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
