import { parse } from 'flatted';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import type { ExecutionStatus } from '../pages/workflow-editor';

/** An execution as n8n's REST API (the one the editor uses) returns it. */
export interface ExecutionRecord {
	status: ExecutionStatus;
	/** Set while the execution waits (for a webhook or a time). */
	waitTill: string | null;
	/** The message of the error that ended the execution, if one did. */
	error: string | undefined;
	/** The items a node output in its last run (main output 0); empty when it did not run. */
	output(nodeName: string): INodeExecutionData[];
}

/** The `data` member of n8n's answer to `GET /rest/executions/:id`. */
export interface StoredExecution {
	status: ExecutionStatus;
	waitTill: string | null;
	data: string;
}

/** Reads an execution with the browser's session. */
export async function readExecution(page: Page, executionId: string): Promise<ExecutionRecord> {
	const response = await page.request.get(`/rest/executions/${executionId}`);
	if (!response.ok())
		throw new Error(`Execution ${executionId}: n8n answered ${response.status()}`);
	return executionRecord(((await response.json()) as { data: StoredExecution }).data);
}

/** An execution as n8n stored it, its run data unpacked. */
export function executionRecord(data: StoredExecution): ExecutionRecord {
	// The run data is stored in flatted's format (it may hold circular references).
	const { runData, error } = (parse(data.data) as IRunExecutionData).resultData;
	return {
		status: data.status,
		waitTill: data.waitTill,
		error: error?.message,
		output: (nodeName) => runData[nodeName]?.at(-1)?.data?.main[0] ?? [],
	};
}

const RUN_TIMEOUT_MS = 120_000;

/** Polls n8n until the execution's status is none of `pending`; returns the status it reached. */
export async function waitForExecution(
	page: Page,
	executionId: string,
	pending: readonly ExecutionStatus[] = ['new', 'running', 'waiting'],
): Promise<ExecutionStatus> {
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const response = await page.request.get(`/rest/executions/${executionId}`);
		if (response.ok()) {
			const { data } = (await response.json()) as { data: { status: ExecutionStatus } };
			if (!pending.includes(data.status)) return data.status;
		}
		await page.waitForTimeout(500);
	}
	throw new Error(`Execution ${executionId} still pending after ${RUN_TIMEOUT_MS / 1000} s`);
}
