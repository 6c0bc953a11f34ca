/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export interface RunningExecution {
	/** Settles with the run n8n hands to its `workflowExecuteAfter` hook. */
	finished: Promise<IRun>;
	/** What n8n's "stop execution" does: cancels the PCancelable, which aborts the cancel signal. */
	cancel(): void;
}

export interface ExecutionStart {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	additionalData: IWorkflowExecuteAdditionalData;
	runExecutionData: IRunExecutionData;
	mode: WorkflowExecuteMode;
	executionId: string;
}

/**
 * Runs `runExecutionData` the way n8n's WorkflowRunner does in regular mode for a run that already
 * has execution data (a manual run from a start node, or a resumed waiting execution):
 * `new WorkflowExecute(...).processRunExecutionData(workflow)`.
 */
export function startExecution(start: ExecutionStart): RunningExecution {
	const hooks = new ExecutionLifecycleHooks(start.mode, start.executionId, start.workflowData);
	start.additionalData.hooks = hooks;

	let processing: ReturnType<WorkflowExecute['processRunExecutionData']> | undefined;
	const finished = new Promise<IRun>((resolve, reject) => {
		// On cancel, n8n-core reports the run only through this hook; the PCancelable never settles.
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
		try {
			processing = new WorkflowExecute(
				start.additionalData,
				start.mode,
				start.runExecutionData,
			).processRunExecutionData(start.workflow);
			processing.then(resolve, reject);
		} catch (error) {
			reject(error);
		}
	});

	return { finished, cancel: () => processing?.cancel() };
}

/** Settles with `finished`, or cancels the execution and rejects once `timeoutMs` has passed. */
export async function withTimeout(execution: RunningExecution, timeoutMs: number): Promise<IRun> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			execution.cancel();
			reject(new Error(`The workflow did not finish within ${timeoutMs} ms (execution canceled)`));
		}, timeoutMs);
	});
	try {
		return await Promise.race([execution.finished, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
