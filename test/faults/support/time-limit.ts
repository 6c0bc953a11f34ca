import { parse, stringify } from 'flatted';
import type { INodeType, IRunExecutionData, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { HarnessWorkflow, RunResult } from '../../harness';
import { createAdditionalData } from '../../harness/additional-data';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { HarnessCredentialsHelper } from '../../harness/credentials-helper';
import { startExecution } from '../../harness/execution';
import { createNodeTypes } from '../../harness/node-types';
import { toRunResult } from '../../harness/run-result';
import { HarnessStart, START_NODE_TYPE } from '../../harness/workflow-builder';

/**
 * What n8n does when a waiting execution reaches its `waitTill` without being resumed (packages/cli wait-tracker.ts):
 * it reloads the saved execution and runs `WorkflowExecute.processRunExecutionData` on it, which marks the waiting
 * node disabled (`handleWaitingState`) so that it passes its input on, and the execution continues.
 * The test harness has no clock of its own for this; this runs that step for a waiting `RunResult`.
 */
export async function resumeAtTimeLimit(
	waiting: RunResult,
	input: HarnessWorkflow,
	nodeTypes: Record<string, INodeType>,
): Promise<RunResult> {
	if (waiting.status !== 'waiting' || waiting.waitTill === undefined) {
		throw new Error(`Execution ${waiting.executionId} is not waiting`);
	}
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: structuredClone(input.nodes),
		connections: input.connections,
		settings: { executionOrder: 'v1' },
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: structuredClone(input.nodes),
		connections: input.connections,
		active: false,
		nodeTypes: createNodeTypes({ [START_NODE_TYPE]: new HarnessStart(), ...nodeTypes }),
		settings: workflowData.settings,
	});
	const credentialsHelper = new HarnessCredentialsHelper(new CredentialTypeRegistry([]), new Map());
	const execution = startExecution({
		workflow,
		workflowData,
		additionalData: createAdditionalData({
			credentialsHelper,
			origin: 'http://127.0.0.1:5678',
			executionId: waiting.executionId,
		}),
		// As n8n stores and reloads it.
		runExecutionData: parse(stringify(waiting.run.data)) as IRunExecutionData,
		mode: waiting.run.mode,
		executionId: waiting.executionId,
	});
	return toRunResult(waiting.executionId, await execution.finished);
}
