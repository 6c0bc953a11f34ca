/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- bench tooling that prints to the terminal */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { completionLatency } from './figures/latency';
import { editorResponsiveness } from './figures/loaders';
import { memoryOnLargeVideos } from './figures/memory';
import { perItemOverhead } from './figures/overhead';
import { requestsPerTask } from './figures/requests';
import { throughputUnderLimit } from './figures/throughput';
import { webhookAtScale } from './figures/webhookScale';
import { advantage, figureTable, fromIdeal, progress, type Figure } from './report';
import { SCALE } from './scale';

// npm run bench: measures the seven figures of BENCHMARKS.md against the local API emulator, side by side with a naive
// reference client, prints them and writes bench/results.json.

const FIGURES: Array<() => Promise<Figure>> = [
	requestsPerTask,
	completionLatency,
	throughputUnderLimit,
	memoryOnLargeVideos,
	perItemOverhead,
	editorResponsiveness,
	webhookAtScale,
];

/** `npm run bench -- 2 4` measures figures 2 and 4 only (and writes them alone to the JSON). */
function chosenFigures(): Array<() => Promise<Figure>> {
	const chosen = process.argv.slice(2).map(Number);
	return chosen.length === 0 ? FIGURES : chosen.map((id) => FIGURES[id - 1]).filter(Boolean);
}

async function main(): Promise<void> {
	const started = Date.now();
	const figures: Figure[] = [];
	for (const figure of chosenFigures()) {
		const result = await figure();
		figures.push(result);
		console.log(`${figureTable(result)}\n`);
	}
	const record = {
		date: new Date().toISOString(),
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		scale: SCALE,
		durationSeconds: Math.round((Date.now() - started) / 1000),
		figures: figures.map((figure) => ({
			...figure,
			measures: figure.measures.map((measure) => ({
				...measure,
				oursVsReference: advantage(measure),
				oursVsIdeal: fromIdeal(measure),
			})),
		})),
	};
	const file = join(__dirname, 'results.json');
	writeFileSync(file, `${JSON.stringify(record, null, '\t')}\n`);
	progress(`done in ${record.durationSeconds} s; results in ${file}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
