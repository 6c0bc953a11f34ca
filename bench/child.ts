/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- bench tooling: each measured run is a child process of its own */
import { spawn } from 'node:child_process';

const TASK_VARIABLE = 'BENCH_CHILD_TASK';

/** Runs `script` in a fresh process (so that its RSS peak is its own) with `task`; resolves with its report. */
export async function runInChild<Report>(script: string, task: unknown): Promise<Report> {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
		env: { ...process.env, [TASK_VARIABLE]: JSON.stringify(task) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`The bench run ${script} exited with ${String(code)}`);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Report;
}

/** In the child: its task, then its report on stdout (or the error on stderr, exit code 1). */
export function childMain<Task, Report>(measure: (task: Task) => Promise<Report>): void {
	measure(JSON.parse(process.env[TASK_VARIABLE] ?? '') as Task).then(
		(report) => process.stdout.write(`${JSON.stringify(report)}\n`),
		(error: unknown) => {
			process.stderr.write(
				`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			process.exitCode = 1;
		},
	);
}

/** Resident set sizes in bytes around one measured piece of work. */
export interface RssReport {
	baselineRss: number;
	peakRss: number;
	/** The process's peak RSS as the OS counts it (getrusage), start-up included. */
	maxRss: number;
	elapsedMs: number;
}

const SAMPLE_EVERY_MS = 5;

/** Runs `work`, sampling the process's RSS every 5 ms from a collected baseline. */
export async function sampleRss<T>(work: () => Promise<T>): Promise<RssReport & { value: T }> {
	(globalThis as { gc?: () => void }).gc?.();
	const baselineRss = process.memoryUsage.rss();
	let peakRss = baselineRss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	}, SAMPLE_EVERY_MS);
	const started = Date.now();
	try {
		const value = await work();
		return {
			value,
			baselineRss,
			peakRss: Math.max(peakRss, process.memoryUsage.rss()),
			maxRss: process.resourceUsage().maxRSS * 1024,
			elapsedMs: Date.now() - started,
		};
	} finally {
		clearInterval(sampler);
	}
}
