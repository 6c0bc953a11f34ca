import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialTestResult,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { useFilesystemBinaryData, type FilesystemBinaryData } from './binary-data';
import { testCredential } from './credential-test';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import {
	ExecutionEngine,
	type Delivery,
	type StoredExecution,
	type RunWorkflowInput,
	type StartedWorkflow,
} from './engine';
import { prepareN8nEnvironment } from './environment';
import {
	listSearch,
	loadOptions,
	type ListSearchRequest,
	type NodeMethodDeps,
	type NodeMethodRequest,
} from './node-methods';
import { shutDownCoreServices } from './n8n-core-services';
import { createNodeTypes, type NodeTypeMap } from './node-types';
import { listenForResume, type ResumeListener } from './resume-listener';
import type { ResumeHandle, RunResult } from './run-result';
import type { WebhookReply, WebhookRequest } from './waiting-webhooks';
import { HarnessStart, START_NODE_TYPE } from './workflow-builder';

export interface HarnessOptions {
	/** Node types by type name, e.g. `{ 'n8n-nodes-ai-video.runwareVideo': new RunwareVideo() }`. */
	nodeTypes: NodeTypeMap;
	/** Credential data by credential type name (one credential per type). */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	/** 'filesystem' stores binary data on disk in a temp folder; 'default' keeps it inline. */
	binaryMode?: 'filesystem' | 'default';
}

export interface ResumeOutcome {
	/** What n8n would answer the caller of the resume URL. */
	reply: WebhookReply;
	/** The resumed run once it ended, or the unchanged waiting run when nothing continued. */
	result: RunResult;
	webhookError?: Error;
}

export interface Harness {
	runWorkflow(input: RunWorkflowInput): Promise<RunResult>;
	/** Starts a run without waiting for it; `cancel()` stops it as n8n's "stop execution" does. */
	startWorkflow(input: RunWorkflowInput): StartedWorkflow;
	loadOptions(request: NodeMethodRequest): Promise<INodePropertyOptions[]>;
	listSearch(request: ListSearchRequest): Promise<INodeListSearchResult>;
	testCredential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<INodeCredentialTestResult>;
	/** The `$execution.resumeUrl` the waiting node saw. */
	resumeUrl(handle: ResumeHandle): string;
	/** Calls the waiting execution's resume URL (default: `resumeUrl(handle)`, method POST). */
	resumeWithWebhook(handle: ResumeHandle, request?: WebhookRequest): Promise<ResumeOutcome>;
	/** Every write of the execution's stored data, in order: what n8n's database held at each point. */
	storedExecution(executionId: string): StoredExecution[];
	/** The run that continued from `handle` (e.g. after a callback to `listenForResume()`). */
	awaitResumedRun(handle: ResumeHandle, timeoutMs?: number): Promise<RunResult>;
	/**
	 * Serves n8n's waiting-webhook paths on a loopback port and points the resume URLs of runs
	 * started afterwards at it. Resolves with the origin, e.g. `http://127.0.0.1:40123`.
	 */
	listenForResume(): Promise<string>;
	/** Folder of filesystem binary data, when `binaryMode` is 'filesystem'. */
	readonly binaryStoragePath?: string;
	close(): Promise<void>;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
	prepareN8nEnvironment();

	const nodeTypes = createNodeTypes({
		[START_NODE_TYPE]: new HarnessStart(),
		...options.nodeTypes,
	});
	const credentialTypes = new CredentialTypeRegistry(options.credentialTypes ?? []);
	const credentialsHelper = new HarnessCredentialsHelper(
		credentialTypes,
		new Map(Object.entries(options.credentials ?? {})),
	);
	const engine = new ExecutionEngine(nodeTypes, credentialsHelper);
	const binaryData: FilesystemBinaryData | undefined =
		options.binaryMode === 'filesystem' ? await useFilesystemBinaryData() : undefined;
	let listener: ResumeListener | undefined;

	const methodDeps = (): NodeMethodDeps => ({
		nodeTypes,
		credentialsHelper,
		origin: engine.origin,
	});
	const currentResult = (handle: ResumeHandle): RunResult => {
		const result = engine.lastResult(handle.executionId);
		if (result === undefined) throw new Error(`Execution ${handle.executionId} has no result yet`);
		return result;
	};

	return {
		runWorkflow: async (input) => await engine.start(input).result,
		startWorkflow: (input) => engine.start(input),
		loadOptions: async (request) => await loadOptions(methodDeps(), request),
		listSearch: async (request) => await listSearch(methodDeps(), request),
		testCredential: async (credentialType, data) =>
			await testCredential(
				{ credentialTypes, credentialsHelper, origin: engine.origin },
				credentialType,
				data,
			),
		resumeUrl: (handle) => handle.resumeUrl,
		async resumeWithWebhook(handle, request = {}) {
			const delivery: Delivery = await engine.deliver({
				...request,
				url: request.url ?? handle.resumeUrl,
			});
			return {
				reply: delivery.reply,
				result: delivery.continuation ? await delivery.continuation : currentResult(handle),
				webhookError: delivery.webhookError,
			};
		},
		storedExecution: (executionId) => engine.writes(executionId),
		awaitResumedRun: async (handle, timeoutMs) => await engine.awaitResumedRun(handle, timeoutMs),
		async listenForResume() {
			listener ??= await listenForResume(async (request) => await engine.deliver(request));
			engine.origin = listener.origin;
			return listener.origin;
		},
		binaryStoragePath: binaryData?.storagePath,
		async close() {
			engine.cancelAll();
			await listener?.close();
			await binaryData?.restore();
			shutDownCoreServices();
		},
	};
}
