/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderGeneratedSections } from './modelTables';

// Usage: npm run docs (rewrites the generated model tables of README.md from the catalogues).
const readme = join(__dirname, '..', '..', 'README.md');
writeFileSync(readme, renderGeneratedSections(readFileSync(readme, 'utf8')));