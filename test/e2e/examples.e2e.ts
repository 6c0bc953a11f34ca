import { useEmulator, useN8nApp } from './support/fixtures';
import { e2eState } from './support/state';

/**
 * Every `examples/*.json` as a user gets it from `npm start`: imported, credentials wired, opened in the editor,
 * run from its manual trigger against the emulator.
 */
describe('example workflows', () => {
	const { examples } = e2eState();
	if (examples.length === 0) {
		it.todo('add example workflows to examples/ (none yet)');
		return;
	}
	const app = useN8nApp();
	useEmulator();

	it.each(examples.map((example) => [example.file, example]))(
		'%s opens without node issues and runs to success',
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
		},
	);
});
