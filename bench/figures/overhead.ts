/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- bench tooling: the figure compiles the package */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { runInChild } from '../child';
import type { Figure, Measure } from '../report';
import { median, progress } from '../report';

/** What the parent asks: how many items per run, how many timed rounds, where the compiled package is. */
export interface OverheadTask {
	items: number;
	warmUpItems: number;
	rounds: number;
	compiledDir: string;
}

export const CLIENTS = ['ours', 'reference', 'ideal'] as const;
export type Client = (typeof CLIENTS)[number];

/** One round (an execution of all items) of one client of one node. */
export interface OverheadRun {
	/** CPU time of the process (user + system) per item, µs: time the machine gave to other jobs is not in it. */
	cpuMicroseconds: number;
	/** Elapsed time per item, µs. */
	wallMicroseconds: number;
}

/** Per node label, per client: the runs in the order of the rounds. */
export type OverheadReport = Record<string, Record<Client, OverheadRun[]>>;

const ROOT = join(__dirname, '..', '..');
const TASK: OverheadTask = {
	items: 10_000,
	warmUpItems: 1_000,
	rounds: 5,
	// Inside the checkout, so that the compiled modules find node_modules.
	compiledDir: join(ROOT, 'bench', '.compiled'),
};
const CHILD = join(__dirname, 'overhead-child.ts');

/**
 * The package compiled by tsc with its own settings, as n8n loads it. The bench's TypeScript runs through tsx,
 * whose module wrappers turn every call across modules into a getter call: that doubled the cost of the node's
 * code (many small modules) next to the reference's (a few lines in one file).
 */
function compilePackage(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	const tsc = require.resolve('typescript/bin/tsc');
	execFileSync(
		process.execPath,
		[
			tsc,
			'-p',
			'tsconfig.json',
			'--outDir',
			dir,
			'--incremental',
			'false',
			'--declaration',
			'false',
		],
		{ cwd: ROOT, stdio: 'inherit' },
	);
}

/** Figure 5: reading, checking and building 10,000 items per video node, no network. */
export async function perItemOverhead(): Promise<Figure> {
	progress(
		`figure 5: ${TASK.items} items through each video node, ${TASK.rounds} rounds (one process)`,
	);
	compilePackage(TASK.compiledDir);
	let report: OverheadReport;
	try {
		report = await runInChild<OverheadReport>(CHILD, TASK);
	} finally {
		// Not left for the linters to find.
		rmSync(TASK.compiledDir, { recursive: true, force: true });
	}
	const measures: Measure[] = Object.entries(report).flatMap(([label, runs]) => {
		const cpu = (pick: (values: number[]) => number) =>
			Object.fromEntries(
				CLIENTS.map((client) => [client, pick(runs[client].map((run) => run.cpuMicroseconds))]),
			) as Record<(typeof CLIENTS)[number], number>;
		return [
			{ label: `${label}: per item, median`, unit: 'µs CPU', ...cpu(median) },
			{
				label: `${label}: per item, best`,
				unit: 'µs CPU',
				...cpu((values) => Math.min(...values)),
			},
		];
	});
	return {
		id: 5,
		title: 'Per-item overhead',
		setup: `${TASK.items} items (prompt and duration from expressions) read, checked and built into request bodies by each video node, inside n8n's execution (getNodeParameter), no network. Each item goes through the three clients in turn (first one rotating), each build timed in CPU time; ${TASK.rounds} executions (rounds) after a warm-up, garbage collected before each: the median and the best round.`,
		measures,
		notes: [
			"Reference: reads the parameters that hold a value and builds the body, nothing checked. Ideal: n8n's floor, reading those parameters only.",
			"Ours: the node's own per-item code of a Submit Only run (every field read, checked against the model's facts, the task body built), up to the request, compiled by tsc as n8n loads it.",
			'CPU time (process.cpuUsage) leaves out the time other jobs on the machine take, and interleaving the clients item by item gives them the same machine state; the elapsed times are in results.json.',
		],
		details: report,
	};
}
