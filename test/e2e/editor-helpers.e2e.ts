import { createHash } from 'node:crypto';

import { useN8nApp } from './support/fixtures';

/**
 * The page objects against this n8n version, with a core node whose result is known in advance (Crypto → Hash):
 * if n8n's editor changes, this fails first and points at the helper to fix.
 */
describe('editor page objects', () => {
	const app = useN8nApp();

	it('add a node, read and pick dropdown options, set a text, run, read the output', async () => {
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode('Crypto', 'Hash');
		expect(await details.dropdownOptions('type')).toEqual(
			expect.arrayContaining(['MD5', 'SHA256', 'SHA512']),
		);
		await details.setParameter('type', 'SHA256');
		await details.setParameter('value', 'n8n-nodes-ai-video');
		await details.setParameter('dataPropertyName', 'digest');
		expect(await details.parameterValue('dataPropertyName')).toBe('digest');
		await details.close();

		const { status } = await editor.run();
		expect(status).toBe('success');
		const nodeName = (await editor.nodeNames()).find((name) => name.startsWith('Crypto'));
		expect(nodeName).toBeDefined();
		const output = await (await editor.openNode(nodeName ?? '')).outputJson();
		await app().screenshot('helpers-crypto-output');
		expect(output).toEqual([
			{ digest: createHash('sha256').update('n8n-nodes-ai-video').digest('hex') },
		]);
	});
});
