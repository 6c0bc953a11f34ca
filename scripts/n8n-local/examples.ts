/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT, n8nDataDir } from './paths';
import type { StoredCredential } from './provision';
import type { N8nRest } from './rest';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** A workflow as n8n exports it (Download / `n8n export:workflow`); only what the import needs is typed. */
export interface WorkflowFile {
	id?: string;
	name: string;
	nodes: Array<
		{ credentials?: Record<string, { id?: string; name: string }> } & Record<string, unknown>
	>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ImportedExample {
	file: string;
	id: string;
	name: string;
	/** `created`, `updated` (the file changed since it was last imported) or `kept` (left as the user has it). */
	outcome: 'created' | 'updated' | 'kept';
}

/** Every `examples/*.json`, in name order. */
export function exampleFiles(): string[] {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(EXAMPLES_DIR, name));
}

export function readWorkflowFile(file: string): WorkflowFile {
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowFile;
	if (typeof workflow.name !== 'string' || !Array.isArray(workflow.nodes)) {
		throw new Error(`${file} is not an n8n workflow export (needs "name" and "nodes")`);
	}
	return workflow;
}

/**
 * The workflow id an example gets: its own `id`, else one derived from its file name, so every start finds the
 * workflow it imported before.
 */
export function exampleWorkflowId(file: string, workflow: WorkflowFile): string {
	return (
		workflow.id ??
		`ex${createHash('sha256').update(path.basename(file)).digest('hex').slice(0, 14)}`
	);
}

/** Points every credential reference of a node at the provisioned credential of the same type. */
export function wireCredentials(
	workflow: WorkflowFile,
	credentials: readonly StoredCredential[],
): WorkflowFile {
	const nodes = workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const wired = Object.fromEntries(
			Object.entries(node.credentials).map(([type, reference]) => {
				const credential = credentials.find((item) => item.type === type);
				return [type, credential ? { id: credential.id, name: credential.name } : reference];
			}),
		);
		return { ...node, credentials: wired };
	});
	return { ...workflow, nodes };
}

/**
 * Imports every example. A workflow imported before is replaced only when its file changed since, so edits made
 * in the editor survive restarts until the repository's example changes.
 */
export async function importExamples(
	rest: N8nRest,
	userFolder: string,
	credentials: readonly StoredCredential[],
): Promise<ImportedExample[]> {
	const stateFile = path.join(n8nDataDir(userFolder), 'imported-examples.json');
	const imported: Record<string, string> = fs.existsSync(stateFile)
		? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Record<string, string>)
		: {};
	const results: ImportedExample[] = [];
	for (const file of exampleFiles()) {
		const source = fs.readFileSync(file, 'utf8');
		const digest = createHash('sha256').update(source).digest('hex');
		const workflow = wireCredentials(readWorkflowFile(file), credentials);
		const id = exampleWorkflowId(file, workflow);
		const { exists } = await rest.call<{ exists: boolean }>('GET', `/workflows/${id}/exists`);
		const body = importBody(workflow);
		let outcome: ImportedExample['outcome'] = 'kept';
		if (!exists) {
			await rest.call('POST', '/workflows', { ...body, id });
			outcome = 'created';
		} else if (imported[id] !== digest) {
			await rest.call('PATCH', `/workflows/${id}?forceSave=true`, body);
			outcome = 'updated';
		}
		imported[id] = digest;
		results.push({ file: path.relative(REPO_ROOT, file), id, name: workflow.name, outcome });
	}
	fs.writeFileSync(stateFile, `${JSON.stringify(imported, null, 2)}\n`);
	return results;
}

/** The members of an export that the create/update endpoints accept (exports also carry ids, dates, sharing…). */
function importBody(workflow: WorkflowFile): Record<string, unknown> {
	const accepted = ['name', 'description', 'nodes', 'connections', 'settings', 'meta', 'pinData'];
	return Object.fromEntries(Object.entries(workflow).filter(([key]) => accepted.includes(key)));
}
