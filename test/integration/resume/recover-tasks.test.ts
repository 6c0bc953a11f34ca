import type { IDataObject, INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import { node, startNode, workflow, type RunWorkflowInput } from '../../harness';
import { NODE_TYPES, startEnvironment, type Environment } from '../../support/environment';
import { FAST_WAITING } from '../setup';
import { NODE_NAME, resumeRun } from './setup';

/*
 * In queue mode, callbacks that arrive while no worker runs leave an execution that n8n's crash recovery later
 * marks crashed: the videos never reach the workflow, though the tasks were paid for. The task ids must be readable
 * from the execution's stored data — while it waits, and as the resume stored it — and Poll Task must fetch the
 * videos from them, without creating any task again.
 */

const ITEMS = 3;

interface ProviderCase {
	name: string;
	provider: 'runware' | 'runway';
	credential: string;
	idField: string;
	createRoute: string;
	video: RunWorkflowInput;
}

const videoRun = (type: string, credential: string, parameters: IDataObject): RunWorkflowInput =>
	resumeRun(ITEMS, type, credential, parameters);

const cases: ProviderCase[] = [
	{
		name: 'Runware Video',
		provider: 'runware',
		credential: 'runwareApi',
		idField: 'taskUUID',
		createRoute: 'runware.videoInference',
		video: videoRun(NODE_TYPES.runwareVideo, 'runwareApi', {
			model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
			positivePrompt: '={{ $json.prompt }}',
			duration: 5,
		}),
	},
	{
		name: 'Runway Video',
		provider: 'runway',
		credential: 'useApiApi',
		idField: 'taskId',
		createRoute: 'useapi.create',
		video: videoRun(NODE_TYPES.runwayVideo, 'useApiApi', {
			model: 'gen4.5',
			text_prompt: '={{ $json.prompt }}',
		}),
	},
];

/** The node's items in stored execution data: the waiting (or resumed) stack entry, else its last run's output. */
function storedItems(data: IRunExecutionData): INodeExecutionData[] {
	const stacked = data.executionData?.nodeExecutionStack.find(
		(entry) => entry.node.name === NODE_NAME,
	);
	return stacked?.data.main[0] ?? data.resultData.runData[NODE_NAME]?.at(-1)?.data?.main[0] ?? [];
}

describe.each(cases)('$name: task ids recovered from the stored execution', (subject) => {
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment(
			{ knobs: { useapi: { progressCallbacks: 0 } } },
			{ binaryMode: 'filesystem' },
		);
		await env.harness.listenForResume();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	/** Poll Task fed with nothing but the task ids: every video, paired, and no task created again. */
	async function pollTaskGets(taskIds: string[]): Promise<void> {
		const creates = env.emulator.requestsTo(subject.createRoute).length;
		const result = await env.harness.runWorkflow(
			workflow([
				startNode(taskIds.map((id) => ({ json: { [subject.idField]: id } }))),
				node(
					'Poll Task',
					NODE_TYPES.pollTask,
					{ provider: subject.provider, waitingOptions: FAST_WAITING, returnAs: 'binary' },
					{ credentials: [subject.credential] },
				),
			]),
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Poll Task');
		expect(output.map((item) => item.json[subject.idField])).toEqual(taskIds);
		for (const item of output) {
			expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', id: expect.any(String) });
		}
		expect(env.emulator.requestsTo(subject.createRoute)).toHaveLength(creates);
	}

	it('while the execution waits, its stored data and shown output name every task', async () => {
		env.emulator.setKnobs({ runware: { callbacks: 'never' }, useapi: { callbacks: 'never' } });
		const waiting = await env.harness.runWorkflow(subject.video);
		expect(waiting.status).toBe('waiting');

		const stored = env.harness.storedExecution(waiting.executionId).at(-1);
		expect(stored?.status).toBe('waiting');
		const shown = stored?.data.resultData.runData[NODE_NAME]?.at(-1)?.data?.main[0] ?? [];
		const taskIds = storedItems(stored!.data).map((item) => String(item.json[subject.idField]));
		expect(shown.map((item) => item.json[subject.idField])).toEqual(taskIds);
		expect(new Set(taskIds).size).toBe(ITEMS);

		await pollTaskGets(taskIds);
	});

	it('once a callback resumed it, the data stored with the resume (what a crash leaves) names every task', async () => {
		const waiting = await env.harness.runWorkflow(subject.video);
		const waitingIds = waiting.output(NODE_NAME).map((item) => String(item.json[subject.idField]));
		await env.harness.awaitResumedRun(waiting.resume!, 20_000);

		const claimed = env.harness
			.storedExecution(waiting.executionId)
			.find((write) => write.status === 'running');
		const taskIds = storedItems(claimed!.data).map((item) => String(item.json[subject.idField]));
		expect(taskIds).toEqual(waitingIds);

		await pollTaskGets(taskIds);
	});
});
