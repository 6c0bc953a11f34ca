import type { IConnections, IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENT_PROBE_TYPE, AgentProbe, asAiTool } from '../../harness/ai-tool';
import { node, startNode, type RunWorkflowInput } from '../../harness';
import {
	NODE_TYPES,
	packageNodeTypes,
	startEnvironment,
	type Environment,
} from '../../support/environment';
import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';

const FAST_WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };
const RUNWAY_TOOL = `${NODE_TYPES.runwayVideo}Tool`;
const RUNWARE_TOOL = `${NODE_TYPES.runwareVideo}Tool`;
const PROMPT_FROM_AI =
	"={{ $fromAI('prompt', 'What the video shows, in one or two sentences', 'string') }}";

/** Start → Agent, with the video node's tool form on the agent's AI tool input. */
function agentRun(
	toolType: string,
	parameters: INodeParameters,
	credential: string,
	args: IDataObject,
): RunWorkflowInput {
	const start = startNode([{ json: args }]).node;
	const agent = node('Agent', AGENT_PROBE_TYPE).node;
	const tool = node('Video Tool', toolType, parameters, { credentials: [credential] }).node;
	const connections: IConnections = {
		[start.name]: { main: [[{ node: agent.name, type: NodeConnectionTypes.Main, index: 0 }]] },
		[tool.name]: {
			[NodeConnectionTypes.AiTool]: [
				[{ node: agent.name, type: NodeConnectionTypes.AiTool, index: 0 }],
			],
		},
	};
	return {
		nodes: [start, agent, tool],
		connections,
		startNode: start.name,
		inputItems: [{ json: args }],
	};
}

function agentSaw(result: { output(name: string): Array<{ json: IDataObject }> }): IDataObject {
	const [item] = result.output('Agent');
	return item.json;
}

describe('The video nodes as an AI agent tool (n8n-core createNodeAsTool)', () => {
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment(
			{
				knobs: {
					useapi: { generationMs: 150, callbacks: 'never' },
					runware: { generationMs: 150 },
				},
			},
			{
				credentialEmail: 'first@runway.test',
				nodeTypes: {
					...packageNodeTypes(),
					[RUNWAY_TOOL]: asAiTool(new RunwayVideo()),
					[RUNWARE_TOOL]: asAiTool(new RunwareVideo()),
					[AGENT_PROBE_TYPE]: new AgentProbe(),
				},
			},
		);
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it('Runway Video answers the agent with JSON holding the video URL, downloading nothing', async () => {
		const result = await env.harness.runWorkflow(
			agentRun(
				RUNWAY_TOOL,
				{ model: 'gen4.5', text_prompt: PROMPT_FROM_AI, waitingOptions: FAST_WAITING },
				'useApiApi',
				{ prompt: 'A lighthouse in a storm' },
			),
		);
		expect(result.error).toBeUndefined();
		const seen = agentSaw(result);
		expect(seen.name).toBe('Video_Tool');
		expect(seen.description).toMatch(/Generate a video from a text prompt.*Runway/);
		expect(seen.arguments).toEqual({ prompt: 'What the video shows, in one or two sentences' });
		const [reply] = JSON.parse(String(seen.reply)) as IDataObject[];
		expect(reply).toMatchObject({
			status: 'SUCCEEDED',
			model: 'gen4.5',
			videoURL: expect.stringContaining(env.emulator.url),
		});
		expect(env.emulator.requestsTo('files')).toEqual([]);
		const [create] = env.emulator.requestsTo('useapi.create');
		expect(create.body).toMatchObject({ value: { text_prompt: 'A lighthouse in a storm' } });
	});

	it('Runware Video answers the agent with JSON holding the video URL, downloading nothing', async () => {
		const result = await env.harness.runWorkflow(
			agentRun(
				RUNWARE_TOOL,
				{ positivePrompt: PROMPT_FROM_AI, waitingOptions: FAST_WAITING },
				'runwareApi',
				{ prompt: 'A paper boat on a river' },
			),
		);
		expect(result.error).toBeUndefined();
		const seen = agentSaw(result);
		expect(seen.description).toMatch(/Generate a video from a text prompt.*Runware/);
		const [reply] = JSON.parse(String(seen.reply)) as IDataObject[];
		expect(reply).toMatchObject({ videoURL: expect.stringContaining(env.emulator.url) });
		expect(env.emulator.requestsTo('files')).toEqual([]);
	});

	it('still downloads when Return As is set to Binary File in the tool (the agent gets the JSON only)', async () => {
		const result = await env.harness.runWorkflow(
			agentRun(
				RUNWAY_TOOL,
				{
					model: 'gen4.5',
					text_prompt: 'Fixed prompt',
					returnAs: 'binary',
					waitingOptions: FAST_WAITING,
				},
				'useApiApi',
				{},
			),
		);
		expect(result.error).toBeUndefined();
		const [reply] = JSON.parse(String(agentSaw(result).reply)) as IDataObject[];
		expect(reply).toMatchObject({ status: 'SUCCEEDED', videoURL: expect.any(String) });
		expect(env.emulator.requestsTo('files')).toHaveLength(1);
	});
});

describe('Return As defaults', () => {
	const returnAs = (nodeType: { description: { name: string; properties: unknown[] } }) =>
		nodeType.description.properties.filter(
			(property) => (property as { name: string }).name === 'returnAs',
		);

	it.each([
		['Runway Video', new RunwayVideo()],
		['Runware Video', new RunwareVideo()],
	])('%s: Binary File in a workflow, URL in its tool form', (_, nodeType) => {
		expect(returnAs(nodeType).map((property) => (property as { default: string }).default)).toEqual(
			['binary', 'url'],
		);
	});
});
