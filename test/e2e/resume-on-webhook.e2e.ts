import type { EmulatorEvent } from '../emulator';
import { readExecution } from './support/executions';
import { useEmulator, useN8nApp } from './support/fixtures';
import { e2eState } from './support/state';

type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

/** Long enough to see the execution wait, short enough for a quick test. */
const GENERATION_MS = 4000;

/**
 * "Resume on Webhook" in a real n8n: the node hands the provider the execution's resume URL and pauses; n8n
 * records the execution as waiting; the emulator calls that URL when the task ends; n8n runs the node's webhook
 * and the execution finishes with the video.
 */
describe('Resume on Webhook in a real n8n', () => {
	const app = useN8nApp();
	const emulator = useEmulator();

	beforeAll(() => {
		emulator().setKnobs({
			runware: { generationMs: GENERATION_MS },
			useapi: { generationMs: GENERATION_MS },
		});
	});

	it.each([
		['Runware', 'examples/runware-resume-on-webhook.json'],
		['Runway', 'examples/runway-resume-on-webhook.json'],
	])(
		'%s: the execution waits, the provider calls back, it finishes with the MP4',
		async (provider, file) => {
			const example = e2eState().examples.find((candidate) => candidate.file === file);
			if (!example) throw new Error(`${file} was not imported`);
			const editor = await app().openWorkflow(example.id);

			const { executionId, status } = await editor.run();
			const waiting = await readExecution(app().page, executionId);
			await app().screenshot(`webhook-${provider.toLowerCase()}-waiting`);
			expect(status).toBe('waiting');
			expect(waiting.waitTill).not.toBeNull();

			expect(await editor.waitForExecution(executionId)).toBe('success');
			await app().screenshot(`webhook-${provider.toLowerCase()}-resumed`);
			const callbacks = emulator().events.filter(
				(event): event is CallbackEvent =>
					event.type === 'callback' && event.url.includes(`/webhook-waiting/${executionId}`),
			);
			expect(callbacks.length).toBeGreaterThan(0);
			expect(callbacks.map((callback) => callback.result)).toEqual(callbacks.map(() => 200));

			const [video, ...others] = (await readExecution(app().page, executionId)).output(
				'Generate Video',
			);
			expect(others).toEqual([]);
			expect(video.json.videoURL).toEqual(expect.stringContaining(emulator().url));
			expect(video.binary?.data).toMatchObject({
				mimeType: 'video/mp4',
				fileName: expect.stringMatching(/\.mp4$/),
			});
		},
	);
});
