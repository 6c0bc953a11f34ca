import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialsHelper,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeTypes,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { latestVersion } from './node-types';
import { nodeCredentials } from './workflow-builder';

export interface NodeMethodRequest {
	/** Type name, e.g. 'n8n-nodes-ai-video.runwareVideo'. */
	nodeType: string;
	methodName: string;
	/** The node's current parameters, as the editor sends them. */
	parameters?: INodeParameters;
	/** Credential types set on the node. */
	credentials?: string[];
	/** Defaults to the version n8n gives a new node. */
	typeVersion?: number;
	/** Path of the parameter the options are for, e.g. 'parameters.model'. */
	path?: string;
}

export interface ListSearchRequest extends NodeMethodRequest {
	filter?: string;
	paginationToken?: string;
}

export interface NodeMethodDeps {
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	origin: string;
}

/**
 * n8n's DynamicNodeParametersService: a one-node workflow ('Temp-Node') holding the current
 * parameters and credentials, and the node's method called on a real LoadOptionsContext.
 */
function prepare(deps: NodeMethodDeps, request: NodeMethodRequest) {
	const typeVersion =
		request.typeVersion ?? latestVersion(deps.nodeTypes.getByName(request.nodeType));
	const parameters = request.parameters ?? {};
	const node: INode = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: request.nodeType,
		typeVersion,
		position: [0, 0],
		parameters,
		...(request.credentials && { credentials: nodeCredentials(request.credentials) }),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: deps.nodeTypes,
	});
	const additionalData = createAdditionalData({
		credentialsHelper: deps.credentialsHelper,
		origin: deps.origin,
		currentNodeParameters: parameters,
	});
	return {
		methods: deps.nodeTypes.getByNameAndVersion(request.nodeType, typeVersion).methods,
		context: new LoadOptionsContext(workflow, node, additionalData, request.path ?? 'parameters'),
	};
}

function missingMethod(request: NodeMethodRequest, kind: string): Error {
	return new UnexpectedError(
		`Node type "${request.nodeType}" has no ${kind} method "${request.methodName}"`,
	);
}

export async function loadOptions(
	deps: NodeMethodDeps,
	request: NodeMethodRequest,
): Promise<INodePropertyOptions[]> {
	const { methods, context } = prepare(deps, request);
	const method = methods?.loadOptions?.[request.methodName];
	if (method === undefined) throw missingMethod(request, 'loadOptions');
	return await method.call(context);
}

export async function listSearch(
	deps: NodeMethodDeps,
	request: ListSearchRequest,
): Promise<INodeListSearchResult> {
	const { methods, context } = prepare(deps, request);
	const method = methods?.listSearch?.[request.methodName];
	if (method === undefined) throw missingMethod(request, 'listSearch');
	return await method.call(context, request.filter, request.paginationToken);
}
