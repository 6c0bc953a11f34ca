/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as path from 'node:path';

import type { ImportedExample } from '../../scripts/n8n-local/examples';
import { readWorkflowFile } from '../../scripts/n8n-local/examples';
import { REPO_ROOT } from '../../scripts/n8n-local/paths';
import { readExecution } from './support/executions';
import { useEmulator, useN8nApp } from './support/fixtures';
import { e2eState } from './support/state';

/** The nodes a workflow ends with (no outgoing connection): where its result shows. */
function finalNodes(example: ImportedExample): string[] {
	const workflow = readWorkflowFile(path.join(REPO_ROOT, example.file));
	return workflow.nodes
		.map((node) => String(node.name))
		.filter((name) => !(name in workflow.connections));
}

/** Whether the example starts from n8n's manual trigger; the others run as production executions (triggers.e2e.ts). */
function runsByHand(example: ImportedExample): boolean {
	return readWorkflowFile(path.join(REPO_ROOT, example.file)).nodes.some(
		(node) => node.type === 'n8n-nodes-base.manualTrigger',
	);
}

/**
 * Every `examples/*.json` with a manual trigger as a user gets it from `npm start`: imported, credentials wired, opened in the editor,
 * run from its manual trigger against the emulator; every item of its last node carries the video as an MP4.
 */
describe('example workflows', () => {
	const examples = e2eState().examples.filter(runsByHand);
	if (examples.length === 0) {
		it.todo('add example workflows to examples/ (none yet)');
		return;
	}
	const app = useN8nApp();
	useEmulator();

	it.each(examples.map((example) => [example.file, example]))(
		'%s opens without node issues, runs to success and outputs the MP4',
		async (_file, example) => {
			const editor = await app().openWorkflow(example.id);
			const slug = example.file.replace(/^examples\//, '').replace(/\.json$/, '');
			await app().screenshot(`example-${slug}`);
			expect(await editor.nodesWithIssues()).toEqual([]);

			const { executionId, status } = await editor.run();
			// A workflow paused for a provider callback resumes when the emulator calls back.
			const final = status === 'waiting' ? await editor.waitForExecution(executionId) : status;
			await app().screenshot(`example-${slug}-run`);
			expect(final).toBe('success');

			const execution = await readExecution(app().page, executionId);
			for (const nodeName of finalNodes(example)) {
				const items = execution.output(nodeName);
				const details = await editor.openNode(nodeName);
				const files = await details.outputBinaries();
				await app().screenshot(`example-${slug}-output`);
				expect(items.length).toBeGreaterThan(0);
				expect(items.map((item) => typeof item.json.videoURL)).toEqual(items.map(() => 'string'));
				// The output panel shows each item's video as a file.
				expect(files).toEqual(
					items.map(() => ({
						field: 'data',
						fileName: expect.stringMatching(/\.mp4$/),
						mimeType: 'video/mp4',
					})),
				);
				await details.close();
			}
		},
	);
});
