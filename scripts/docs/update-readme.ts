/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderModelReference } from './modelReference';
import { renderGeneratedSections } from './modelTables';

// Usage: npm run docs (rewrites README.md's model tables and docs/models.md from the catalogues).
const root = join(__dirname, '..', '..');
const readme = join(root, 'README.md');
writeFileSync(readme, renderGeneratedSections(readFileSync(readme, 'utf8')));
writeFileSync(join(root, 'docs', 'models.md'), renderModelReference());
