/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- repository tooling, not node code */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderModelReference } from './modelReference';
import { renderGeneratedSections } from './modelTables';

// Usage: npm run docs (rewrites the tables of docs/model-tables.md and all of docs/models.md from the catalogues).
const docs = join(__dirname, '..', '..', 'docs');
const tables = join(docs, 'model-tables.md');
writeFileSync(tables, renderGeneratedSections(readFileSync(tables, 'utf8')));
writeFileSync(join(docs, 'models.md'), renderModelReference());
