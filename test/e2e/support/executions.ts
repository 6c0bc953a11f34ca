import { parse } from 'flatted';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import type { ExecutionStatus } from '../pages/workflow-editor';

/** An execution as n8n's REST API (the one the editor uses) returns it. */
export interface ExecutionRecord {
	status: ExecutionStatus;
	/** Set while the execution waits (for a webhook or a time). */
	waitTill: string | null;
	/** The items a node output in its last run (main output 0); empty when it did not run. */
	output(nodeName: string): INodeExecutionData[];
}

interface ExecutionResponse {
	data: { status: ExecutionStatus; waitTill: string | null; data: string };
}

/** Reads an execution with the browser's session. */
export async function readExecution(page: Page, executionId: string): Promise<ExecutionRecord> {
	const response = await page.request.get(`/rest/executions/${executionId}`);
	if (!response.ok())
		throw new Error(`Execution ${executionId}: n8n answered ${response.status()}`);
	const { data } = (await response.json()) as ExecutionResponse;
	// The run data is stored in flatted's format (it may hold circular references).
	const runData = (parse(data.data) as IRunExecutionData).resultData.runData;
	return {
		status: data.status,
		waitTill: data.waitTill,
		output: (nodeName) => runData[nodeName]?.at(-1)?.data?.main[0] ?? [],
	};
}
