/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderGeneratedSections } from '../../../scripts/docs/modelTables';

describe('README model tables', () => {
	it('match the catalogues (run `npm run docs` after changing a catalogue)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain('<!-- generated:runware-models -->');
		expect(readme).toContain('<!-- generated:runway-models -->');
		expect(renderGeneratedSections(readme)).toBe(readme);
	});
});
