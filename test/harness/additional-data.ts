import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

/** Where n8n's own URLs point; `origin` is e.g. `http://127.0.0.1:5678`. */
export function instanceUrls(origin: string) {
	return {
		instanceBaseUrl: `${origin}/`,
		restApiUrl: `${origin}/rest`,
		webhookBaseUrl: `${origin}/webhook`,
		webhookTestBaseUrl: `${origin}/webhook-test`,
		webhookWaitingBaseUrl: `${origin}/webhook-waiting`,
		formBaseUrl: `${origin}/form`,
		formTestBaseUrl: `${origin}/form-test`,
		formWaitingBaseUrl: `${origin}/form-waiting`,
		mcpBaseUrl: `${origin}/mcp`,
		mcpTestBaseUrl: `${origin}/mcp-test`,
	};
}

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	origin: string;
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
	currentNodeParameters?: INodeParameters;
}

function unsupported(feature: string): never {
	throw new UnexpectedError(`${feature} is not available in the test harness`);
}

/**
 * The `IWorkflowExecuteAdditionalData` n8n's `WorkflowExecuteAdditionalData.getBase` would build,
 * written out field by field: a deep mock would answer truthy values for fields like
 * `encryptedRunnerIdentity` and send n8n-core down paths that need a database.
 */
export function createAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	return {
		...instanceUrls(options.origin),
		credentialsHelper: options.credentialsHelper,
		executionId: options.executionId,
		hooks: options.hooks,
		currentNodeParameters: options.currentNodeParameters,
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: async () => unsupported('Running sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => unsupported('The task runner (Code node)'),
	};
}
