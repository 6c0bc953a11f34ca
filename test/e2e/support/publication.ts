import type { Page } from 'playwright-core';

import type { WorkflowFile } from '../../../scripts/n8n-local/examples';
import type { ExecutionStatus } from '../pages/workflow-editor';

/** A workflow as n8n's REST API returns it; `versionId` names the draft that publishing puts live. */
export interface StoredWorkflow extends WorkflowFile {
	id: string;
	versionId: string;
}

export interface ExecutionSummary {
	id: string;
	status: ExecutionStatus;
	/** `webhook`, `trigger` (schedule), `manual`… */
	mode: string;
}

async function rest<T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
	const response = await page.request.fetch(`/rest${path}`, { method, data });
	if (!response.ok())
		throw new Error(
			`n8n ${method} /rest${path} answered ${response.status()}: ${await response.text()}`,
		);
	return ((await response.json()) as { data: T }).data;
}

export async function readWorkflow(page: Page, id: string): Promise<StoredWorkflow> {
	return await rest<StoredWorkflow>(page, 'GET', `/workflows/${id}`);
}

/** Saves a changed copy of a stored workflow as its new draft. */
export async function saveWorkflow(page: Page, workflow: StoredWorkflow): Promise<StoredWorkflow> {
	const { nodes, connections, versionId } = workflow;
	return await rest<StoredWorkflow>(page, 'PATCH', `/workflows/${workflow.id}`, {
		nodes,
		connections,
		versionId,
	});
}

interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/** n8n 2 applies a publication in the background; this waits (up to 60 s) until it has settled as wanted. */
async function waitForPublication(
	page: Page,
	id: string,
	settled: (status: PublicationStatus) => boolean,
): Promise<void> {
	const deadline = Date.now() + 60_000;
	let status: PublicationStatus | undefined;
	while (Date.now() < deadline) {
		status = await rest<PublicationStatus>(page, 'GET', `/workflows/${id}/publication-status`);
		if (settled(status)) return;
		if (status.status === 'failed' || status.status === 'partial')
			throw new Error(`Publishing workflow ${id} failed: ${JSON.stringify(status.triggers)}`);
		await page.waitForTimeout(250);
	}
	throw new Error(`Workflow ${id} did not settle within 60 s: ${JSON.stringify(status)}`);
}

/**
 * Publishes the workflow's current draft, as the editor's Publish button does, and waits until its triggers are
 * live (webhooks registered, schedules set): from then on they start production executions.
 */
export async function publishWorkflow(page: Page, id: string): Promise<void> {
	const { versionId } = await readWorkflow(page, id);
	await rest(page, 'POST', `/workflows/${id}/activate`, { versionId });
	await waitForPublication(
		page,
		id,
		(status) => status.status === 'published' && status.liveVersionId === versionId,
	);
}

export async function unpublishWorkflow(page: Page, id: string): Promise<void> {
	await rest(page, 'POST', `/workflows/${id}/deactivate`, {});
	await waitForPublication(page, id, (status) => status.status === 'not_published');
}

/** The workflow's executions, newest first. */
export async function executionsOf(page: Page, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { results } = await rest<{ results: ExecutionSummary[] }>(
		page,
		'GET',
		`/executions?filter=${filter}`,
	);
	return results;
}
