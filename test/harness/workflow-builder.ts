import { randomUUID } from 'node:crypto';
import type {
	IConnections,
	IExecuteFunctions,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const START_NODE_TYPE = 'harness.start';

/**
 * Test-only start node: the harness puts the run's input items on the execution stack for it, and
 * it passes them on unchanged, so workflows need no trigger from n8n-nodes-base.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- a start node is no tool
export class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: START_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the input items the test harness was given',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export interface NodeSpec {
	node: INode;
	/** Items the node receives when it starts the workflow (set by `startNode`). */
	inputItems?: INodeExecutionData[];
}

export type NodeOptions = Partial<
	Pick<
		INode,
		| 'id'
		| 'typeVersion'
		| 'onError'
		| 'continueOnFail'
		| 'retryOnFail'
		| 'maxTries'
		| 'waitBetweenTries'
		| 'alwaysOutputData'
		| 'executeOnce'
		| 'disabled'
		| 'webhookId'
	>
> & {
	/** Credential type names the node uses; each resolves to the harness's data for that type. */
	credentials?: string[];
};

export interface HarnessWorkflow {
	nodes: INode[];
	connections: IConnections;
	startNode: string;
	inputItems: INodeExecutionData[];
}

export function startNode(items: INodeExecutionData[] = [{ json: {} }], name = 'Start'): NodeSpec {
	return { node: node(name, START_NODE_TYPE).node, inputItems: items };
}

export function node(
	name: string,
	type: string,
	parameters: INodeParameters = {},
	options: NodeOptions = {},
): NodeSpec {
	const { credentials, typeVersion = 1, id = randomUUID(), ...settings } = options;
	return {
		node: {
			id,
			name,
			type,
			typeVersion,
			position: [0, 0],
			parameters,
			...settings,
			...(credentials && { credentials: nodeCredentials(credentials) }),
		},
	};
}

/** Node credential references; the harness resolves each type to the data it was given. */
export function nodeCredentials(credentialTypes: string[]): INodeCredentials {
	return Object.fromEntries(
		credentialTypes.map((type) => [type, { id: `${type}-harness`, name: `${type} (harness)` }]),
	);
}

/** A workflow whose nodes run one after the other (main output 0 to main input 0). */
export function workflow(specs: NodeSpec[]): HarnessWorkflow {
	const [first] = specs;
	if (first === undefined) throw new Error('A workflow needs at least one node');

	const nodes = specs.map(({ node: n }, index): INode => ({ ...n, position: [index * 220, 0] }));
	const connections: IConnections = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = {
			main: [[{ node: nodes[index].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	return {
		nodes,
		connections,
		startNode: first.node.name,
		inputItems: first.inputItems ?? [{ json: {} }],
	};
}
