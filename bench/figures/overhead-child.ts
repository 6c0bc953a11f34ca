/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling: CPU time and garbage collection of the measured process, the compiled package loaded from disk */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import type * as RunwareGenerate from '../../nodes/RunwareVideo/actions/generate.operation';
import type * as RunwareRequest from '../../nodes/RunwareVideo/actions/readRequest';
import type * as RunwareModels from '../../nodes/shared/providers/runware/modelOptions';
import type * as RunwareNode from '../../nodes/RunwareVideo/RunwareVideo.node';
import type * as RunwayGenerate from '../../nodes/RunwayVideo/actions/generate.operation';
import type * as RunwayRequest from '../../nodes/RunwayVideo/actions/readRequest';
import type * as RunwayNode from '../../nodes/RunwayVideo/RunwayVideo.node';
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

/** The package's modules the figure runs, compiled by tsc as n8n loads them (see `compilePackage`). */
interface CompiledPackage {
	runwareNode: typeof RunwareNode;
	runwareGenerate: typeof RunwareGenerate;
	runwareRequest: typeof RunwareRequest;
	runwareModels: typeof RunwareModels;
	runwayNode: typeof RunwayNode;
	runwayGenerate: typeof RunwayGenerate;
	runwayRequest: typeof RunwayRequest;
}

function loadPackage(dir: string): CompiledPackage {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- modules compiled at run time
	const load = <Module>(path: string) => require(join(dir, `${path}.js`)) as Module;
	return {
		runwareNode: load('nodes/RunwareVideo/RunwareVideo.node'),
		runwareGenerate: load('nodes/RunwareVideo/actions/generate.operation'),
		runwareRequest: load('nodes/RunwareVideo/actions/readRequest'),
		runwareModels: load('nodes/shared/providers/runware/modelOptions'),
		runwayNode: load('nodes/RunwayVideo/RunwayVideo.node'),
		runwayGenerate: load('nodes/RunwayVideo/actions/generate.operation'),
		runwayRequest: load('nodes/RunwayVideo/actions/readRequest'),
	};
}

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

const videoNodes = ({
	runwareNode: { RunwareVideo },
	runwareGenerate: { pendingTask, prepareItem },
	runwareRequest: { readRunwareRequest },
	runwareModels: { resolveRunwareModels },
	runwayNode: { RunwayVideo },
	runwayGenerate: { prepareItem: prepareRunwayItem },
	runwayRequest: { readRunwayRequest },
}: CompiledPackage): VideoNodeUnderTest[] => {
	type Models = Awaited<ReturnType<typeof resolveRunwareModels>>;
	// The node resolves the models its items name once per run, then checks and builds every item.
	const modelsOfRun = new WeakMap<IExecuteFunctions, Models>();
	const runwareTask = (
		ctx: IExecuteFunctions,
		itemIndex: number,
		item: ReturnType<typeof readRunwareRequest>,
		models: Models,
	) => {
		const prepared = prepareItem(ctx, itemIndex, item, models.get(item.request.model), 'submit');
		return pendingTask(prepared, prepared.request, undefined);
	};
	return [
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
				ours: (ctx, itemIndex) => {
					const item = readRunwareRequest(ctx, itemIndex);
					const models = modelsOfRun.get(ctx);
					if (models) return runwareTask(ctx, itemIndex, item, models);
					return resolveRunwareModels(ctx, [item.request.model]).then((resolved) => {
						modelsOfRun.set(ctx, resolved);
						return runwareTask(ctx, itemIndex, item, resolved);
					});
				},
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
				ours: (ctx, itemIndex) =>
					prepareRunwayItem(ctx, itemIndex, readRunwayRequest(ctx, itemIndex), {
						credentialEmail: '',
					}),
				reference: (ctx, itemIndex) => ({ ...read(ctx, itemIndex, RUNWAY_FIELDS) }),
				ideal: (ctx, itemIndex) => read(ctx, itemIndex, RUNWAY_FIELDS),
			},
		},
	];
};

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * The node's description with an `execute` that builds every item with each of the three clients in turn (the
 * first one rotating from item to item), timing each build: all three share the machine's state and noise alike.
 */
function interleaved(video: VideoNodeUnderTest, type: string): INodeType {
	return {
		description: { ...video.base.description, name: type, webhooks: undefined },
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const count = this.getInputData().length;
			const cpuMs = { ours: 0, reference: 0, ideal: 0 };
			const elapsedMs = { ours: 0, reference: 0, ideal: 0 };
			collectGarbage?.();
			for (let itemIndex = 0; itemIndex < count; itemIndex++) {
				for (let turn = 0; turn < CLIENTS.length; turn++) {
					const client = CLIENTS[(itemIndex + turn) % CLIENTS.length];
					const cpu = process.cpuUsage();
					const started = performance.now();
					await video.builds[client](this, itemIndex);
					elapsedMs[client] += performance.now() - started;
					const { user, system } = process.cpuUsage(cpu);
					cpuMs[client] += (user + system) / 1000;
				}
			}
			return [[{ json: { cpuMs, elapsedMs } }]];
		},
	};
}

const typeOf = (nodeIndex: number) => `bench.build.${nodeIndex}`;

function inputItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: { prompt: `A koi pond in the rain, take ${index}`, duration: 5 },
	}));
}

/** One execution of all items through the three clients of one node. */
async function timedRun(
	harness: Harness,
	video: VideoNodeUnderTest,
	nodeIndex: number,
	items: INodeExecutionData[],
): Promise<Record<Client, OverheadRun>> {
	const result = await harness.runWorkflow({
		...workflow([
			startNode(items),
			node('Build', typeOf(nodeIndex), video.parameters, { credentials: [video.credential] }),
		]),
		timeoutMs: 300_000,
	});
	const [item] = result.output('Build');
	if (!item) throw new Error(`${video.label}: ${result.error?.message ?? 'no output'}`);
	const { cpuMs, elapsedMs } = item.json as Record<string, Record<Client, number>>;
	const perItem = (ms: number) => (ms * 1000) / items.length;
	return Object.fromEntries(
		CLIENTS.map((client) => [
			client,
			{
				cpuMicroseconds: perItem(cpuMs[client]),
				wallMicroseconds: perItem(elapsedMs[client]),
			},
		]),
	) as Record<Client, OverheadRun>;
}

/** Rounds of every node, each an execution of its own; an untimed one on fewer items first warms the JIT up. */
async function measure(task: OverheadTask): Promise<OverheadReport> {
	const videos = videoNodes(loadPackage(task.compiledDir));
	const harness = await createHarness({
		nodeTypes: Object.fromEntries(
			videos.map((video, nodeIndex) => [typeOf(nodeIndex), interleaved(video, typeOf(nodeIndex))]),
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
		for (const [nodeIndex, video] of videos.entries()) {
			await timedRun(harness, video, nodeIndex, warmUp);
			const runs = { ours: [], reference: [], ideal: [] } as Record<Client, OverheadRun[]>;
			for (let round = 0; round < task.rounds; round++) {
				const timings = await timedRun(harness, video, nodeIndex, items);
				for (const client of CLIENTS) runs[client].push(timings[client]);
			}
			report[video.label] = runs;
		}
		return report;
	} finally {
		await harness.close();
	}
}

childMain(measure);
