/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderModelReference } from '../../../scripts/docs/modelReference';
import { renderGeneratedSections } from '../../../scripts/docs/modelTables';

describe('README model tables', () => {
	it('match the catalogues (run `npm run docs` after changing a catalogue)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain('<!-- generated:runware-models -->');
		expect(readme).toContain('<!-- generated:runway-models -->');
		expect(renderGeneratedSections(readme)).toBe(readme);
	});
});

describe('Runware model reference (docs/models.md)', () => {
	it('matches the catalogue (run `npm run docs` after changing a catalogue)', () => {
		const reference = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'models.md'), 'utf8');
		expect(reference).toBe(renderModelReference());
		expect(reference).toContain('### KlingAI 2.1 Pro (klingai:5@2)');
		expect(reference).toContain('https://runware.ai/docs/models/klingai-2-1-pro');
	});
});
