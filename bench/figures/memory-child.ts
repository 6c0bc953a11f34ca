/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a bench child process: it reads its task from the environment and reports on stdout */
import { benchHarness, NODE_NAME, oneNode, TYPES, type ApiEndpoints } from '../env';

/** What the parent asks of one measured run. */
export interface MemoryRun {
	api: ApiEndpoints;
	client: 'ours' | 'reference';
}

/** What the run reports: resident set sizes in bytes. */
export interface MemoryReport {
	baselineRss: number;
	peakRss: number;
	/** The process's peak RSS as the OS counts it (getrusage), start-up included. */
	maxRss: number;
	fileSize: number;
	elapsedMs: number;
}

const SAMPLE_EVERY_MS = 5;

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
async function main(): Promise<void> {
	const run = JSON.parse(process.env.BENCH_MEMORY_RUN ?? '') as MemoryRun;
	const harness = await benchHarness(run.api, { binaryMode: 'filesystem' });
	(globalThis as { gc?: () => void }).gc?.();
	const baselineRss = process.memoryUsage.rss();
	let peakRss = baselineRss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	}, SAMPLE_EVERY_MS);
	const started = Date.now();
	const result = await harness.runWorkflow({ ...WORKFLOWS[run.client](), timeoutMs: 600_000 });
	const elapsedMs = Date.now() - started;
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage.rss());
	const [item] = result.output(NODE_NAME);
	const report: MemoryReport = {
		baselineRss,
		peakRss,
		maxRss: process.resourceUsage().maxRSS * 1024,
		fileSize: item?.binary?.data?.bytes ?? 0,
		elapsedMs,
	};
	await harness.close();
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
