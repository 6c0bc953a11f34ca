import { childMain, sampleRss, type RssReport } from '../child';
import { benchHarness, NODE_NAME, oneNode, TYPES, type ApiEndpoints } from '../env';

/** What the parent asks of one measured run. */
export interface MemoryRun {
	api: ApiEndpoints;
	client: 'ours' | 'reference';
}

/** What the run reports: resident set sizes in bytes. */
export interface MemoryReport extends RssReport {
	fileSize: number;
}

const WORKFLOWS = {
	ours: () =>
		oneNode(
			TYPES.runwareVideo,
			{
				model: { __rl: true, mode: 'list', value: 'openai:3@1' },
				positivePrompt: 'A glacier calving into the sea',
				duration: 4,
				returnAs: 'binary',
				waitingOptions: { firstPollSeconds: 0.05, maxPollSeconds: 0.05, timeoutMinutes: 5 },
			},
			[{ json: {} }],
		),
	reference: () =>
		oneNode(
			TYPES.reference,
			{
				provider: 'runware',
				model: 'openai:3@1',
				prompt: 'A glacier calving into the sea',
				pollSeconds: 0.05,
				download: true,
			},
			[{ json: {} }],
		),
};

/** One run that downloads the video into filesystem binary data, its RSS sampled all along. */
async function measure(run: MemoryRun): Promise<MemoryReport> {
	const harness = await benchHarness(run.api, { binaryMode: 'filesystem' });
	try {
		const { value: result, ...rss } = await sampleRss(
			async () => await harness.runWorkflow({ ...WORKFLOWS[run.client](), timeoutMs: 600_000 }),
		);
		const [item] = result.output(NODE_NAME);
		return { ...rss, fileSize: item?.binary?.data?.bytes ?? 0 };
	} finally {
		await harness.close();
	}
}

childMain(measure);
