import { useEmulator, useN8nApp } from './support/fixtures';
import { provisionedCredential } from './support/state';

/**
 * A no-code user's first minutes: finding the nodes in the node panel, telling the two video nodes apart, and
 * running a fresh Runware Video node with nothing but a prompt.
 */

const app = useN8nApp();
useEmulator();

const ALL_FOUR = ['Runware Video', 'Runway Video', 'Poll Task', 'Upload Asset'];

describe('the node panel', () => {
	it.each([['runway'], ['video']])('lists all four nodes when searched for "%s"', async (word) => {
		const editor = await app().openNewWorkflow();
		await editor.nodeCreator.open();
		await editor.nodeCreator.search(word);
		const names = editor.nodeCreator.root.getByTestId('node-creator-item-name');
		await names.filter({ hasText: 'Upload Asset' }).first().waitFor({ timeout: 5000 });
		const listed = (await names.allInnerTexts()).map((name) => name.trim());
		await app().screenshot(`node-panel-search-${word}`);
		expect(listed).toEqual(expect.arrayContaining(ALL_FOUR));
	});

	it('lists Runware Video, Poll Task and Upload Asset when searched for "runware"', async () => {
		const editor = await app().openNewWorkflow();
		const listed = await editor.nodeCreator.nodeNames('runware');
		await app().screenshot('node-panel-search-runware');
		expect(listed).toEqual(expect.arrayContaining(['Runware Video', 'Poll Task', 'Upload Asset']));
	});
});

describe('a fresh Runware Video node', () => {
	it('has a model, no red marks, and names its model in plain words', async () => {
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode('Runware Video');
		await details.selectCredential(provisionedCredential('runwareApi'));
		const issues = await details.parametersWithIssues();
		const visible = await details.visibleParameters();
		const durations = await details.dropdownOptions('duration');
		await app().screenshot('fresh-runware-video');
		expect(issues).toEqual([]);
		expect(await details.parameterValue('model')).toContain('Veo 3.1 Lite');
		expect(visible).toEqual(expect.arrayContaining(['duration', 'dimensions']));
		expect(durations).toEqual(['Shortest (4 s)', '4 s', '6 s', '8 s']);
		await details.close();
		expect(await editor.nodeSubtitle('Runware Video')).toBe('Generate · Veo 3.1 Lite');
	});

	it('runs on its default model once given a prompt', async () => {
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode('Runware Video');
		await details.selectCredential(provisionedCredential('runwareApi'));
		await details.setParameter('positivePrompt', 'A paper boat drifting down a rain gutter');
		await details.close();
		const { status } = await editor.run();
		expect(status).toBe('success');
		const output = (await (await editor.openNode('Runware Video')).outputJson()) as Array<
			Record<string, unknown>
		>;
		await app().screenshot('fresh-runware-video-run');
		expect(output).toEqual([
			expect.objectContaining({ model: 'google:veo@3.1-lite', status: 'success' }),
		]);
	});
});

describe('a fresh Runway Video node', () => {
	it('has no red marks and names its model in plain words', async () => {
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode('Runway Video');
		await details.selectCredential(provisionedCredential('useApiApi'));
		const issues = await details.parametersWithIssues();
		await app().screenshot('fresh-runway-video');
		expect(issues).toEqual([]);
		await details.close();
		expect(await editor.nodeSubtitle('Runway Video')).toMatch(/^Generate · \S/);
	});
});
