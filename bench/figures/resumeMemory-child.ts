import { childMain, sampleRss, type RssReport } from '../child';
import { benchHarness, items, NODE_NAME, oneNode, TYPES, type ApiEndpoints } from '../env';

/** What the parent asks of one measured run. */
export interface ResumeMemoryRun {
	api: ApiEndpoints;
	executions: number;
	itemsPerExecution: number;
}

export interface ResumeMemoryReport extends RssReport {
	/** Items of the resumed executions that came out with a stored video. */
	videos: number;
	/** Their stored sizes, summed. */
	storedBytes: number;
}

const NODE_ID = 'bench-resume-memory-node';

const resumeRun = (count: number) =>
	oneNode(
		TYPES.runwareVideo,
		{
			model: { __rl: true, mode: 'list', value: 'openai:3@1' },
			positivePrompt: '={{ "A glacier calving into the sea, take " + $json.index }}',
			duration: 4,
			waitMode: 'webhook',
			returnAs: 'binary',
			waitingOptions: { firstPollSeconds: 0.05, maxPollSeconds: 0.05, timeoutMinutes: 10 },
		},
		items(count),
		NODE_ID,
	);

/**
 * Starts the executions together, lets each wait on its callbacks, and samples the process's RSS until every one
 * has resumed: the callbacks' resume steps download all the videos into filesystem binary data, as n8n's process
 * serving the resume URLs does.
 */
async function measure(run: ResumeMemoryRun): Promise<ResumeMemoryReport> {
	const harness = await benchHarness(run.api, { binaryMode: 'filesystem' });
	try {
		await harness.listenForResume();
		const { value: resumed, ...rss } = await sampleRss(async () => {
			const started = Array.from({ length: run.executions }, () =>
				harness.startWorkflow({ ...resumeRun(run.itemsPerExecution), timeoutMs: 600_000 }),
			);
			const waiting = await Promise.all(started.map(async ({ result }) => await result));
			return await Promise.all(
				waiting.map(async (result) => {
					if (!result.resume) throw new Error(`Execution ${result.executionId} did not wait`);
					return await harness.awaitResumedRun(result.resume, 600_000);
				}),
			);
		});
		const binaries = resumed.flatMap((result) =>
			result.output(NODE_NAME).flatMap((item) => (item.binary?.data ? [item.binary.data] : [])),
		);
		return {
			...rss,
			videos: binaries.length,
			storedBytes: binaries.reduce((sum, binary) => sum + Number(binary.bytes ?? 0), 0),
		};
	} finally {
		await harness.close();
	}
}

childMain(measure);
