/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderModelReference } from '../../../scripts/docs/modelReference';
import { renderGeneratedSections } from '../../../scripts/docs/modelTables';

const docs = join(__dirname, '..', '..', '..', 'docs');

describe('model tables (docs/model-tables.md)', () => {
	it('match the catalogues (run `npm run docs` after changing a catalogue)', () => {
		const tables = readFileSync(join(docs, 'model-tables.md'), 'utf8');
		expect(tables).toContain('<!-- generated:runware-models -->');
		expect(tables).toContain('<!-- generated:runway-models -->');
		expect(renderGeneratedSections(tables)).toBe(tables);
	});
});

describe('Runware model reference (docs/models.md)', () => {
	it('matches the catalogue (run `npm run docs` after changing a catalogue)', () => {
		const reference = readFileSync(join(docs, 'models.md'), 'utf8');
		expect(reference).toBe(renderModelReference());
		expect(reference).toContain('### KlingAI 2.1 Pro (klingai:5@2)');
		expect(reference).toContain('https://runware.ai/docs/models/klingai-2-1-pro');
	});
});
