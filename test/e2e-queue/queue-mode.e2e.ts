import { useEmulator, useN8nApp } from '../e2e/support/fixtures';
import { readExecution, waitForExecution } from '../e2e/support/executions';
import { e2eState } from '../e2e/support/state';
import {
	callbacksTo,
	createWebhookWorkflow,
	expectRanOnWorkers,
	expectVideosInPostgres,
	RUNWARE_EXAMPLE,
	triggerWebhook,
	VIDEO_NODE,
} from './support';

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
		const workflow = await createWebhookWorkflow(app(), 'Queue e2e: webhook to video', 'wait');
		const executionId = await triggerWebhook(app(), workflow, {
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
		const workflow = await createWebhookWorkflow(app(), 'Queue e2e: resume on webhook', 'webhook');
		const executionId = await triggerWebhook(app(), workflow, { prompts });

		expect(await waitForExecution(app().page, executionId, ['new', 'running'])).toBe('waiting');
		await waitForExecution(app().page, executionId);
		const execution = await readExecution(app().page, executionId);
		expect({ status: execution.status, error: execution.error }).toEqual({ status: 'success' });
		expectRanOnWorkers(executionId);
		const callbacks = callbacksTo(emulator(), executionId);
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
