export { createHarness, type Harness, type HarnessOptions, type ResumeOutcome } from './harness';
export type { RunWorkflowInput, StartedWorkflow, StoredExecution } from './engine';
export type { ListSearchRequest, NodeMethodRequest } from './node-methods';
export type { ResumeHandle, RunResult } from './run-result';
export type { WebhookReply, WebhookRequest } from './waiting-webhooks';
export {
	node,
	startNode,
	workflow,
	START_NODE_TYPE,
	type HarnessWorkflow,
	type NodeOptions,
	type NodeSpec,
} from './workflow-builder';
