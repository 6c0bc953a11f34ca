import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { readItemRequest } from '../../nodes/RunwareVideo/actions/request';
import { RunwareVideo } from '../../nodes/RunwareVideo/RunwareVideo.node';
import { readRunwayRequest } from '../../nodes/RunwayVideo/actions/readRequest';
import { RunwayVideo } from '../../nodes/RunwayVideo/RunwayVideo.node';
import { findRunwareModel } from '../../nodes/shared/providers/runware/catalogue';
import { validateRunwareVideoRequest } from '../../nodes/shared/providers/runware/validation';
import { buildVideoInferenceTask } from '../../nodes/shared/providers/runware/videoInference';
import { RunwareApi } from '../../credentials/RunwareApi.credentials';
import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import { createHarness, node, startNode, workflow, type Harness } from '../../test/harness';
import type { Figure, Measure } from '../report';
import { progress } from '../report';

const ITEMS = 10_000;
const ROUNDS = 4;

/** What happens to one item before any request: a step of the node's own code, or the reference's. */
type Build = (ctx: IExecuteFunctions, itemIndex: number) => unknown;

interface Client {
	/** The node's own: reading, checking and building the request. */
	ours: Build;
	/** The naive reference: reading the parameters that hold a value and building the body, nothing checked. */
	reference: Build;
	/** n8n's floor: reading the same parameters, nothing else. */
	ideal: Build;
}

interface VideoNodeUnderTest {
	label: string;
	base: INodeType;
	parameters: INodeParameters;
	builds: Client;
}

const read = (ctx: IExecuteFunctions, itemIndex: number, names: readonly string[]) =>
	Object.fromEntries(names.map((name) => [name, ctx.getNodeParameter(name, itemIndex)]));

const RUNWARE_FIELDS = ['positivePrompt', 'duration', 'dimensions', 'options'] as const;
const RUNWAY_FIELDS = ['model', 'text_prompt', 'duration', 'aspect_ratio'] as const;

const runware: VideoNodeUnderTest = {
	label: 'Runware Video',
	base: new RunwareVideo(),
	parameters: {
		model: { __rl: true, mode: 'list', value: 'klingai:5@3' },
		positivePrompt: '={{ $json.prompt }}',
		duration: '={{ $json.duration }}',
		dimensions: '1920x1080',
		options: { seed: 42, CFGScale: 0.5 },
		waitMode: 'submit',
	},
	builds: {
		ours: (ctx, itemIndex) => {
			const { request } = readItemRequest(ctx, itemIndex);
			const model = findRunwareModel(request.model);
			const issues = validateRunwareVideoRequest(request, model);
			if (issues.length > 0) throw new Error(issues[0].message);
			return buildVideoInferenceTask(request, randomUUID(), model);
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
};

const runway: VideoNodeUnderTest = {
	label: 'Runway Video',
	base: new RunwayVideo(),
	parameters: {
		model: 'gen4.5',
		text_prompt: '={{ $json.prompt }}',
		duration: '={{ $json.duration }}',
		aspect_ratio: '16:9',
		waitMode: 'submit',
	},
	builds: {
		ours: (ctx, itemIndex) => readRunwayRequest(ctx, itemIndex, { credentialEmail: '' }),
		reference: (ctx, itemIndex) => ({ ...read(ctx, itemIndex, RUNWAY_FIELDS) }),
		ideal: (ctx, itemIndex) => read(ctx, itemIndex, RUNWAY_FIELDS),
	},
};

/** The node's description with an `execute` that only builds every item, timing the loop. */
function buildOnly(base: INodeType, type: string, build: Build): INodeType {
	return {
		description: { ...base.description, name: type, webhooks: undefined },
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const count = this.getInputData().length;
			const started = performance.now();
			for (let itemIndex = 0; itemIndex < count; itemIndex++) build(this, itemIndex);
			return [[{ json: { elapsedMs: performance.now() - started } }]];
		},
	};
}

const inputItems = Array.from({ length: ITEMS }, (_, index) => ({
	json: { prompt: `A koi pond in the rain, take ${index}`, duration: 5 },
}));

/** Microseconds per item of one run of all items. */
async function microsecondsPerItem(
	harness: Harness,
	type: string,
	parameters: INodeParameters,
	credential: string,
): Promise<number> {
	const result = await harness.runWorkflow({
		...workflow([
			startNode(inputItems),
			node('Build', type, parameters, { credentials: [credential] }),
		]),
		timeoutMs: 300_000,
	});
	const [item] = result.output('Build');
	if (!item) throw new Error(`${type}: ${result.error?.message ?? 'no output'}`);
	return ((item.json.elapsedMs as number) * 1000) / ITEMS;
}

/** Figure 5: building and validating 10,000 items per video node, no network. */
export async function perItemOverhead(): Promise<Figure> {
	const nodes = [runware, runway];
	const kinds = ['ours', 'reference', 'ideal'] as const;
	const typeOf = (index: number, kind: string) => `bench.build.${index}.${kind}`;
	const harness = await createHarness({
		nodeTypes: Object.fromEntries(
			nodes.flatMap((video, index) =>
				kinds.map((kind) => [
					typeOf(index, kind),
					buildOnly(video.base, typeOf(index, kind), video.builds[kind]),
				]),
			),
		),
		credentialTypes: [new RunwareApi(), new UseApiApi()],
		credentials: {
			runwareApi: { apiKey: 'unused', baseUrl: 'http://127.0.0.1:9', schemaBaseUrl: '' },
			useApiApi: { apiToken: 'user:1-unused', email: '', baseUrl: 'http://127.0.0.1:9' },
		},
	});
	try {
		const measures: Measure[] = [];
		for (const [index, video] of nodes.entries()) {
			progress(`figure 5: ${ITEMS} items through ${video.label}`);
			const credential = index === 0 ? 'runwareApi' : 'useApiApi';
			// Rounds interleave the three, so that warm-up and machine noise hit them alike; the best round counts.
			const timings: Record<string, number> = {};
			for (let round = 0; round < ROUNDS; round++) {
				for (const kind of kinds) {
					const microseconds = await microsecondsPerItem(
						harness,
						typeOf(index, kind),
						video.parameters,
						credential,
					);
					timings[kind] = Math.min(timings[kind] ?? Number.POSITIVE_INFINITY, microseconds);
				}
			}
			measures.push({
				label: `${video.label}: per item`,
				unit: 'µs',
				ours: timings.ours,
				reference: timings.reference,
				ideal: timings.ideal,
			});
		}
		return {
			id: 5,
			title: 'Per-item overhead',
			setup: `${ITEMS} items (prompt and duration from expressions) read, checked and built into request bodies by each video node, inside n8n's execution (getNodeParameter), no network; best of ${ROUNDS} rounds.`,
			measures,
			notes: [
				"Reference: reads the parameters that hold a value and builds the body, nothing checked. Ideal: n8n's floor, reading those parameters only.",
				'Ours reads every field of the node (unset ones too) and checks each against the model catalogue before anything is sent.',
			],
		};
	} finally {
		await harness.close();
	}
}
