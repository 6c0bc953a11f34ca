import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const AGENT_PROBE_TYPE = 'harness.agentProbe';

/**
 * The tool form n8n gives a `usableAsTool` node when it loads it (n8n's cli, `convertNodeToAiTool`, not in
 * node_modules): the type name and display name get a "Tool" suffix, no inputs, one AI tool output, and the Tool
 * Description parameters. The node's own execute runs unchanged, in n8n-core's tool context.
 */
export function asAiTool(nodeType: INodeType): INodeType {
	const base = { ...nodeType.description };
	delete base.usableAsTool;
	const description: INodeTypeDescription = {
		...base,
		name: `${base.name}Tool`,
		displayName: `${base.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: base.description,
				displayOptions: { show: { descriptionType: ['manual'] } },
			},
			...base.properties,
		],
	};
	return { description, execute: nodeType.execute, methods: nodeType.methods };
}

interface AgentTool {
	name: string;
	description: string;
	schema: { shape?: Record<string, { description?: string }> };
	invoke(args: unknown): Promise<unknown>;
}

/**
 * Test-only stand-in for an AI agent: it takes the tool connected to its AI tool input through n8n-core (which
 * wraps the node with `createNodeAsTool`), calls it once with the input item's JSON as the tool's arguments, and
 * outputs what an agent would see: the tool's name, description, argument descriptions and reply.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- an agent is no tool
export class AgentProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agent Probe',
		name: AGENT_PROBE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Calls its connected tool once, as an AI agent would',
		defaults: { name: 'Agent' },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tool', required: true, maxConnections: 1 },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tool = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as AgentTool;
		const [item] = this.getInputData();
		const reply = await tool.invoke(item.json);
		const argumentDescriptions = Object.fromEntries(
			Object.entries(tool.schema.shape ?? {}).map(([key, value]) => [key, value.description ?? '']),
		);
		return [
			[
				{
					json: {
						name: tool.name,
						description: tool.description,
						arguments: argumentDescriptions,
						reply: typeof reply === 'string' ? reply : JSON.stringify(reply),
					},
				},
			],
		];
	}
}
