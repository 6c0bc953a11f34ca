import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialsHelper,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialTypeRegistry } from './credential-types';
import { applyCredentialDefaults } from './credentials-helper';
import { createNodeTypes } from './node-types';

export interface CredentialTestDeps {
	credentialTypes: CredentialTypeRegistry;
	credentialsHelper: ICredentialsHelper;
	origin: string;
}

interface RequestFailure {
	cause?: { response?: { status?: number; statusText?: string }; code?: string };
	message?: string;
}

/** n8n-nodes-base.noOp as far as the credentials tester uses it. */
const NO_OP_TYPE = 'n8n-nodes-base.noOp';

/**
 * n8n's CredentialsTester (packages/cli/src/services/credentials-tester.service.ts) for a credential
 * type's declarative `test`: the data gets the type's defaults, then `test.request` is sent as the
 * routing request of a one-property copy of the No-Op node by a real RoutingNode, so `={{...}}`
 * expressions, `authenticate` and n8n's request helper apply as in n8n. Reproduced: `rules` of
 * type responseCode and responseSuccessBody, non-2xx answers reported with their status text.
 */
export async function testCredential(
	deps: CredentialTestDeps,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const type = deps.credentialTypes.getByName(credentialType);
	if (type.test === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}
	const additionalData = createAdditionalData({
		credentialsHelper: deps.credentialsHelper,
		origin: deps.origin,
	});
	const credentials: ICredentialsDecrypted = {
		id: 'harness-credential-test',
		name: `${credentialType} under test`,
		type: credentialType,
		data: applyCredentialDefaults(
			deps.credentialTypes.getProperties(credentialType),
			data,
			additionalData,
			'internal',
		),
	};

	const testNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP_TYPE,
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: type.test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: NO_OP_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType]: { id: credentials.id, name: credentials.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ [NO_OP_TYPE]: testNodeType }),
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response;
	try {
		response = await new RoutingNode(context, testNodeType, credentials).runNode();
	} catch (error) {
		return failureResult(error as RequestFailure, type.test.rules);
	}

	for (const rule of type.test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		if (valueAt(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function failureResult(
	error: RequestFailure,
	rules: ICredentialTestRequest['rules'],
): INodeCredentialTestResult {
	const response = error.cause?.response;
	if (response?.status !== undefined) {
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: String(error.message) };
}

function valueAt(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) =>
				typeof current === 'object' && current !== null
					? (current as Record<string, unknown>)[key]
					: undefined,
			value,
		);
}
