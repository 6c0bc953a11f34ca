/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import { EXAMPLES_DIR, readWorkflowFile, wireCredentials } from '../../scripts/n8n-local/examples';
import type { EmulatorEvent } from '../emulator';
import { readExecution } from './support/executions';
import { useEmulator, useN8nApp } from './support/fixtures';
import { e2eState } from './support/state';

type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

const ITEMS = 5;
const GENERATION_MS = 4000;
const NODE_NAME = 'Generate Video';

/**
 * The Runware Resume on Webhook example with five prompts in place of one: its five tasks end at the same moment,
 * so five callbacks reach the real n8n together. Each video must be downloaded once and every callback answered
 * 2xx (n8n answers 500, then 409, to calls that lost the resume to another one).
 */
function fivePromptWorkflow(): Record<string, unknown> {
	const example = wireCredentials(
		readWorkflowFile(join(EXAMPLES_DIR, 'runware-resume-on-webhook.json')),
		e2eState().credentials,
	);
	const prompts = Array.from({ length: ITEMS }, (_, index) => `A hot air balloon, take ${index + 1}`);
	const trigger = example.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const video = example.nodes.find((node) => node.name === NODE_NAME);
	if (!trigger || !video) throw new Error('The Resume on Webhook example changed shape');
	const code = {
		parameters: { jsCode: `return ${JSON.stringify(prompts)}.map((prompt) => ({ json: { prompt } }));` },
		id: 'a1f2e3d4-0000-4000-8000-00000000e2e5',
		name: 'Prompts',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [112, 0],
	};
	const parameters = video.parameters as Record<string, unknown>;
	return {
		name: 'e2e: five callbacks at once',
		nodes: [
			trigger,
			code,
			{ ...video, parameters: { ...parameters, positivePrompt: '={{ $json.prompt }}' } },
		],
		connections: {
			[String(trigger.name)]: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('Simultaneous callbacks in a real n8n', () => {
	const app = useN8nApp();
	const emulator = useEmulator();

	beforeAll(() => {
		emulator().setKnobs({ runware: { generationMs: GENERATION_MS } });
	});

	it('five tasks ending together: five downloads, every callback answered 2xx', async () => {
		const created = await app().page.request.post('/rest/workflows', { data: fivePromptWorkflow() });
		if (!created.ok()) throw new Error(`Creating the workflow: n8n answered ${created.status()}`);
		const { data } = (await created.json()) as { data: { id: string } };
		const editor = await app().openWorkflow(data.id);
		const downloadsBefore = emulator().requestsTo('files').length;

		const { executionId, status } = await editor.run();
		expect(status).toBe('waiting');
		expect(await editor.waitForExecution(executionId)).toBe('success');
		await app().screenshot('simultaneous-callbacks-resumed');

		const output = (await readExecution(app().page, executionId)).output(NODE_NAME);
		expect(output).toHaveLength(ITEMS);
		expect(output.map((item) => item.pairedItem)).toEqual(
			output.map((_item, index) => ({ item: index })),
		);
		for (const item of output) expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4' });

		const callbacks = await Promise.all(
			output.map(
				async (item) =>
					(await emulator().waitForEvent(
						(event) => event.type === 'callback' && event.taskId === item.json.taskUUID,
						10_000,
					)) as CallbackEvent,
			),
		);
		const answers: Record<string, number> = {};
		for (const answer of callbacks.flatMap((callback) => callback.attempts)) {
			answers[answer] = (answers[answer] ?? 0) + 1;
		}
		expect({
			downloads: emulator().requestsTo('files').length - downloadsBefore,
			callbackAnswers: answers,
		}).toEqual({ downloads: ITEMS, callbackAnswers: { 200: ITEMS } });
	});
});
