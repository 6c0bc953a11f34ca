import type { Locator, Page } from 'playwright-core';

import { waitForExecution } from '../support/executions';
import { NodeCreator } from './node-creator';
import { NodeDetails } from './node-details';

export type ExecutionStatus =
	| 'new'
	| 'running'
	| 'waiting'
	| 'success'
	| 'error'
	| 'canceled'
	| 'crashed'
	| 'unknown';

/** The workflow canvas of one workflow. */
export class WorkflowEditor {
	readonly nodeCreator: NodeCreator;

	readonly nodeDetails: NodeDetails;

	private constructor(readonly page: Page) {
		this.nodeCreator = new NodeCreator(page);
		this.nodeDetails = new NodeDetails(page);
	}

	static async ready(page: Page): Promise<WorkflowEditor> {
		await page.getByTestId('canvas-wrapper').waitFor();
		return new WorkflowEditor(page);
	}

	/**
	 * Opens a saved workflow. If an earlier page (test) still holds its write lock, n8n shows "Editing in another
	 * tab" and blocks the canvas: this takes the lock over, as the "Edit here" button does.
	 */
	static async open(page: Page, workflowId: string): Promise<WorkflowEditor> {
		const lockResponse = page
			.waitForResponse((response) =>
				response.url().endsWith(`/rest/workflows/${workflowId}/collaboration/write-lock`),
			)
			.catch(() => undefined);
		await page.goto(`/workflow/${workflowId}`);
		const editor = await WorkflowEditor.ready(page);
		await page.getByTestId('canvas-node').first().waitFor();
		const lock = (await (await lockResponse)?.json().catch(() => undefined)) as
			| { data?: { clientId?: string } | null }
			| undefined;
		if (lock?.data?.clientId) {
			const editHere = page.getByRole('button', { name: 'Edit here' });
			await editHere.click();
			await editHere.waitFor({ state: 'hidden' });
		}
		return editor;
	}

	/** Adds a node from the node panel and leaves its details view open. */
	async addNode(displayName: string, action?: string): Promise<NodeDetails> {
		await this.nodeCreator.addNode(displayName, action);
		await this.nodeDetails.waitUntilOpen();
		return this.nodeDetails;
	}

	/** Names of the nodes on the canvas. */
	async nodeNames(): Promise<string[]> {
		return await this.page
			.getByTestId('canvas-node')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? ''));
	}

	/** The subtitle a canvas node shows under its name (the node type's `subtitle`, evaluated by the editor). */
	async nodeSubtitle(name: string): Promise<string> {
		// n8n 2.41 gives the subtitle no test id; its class is a CSS module name starting with `_subtitle_`.
		return await this.canvasNode(name).locator('[class^="_subtitle_"]').innerText();
	}

	/** Names of the canvas nodes that show an issue marker (missing credential or parameter, unknown type…). */
	async nodesWithIssues(): Promise<string[]> {
		return await this.page
			.getByTestId('canvas-node')
			.filter({ has: this.page.getByTestId('node-issues') })
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? ''));
	}

	async openNode(name: string): Promise<NodeDetails> {
		await this.canvasNode(name).dblclick();
		await this.nodeDetails.waitUntilOpen();
		return this.nodeDetails;
	}

	/**
	 * Clicks "Execute workflow" and waits until the execution leaves new/running (so `waiting` returns too: a
	 * workflow paused for a webhook). Returns the execution id and status as n8n records them.
	 */
	async run(): Promise<{ executionId: string; status: ExecutionStatus }> {
		const started = this.page.waitForResponse(
			(response) =>
				/\/rest\/workflows\/[^/]+\/run(\?|$)/.test(response.url()) &&
				response.request().method() === 'POST',
		);
		await this.page.getByTestId('execute-workflow-button').click();
		const response = await started;
		const body = (await response.json()) as { data?: { executionId?: string } };
		const executionId = body.data?.executionId;
		if (!executionId)
			throw new Error(`Run request answered without execution id: ${JSON.stringify(body)}`);
		const status = await this.waitForExecution(executionId, ['new', 'running']);
		return { executionId, status };
	}

	/** Polls n8n until the execution's status is none of `pending`; returns the status it reached. */
	async waitForExecution(
		executionId: string,
		pending?: readonly ExecutionStatus[],
	): Promise<ExecutionStatus> {
		return await waitForExecution(this.page, executionId, pending);
	}

	private canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}
}
