/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling */
import { join } from 'node:path';

import { runInChild } from '../child';
import type { Figure, Measure } from '../report';
import { median, progress } from '../report';

/** What the parent asks: how many items per run, how many timed rounds. */
export interface OverheadTask {
	items: number;
	warmUpItems: number;
	rounds: number;
}

export const CLIENTS = ['ours', 'reference', 'ideal'] as const;
export type Client = (typeof CLIENTS)[number];

/** One timed run of all items through one client of one node. */
export interface OverheadRun {
	/** CPU time of the process (user + system) per item, µs: time the machine gave to other jobs is not in it. */
	cpuMicroseconds: number;
	/** Elapsed time per item, µs. */
	wallMicroseconds: number;
}

/** Per node label, per client: the runs in the order of the rounds. */
export type OverheadReport = Record<string, Record<Client, OverheadRun[]>>;

const TASK: OverheadTask = { items: 10_000, warmUpItems: 1_000, rounds: 5 };
const CHILD = join(__dirname, 'overhead-child.ts');

/** Figure 5: reading, checking and building 10,000 items per video node, no network. */
export async function perItemOverhead(): Promise<Figure> {
	progress(
		`figure 5: ${TASK.items} items through each video node, ${TASK.rounds} rounds (one process)`,
	);
	const report = await runInChild<OverheadReport>(CHILD, TASK);
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
		setup: `${TASK.items} items (prompt and duration from expressions) read, checked and built into request bodies by each video node, inside n8n's execution (getNodeParameter), no network. CPU time of the loop per item; ${TASK.rounds} rounds after a warm-up, the three clients in a rotating order, garbage collected before each run: the median and the best round.`,
		measures,
		notes: [
			"Reference: reads the parameters that hold a value and builds the body, nothing checked. Ideal: n8n's floor, reading those parameters only.",
			"Ours: the node's own per-item code of a Submit Only run (every field read, checked against the model's facts, the task body built), up to the request.",
			'CPU time (process.cpuUsage) leaves out the time other jobs on the machine take; the elapsed times are in results.json.',
		],
		details: report,
	};
}
