import { randomUUID } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RUNWARE_MODELS } from '../../emulator/runware/rules/models';
import { SchemaRegistry } from '../../emulator/runware/schemas';
import { NODE_NAME, sentTasks, setup, videoRun, type Setup } from '../runware-video/setup';
import { compareVerdicts, expectAgreement, type AgreementCase, type Comparison } from './verdicts';
import { MEDIA_RUNS, runwareCases, type MediaSet } from './runware-cases';

/*
 * The node's verdict (refuse before sending, or send) must be the emulator's verdict on the same
 * task, for every documented rule of every documented model. The emulator is asked directly: the
 * same tasks, in API form, in one POST.
 */

const PNG_1PX =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Every field read from the item's JSON; `ttl` (60 + item index) tags each item's task. */
const FIELDS_FROM_JSON: INodeParameters = {
	model: { __rl: true, mode: 'id', value: '={{ $json.model }}' },
	positivePrompt: '={{ $json.positivePrompt ?? "" }}',
	dimensions: '={{ $json.dimensions ?? "" }}',
	duration: '={{ $json.duration ?? "" }}',
	videoOptions: { fps: '={{ $json.fps ?? "" }}' },
	options: {
		negativePrompt: '={{ $json.negativePrompt ?? "" }}',
		seed: '={{ $json.seed ?? "" }}',
	},
	advanced: {
		CFGScale: '={{ $json.CFGScale ?? "" }}',
		ttl: '={{ $json.ttl }}',
	},
	waitMode: 'submit',
};

const MEDIA = {
	image: PNG_1PX,
	video: 'data:video/mp4;base64,AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDE=',
	audio: 'data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=',
};

const repeat = <T>(count: number | undefined, value: T): T[] =>
	Array.from({ length: count ?? 0 }, () => value);

/** The node's media lists for a run: every entry a text value. */
function mediaParameters(media: MediaSet): INodeParameters {
	const entries = (key: string, count: number | undefined, value: string) =>
		repeat(count, { source: 'text', [key]: value });
	return {
		frameImages: {
			frameImage: media.frames.map((frame) => ({ source: 'text', inputImage: MEDIA.image, frame })),
		},
		referenceImages: { image: entries('image', media.referenceImages, MEDIA.image) },
		referenceVideos: { video: entries('video', media.referenceVideos, MEDIA.video) },
		inputAudios: { audio: entries('audio', media.inputAudios, MEDIA.audio) },
		providerSettings: media.providerSettings ?? {},
	};
}

/** The task as the API takes it: nested `inputs` (every model accepts them, reference "Flat (2025) vs nested inputs"), under the model's keys. */
function apiTask(body: IDataObject, media: MediaSet): IDataObject {
	const { dimensions, ...rest } = body;
	const [width, height] = typeof dimensions === 'string' ? dimensions.split('x').map(Number) : [];
	const imageKey =
		RUNWARE_MODELS[String(body.model)]?.nestedInputKeys?.referenceImages ?? 'referenceImages';
	const inputs = Object.fromEntries(
		Object.entries({
			frameImages: media.frames.map((frame) => ({ image: MEDIA.image, frame })),
			[imageKey]: repeat(media.referenceImages, MEDIA.image),
			referenceVideos: repeat(media.referenceVideos, MEDIA.video),
			audios: repeat(media.inputAudios, MEDIA.audio),
		}).filter(([, list]) => list.length > 0),
	);
	return {
		taskType: 'videoInference',
		taskUUID: randomUUID(),
		deliveryMethod: 'async',
		...rest,
		...(width ? { width, height } : {}),
		...(Object.keys(inputs).length > 0 ? { inputs } : {}),
		...(media.providerSettings ? { providerSettings: media.providerSettings } : {}),
	};
}

/** The emulator's verdict on each task: undefined when accepted, else its error code and message. */
async function emulatorVerdicts(
	env: Setup,
	tasks: IDataObject[],
): Promise<Array<string | undefined>> {
	const response = await fetch(env.emulator.runwareUrl, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${env.emulator.runwareApiKey}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify(tasks),
	});
	const answer = (await response.json()) as { errors?: IDataObject[] };
	return tasks.map((task) => {
		const error = answer.errors?.find((entry) => entry.taskUUID === task.taskUUID);
		return error ? `${String(error.code)}: ${String(error.message)}` : undefined;
	});
}

async function compare(env: Setup, cases: AgreementCase[], media: MediaSet): Promise<Comparison> {
	const items = cases.map((entry, index) => ({ json: { ...entry.body, ttl: 60 + index } }));
	const before = sentTasks(env.emulator).length;
	const result = await env.harness.runWorkflow(
		videoRun({ ...FIELDS_FROM_JSON, ...mediaParameters(media) }, items, {
			onError: 'continueRegularOutput',
		}),
	);
	const sent = sentTasks(env.emulator).slice(before);
	const output = result.output(NODE_NAME);
	expect(output).toHaveLength(cases.length);
	// A task the node sent is judged as sent (its shape is the node's choice); one it refused, in the
	// nested form every model accepts.
	const sentTask = (index: number) => sent.find((task) => task.ttl === 60 + index);
	const verdicts = await emulatorVerdicts(
		env,
		items.map((item, index) => {
			const task = sentTask(index);
			return task ? { ...task, taskUUID: randomUUID() } : apiTask(item.json, media);
		}),
	);
	return compareVerdicts(cases, (index) => ({
		sent: sentTask(index) !== undefined,
		itemError: output[index].json.error as string | undefined,
		refusal: verdicts[index],
	}));
}

/**
 * The emulator's schema fixtures stand for a live API that has drifted from the documents on
 * purpose (see test/emulator/README.md); the node validates with its catalogue, so those models are
 * left out of the comparison of documented rules.
 */
const fixtures = new SchemaRegistry();
const DOCUMENTED_ONLY = Object.keys(RUNWARE_MODELS).filter(
	(air) => fixtures.get(air) === undefined,
);

describe('Runware Video and the Runware emulator agree on every documented rule', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({ knobs: { runware: { generationMs: 1 } } });
	});
	afterAll(async () => await env.close());

	it.each(MEDIA_RUNS.map((media) => [media.name, media] as const))('with %s', async (_, media) => {
		expectAgreement(await compare(env, runwareCases(media, DOCUMENTED_ONLY), media));
	});
});
