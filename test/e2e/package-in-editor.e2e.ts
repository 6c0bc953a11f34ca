import { useN8nApp } from './support/fixtures';
import { packageCredentials, packageNodes } from './support/package-contents';

describe('the installed package in the n8n editor', () => {
	const app = useN8nApp();
	const nodes = packageNodes();

	it('registers at least one node', () => {
		expect(nodes.length).toBeGreaterThan(0);
	});

	it.each(nodes.map((node) => [node.displayName]))(
		'lists %s in the node panel',
		async (displayName) => {
			const editor = await app().openNewWorkflow();
			expect(await editor.nodeCreator.nodeNames(displayName)).toContain(displayName);
		},
	);

	it.each(nodes.map((node) => [node.displayName]))(
		'adds %s to a workflow and opens its parameters',
		async (displayName) => {
			const editor = await app().openNewWorkflow();
			const details = await editor.addNode(displayName);
			expect((await details.visibleParameters()).length).toBeGreaterThan(0);
			await app().screenshot(`node-${displayName.replace(/\W+/g, '-').toLowerCase()}`);
		},
	);

	it.each(packageCredentials().map((credential) => [credential.displayName]))(
		'offers the %s credential type',
		async (displayName) => {
			expect(await app().credentialTypesMatching(displayName)).toContain(displayName);
		},
	);
});
