import { readExecution, waitForExecution } from '../e2e/support/executions';
import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { e2eState } from '../e2e/support/state';
import { EmulatorRecords } from './support/records';
import { expectRanOnWorkers, expectVideosInPostgres } from './support/stack';
import { createWebhookWorkflow, RUNWARE_VIDEO, triggerWebhook } from './support/workflows';

const VIDEO_NODE = RUNWARE_VIDEO.node;
/** The Runware example whose video node the webhook workflows reuse (model, duration, dimensions). */
const RUNWARE_EXAMPLE = RUNWARE_VIDEO.example;

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
		const workflow = await createWebhookWorkflow(
			app().page,
			'Queue e2e: webhook to video',
			RUNWARE_VIDEO,
			'wait',
		);
		const executionId = await triggerWebhook(app().page, workflow, {
			prompts: ['A lighthouse in a storm, waves crashing, night'],
		});

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
		const records = new EmulatorRecords(emulator());
		const workflow = await createWebhookWorkflow(
			app().page,
			'Queue e2e: resume on webhook',
			RUNWARE_VIDEO,
			'webhook',
		);
		const executionId = await triggerWebhook(app().page, workflow, { prompts });

		expect(await waitForExecution(app().page, executionId, ['new', 'running'])).toBe('waiting');
		await waitForExecution(app().page, executionId);
		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		expectRanOnWorkers(executionId);
		const callbacks = records.callbacksTo([executionId]);
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
