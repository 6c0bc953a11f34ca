/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- repository tooling that prints to the terminal, not node code */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { node, startNode, workflow } from '../test/harness';
import { startEnvironment } from '../test/support/environment';

// npm run demo: starts the local API emulator and runs two example workflows headlessly through n8n's
// workflow engine (n8n-core's WorkflowExecute), the same way n8n runs them, then prints what came out.

const WAITING = { firstPollSeconds: 0.5, maxPollSeconds: 1, timeoutMinutes: 2 };

function describe(item: INodeExecutionData): IDataObject {
	const binary = Object.entries(item.binary ?? {}).map(
		([field, data]) => `${field}: ${data.fileName} (${data.mimeType}, ${data.fileSize ?? '?'})`,
	);
	return { ...item.json, ...(binary.length ? { binary } : {}) };
}

async function main(): Promise<void> {
	const { emulator, harness, close } = await startEnvironment(
		{ knobs: { runware: { generationMs: 2000 }, useapi: { generationMs: 3000 } } },
		{ binaryMode: 'filesystem' },
	);
	console.log(`Local API emulator on ${emulator.url}\n`);

	try {
		const runs = [
			{
				title: 'Runware Video: text to video (KlingAI 2.1 Master), wait for completion, download',
				node: node(
					'Runware Video',
					'n8n-nodes-ai-video.runwareVideo',
					{
						model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
						positivePrompt: '={{ $json.prompt }}',
						duration: 5,
						waitingOptions: WAITING,
					},
					{ credentials: ['runwareApi'] },
				),
			},
			{
				title: 'Runway Video: text to video (Gen-4.5), wait for completion, download',
				node: node(
					'Runway Video',
					'n8n-nodes-ai-video.runwayVideo',
					{ model: 'gen4.5', text_prompt: '={{ $json.prompt }}', waitingOptions: WAITING },
					{ credentials: ['useApiApi'] },
				),
			},
		];
		const items = [{ json: { prompt: 'A paper boat drifting down a rainy street, cinematic' } }];
		for (const run of runs) {
			console.log(`▶ ${run.title}`);
			const started = Date.now();
			const result = await harness.runWorkflow({
				...workflow([startNode(items), run.node]),
				timeoutMs: 120_000,
			});
			if (result.status !== 'success') {
				throw new Error(`${run.title} ended ${result.status}: ${result.error?.message ?? ''}`);
			}
			for (const item of result.output(run.node.node.name)) console.log(describe(item));
			console.log(`  finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
		}
	} finally {
		await close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
