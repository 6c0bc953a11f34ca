/* eslint-disable @n8n/community-nodes/no-restricted-globals -- bench tooling: CPU time and garbage collection of the measured process */
import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { pendingTask, prepareItem } from '../../nodes/RunwareVideo/actions/generate.operation';
import { RunwareVideo } from '../../nodes/RunwareVideo/RunwareVideo.node';
import { readRunwayRequest } from '../../nodes/RunwayVideo/actions/readRequest';
import { RunwayVideo } from '../../nodes/RunwayVideo/RunwayVideo.node';
import { RunwareApi } from '../../credentials/RunwareApi.credentials';
import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import { createHarness, node, startNode, workflow, type Harness } from '../../test/harness';
import { childMain } from '../child';
import {
	CLIENTS,
	type Client,
	type OverheadReport,
	type OverheadRun,
	type OverheadTask,
} from './overhead';

/** What happens to one item before any request: a step of the node's own code, or the reference's. */
type Build = (ctx: IExecuteFunctions, itemIndex: number) => unknown;

interface VideoNodeUnderTest {
	label: string;
	base: INodeType;
	credential: string;
	parameters: INodeParameters;
	/**
	 * ours: the node's own per-item code (reading, checking, building the request body); reference: the naive
	 * reference's, reading the parameters that hold a value and building the body, nothing checked; ideal: n8n's
	 * floor, reading those parameters, nothing else.
	 */
	builds: Record<Client, Build>;
}

const read = (ctx: IExecuteFunctions, itemIndex: number, names: readonly string[]) =>
	Object.fromEntries(names.map((name) => [name, ctx.getNodeParameter(name, itemIndex)]));

const RUNWARE_FIELDS = ['positivePrompt', 'duration', 'dimensions', 'options'] as const;
const RUNWAY_FIELDS = ['model', 'text_prompt', 'duration', 'aspect_ratio'] as const;

const VIDEO_NODES: VideoNodeUnderTest[] = [
	{
		label: 'Runware Video',
		base: new RunwareVideo(),
		credential: 'runwareApi',
		parameters: {
			model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
			positivePrompt: '={{ $json.prompt }}',
			duration: '={{ $json.duration }}',
			dimensions: '1920x1080',
			options: { seed: 42, CFGScale: 0.5 },
			waitMode: 'submit',
		},
		builds: {
			// What the node does for each item of a Submit Only run, up to the batched request.
			ours: async (ctx, itemIndex) =>
				await pendingTask(ctx, await prepareItem(ctx, itemIndex, 'submit'), undefined, {}),
			reference: (ctx, itemIndex) => {
				const model = ctx.getNodeParameter('model', itemIndex, '', { extractValue: true });
				const { positivePrompt, duration, dimensions, options } = read(
					ctx,
					itemIndex,
					RUNWARE_FIELDS,
				);
				const [width, height] = String(dimensions).split('x');
				return {
					taskType: 'videoInference',
					taskUUID: randomUUID(),
					model,
					positivePrompt,
					duration,
					width: Number(width),
					height: Number(height),
					...(options as IDataObject),
				};
			},
			ideal: (ctx, itemIndex) => {
				ctx.getNodeParameter('model', itemIndex, '', { extractValue: true });
				return read(ctx, itemIndex, RUNWARE_FIELDS);
			},
		},
	},
	{
		label: 'Runway Video',
		base: new RunwayVideo(),
		credential: 'useApiApi',
		parameters: {
			model: 'gen4.5',
			text_prompt: '={{ $json.prompt }}',
			duration: '={{ $json.duration }}',
			aspect_ratio: '16:9',
			waitMode: 'submit',
		},
		builds: {
			ours: async (ctx, itemIndex) =>
				await readRunwayRequest(ctx, itemIndex, { credentialEmail: '' }),
			reference: (ctx, itemIndex) => ({ ...read(ctx, itemIndex, RUNWAY_FIELDS) }),
			ideal: (ctx, itemIndex) => read(ctx, itemIndex, RUNWAY_FIELDS),
		},
	},
];

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** The node's description with an `execute` that only builds every item, timing the loop. */
function buildOnly(base: INodeType, type: string, build: Build): INodeType {
	return {
		description: { ...base.description, name: type, webhooks: undefined },
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const count = this.getInputData().length;
			collectGarbage?.();
			const cpu = process.cpuUsage();
			const started = performance.now();
			for (let itemIndex = 0; itemIndex < count; itemIndex++) await build(this, itemIndex);
			const { user, system } = process.cpuUsage(cpu);
			const elapsedMs = performance.now() - started;
			return [[{ json: { cpuMs: (user + system) / 1000, elapsedMs } }]];
		},
	};
}

const typeOf = (nodeIndex: number, client: Client) => `bench.build.${nodeIndex}.${client}`;

function inputItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: { prompt: `A koi pond in the rain, take ${index}`, duration: 5 },
	}));
}

async function timedRun(
	harness: Harness,
	nodeIndex: number,
	client: Client,
	items: INodeExecutionData[],
): Promise<OverheadRun> {
	const video = VIDEO_NODES[nodeIndex];
	const result = await harness.runWorkflow({
		...workflow([
			startNode(items),
			node('Build', typeOf(nodeIndex, client), video.parameters, {
				credentials: [video.credential],
			}),
		]),
		timeoutMs: 300_000,
	});
	const [item] = result.output('Build');
	if (!item) throw new Error(`${video.label}, ${client}: ${result.error?.message ?? 'no output'}`);
	const perItem = (ms: unknown) => ((ms as number) * 1000) / items.length;
	return {
		cpuMicroseconds: perItem(item.json.cpuMs),
		wallMicroseconds: perItem(item.json.elapsedMs),
	};
}

/**
 * Every client of every node, in rounds: each round runs the three clients of a node one after the other, in an
 * order rotated from round to round, so that warm-up, garbage left by the previous run and machine noise hit them
 * alike. An untimed round on fewer items first lets the JIT compile every path.
 */
async function measure(task: OverheadTask): Promise<OverheadReport> {
	const harness = await createHarness({
		nodeTypes: Object.fromEntries(
			VIDEO_NODES.flatMap((video, nodeIndex) =>
				CLIENTS.map((client) => [
					typeOf(nodeIndex, client),
					buildOnly(video.base, typeOf(nodeIndex, client), video.builds[client]),
				]),
			),
		),
		credentialTypes: [new RunwareApi(), new UseApiApi()],
		credentials: {
			runwareApi: { apiKey: 'unused', baseUrl: 'http://127.0.0.1:9', schemaBaseUrl: '' },
			useApiApi: { apiToken: 'user:1-unused', email: '', baseUrl: 'http://127.0.0.1:9' },
		},
	});
	const report: OverheadReport = {};
	try {
		const warmUp = inputItems(task.warmUpItems);
		const items = inputItems(task.items);
		for (const [nodeIndex, video] of VIDEO_NODES.entries()) {
			for (const client of CLIENTS) await timedRun(harness, nodeIndex, client, warmUp);
			const runs = { ours: [], reference: [], ideal: [] } as Record<Client, OverheadRun[]>;
			for (let round = 0; round < task.rounds; round++) {
				for (let turn = 0; turn < CLIENTS.length; turn++) {
					const client = CLIENTS[(round + turn) % CLIENTS.length];
					runs[client].push(await timedRun(harness, nodeIndex, client, items));
				}
			}
			report[video.label] = runs;
		}
		return report;
	} finally {
		await harness.close();
	}
}

childMain(measure);
