import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	findRunwareModel,
	runwareModels,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
import { durationWhenUnset } from '../../../nodes/shared/providers/runware/modelOptions';
import type { RunwareVideoRequest } from '../../../nodes/shared/providers/runware/body';
import { validateRunwareVideoRequest } from '../../../nodes/shared/providers/runware/validation';
import { model, NODE_NAME, RUNWARE_VIDEO, sentTasks, setup, videoRun, type Setup } from './setup';
import { shown } from './shown';

const url = (file: string) => `https://example.com/${file}`;

/** Every field the editor can hide, with a well-formed value and the request field it becomes. */
const FORCEABLE: ReadonlyArray<{ path: string; field: string }> = [
	{ path: 'positivePrompt', field: 'positivePrompt' },
	{ path: 'duration', field: 'duration' },
	{ path: 'videoOptions.fps', field: 'fps' },
	{ path: 'dimensions', field: 'width' },
	{ path: 'videoOptions.resolution', field: 'resolution' },
	{ path: 'options.seed', field: 'seed' },
	{ path: 'advanced.CFGScale', field: 'CFGScale' },
	{ path: 'options.negativePrompt', field: 'negativePrompt' },
	{ path: 'advanced.steps', field: 'steps' },
	{ path: 'frameImages', field: 'frameImages' },
	{ path: 'referenceImages', field: 'referenceImages' },
	{ path: 'referenceVideos', field: 'referenceVideos' },
	{ path: 'inputAudios', field: 'inputAudios' },
	{ path: 'speech', field: 'speech' },
];

/** Every forceable field set at once; the model comes from the item, so the editor hides nothing. */
const FORCED: INodeParameters = {
	model: { __rl: true, mode: 'id', value: '={{ $json.air }}' },
	positivePrompt: 'A koi pond in the rain, slow motion',
	duration: 5,
	dimensions: '1280x720',
	videoOptions: { fps: 24, resolution: '720p' },
	options: { seed: 7, negativePrompt: 'blurry frames' },
	advanced: { CFGScale: 0.5, steps: 20 },
	frameImages: { frameImage: [{ source: 'text', inputImage: url('first.png') }] },
	referenceImages: { image: [{ source: 'text', image: url('look.png') }] },
	referenceVideos: { video: [{ source: 'text', video: url('clip.mp4') }] },
	inputAudios: { audio: [{ source: 'text', audio: url('voice.mp3') }] },
	speech: { voice: 'Emily', text: 'Hello from n8n' },
	waitMode: 'submit',
	returnAs: 'url',
};

describe('Runware Video: the editor and validation follow the same model facts', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());

	const load = async (methodName: string, air: string, path: string) =>
		await env.harness.loadOptions({
			nodeType: RUNWARE_VIDEO,
			methodName,
			parameters: { model: model(air) },
			credentials: ['runwareApi'],
			path: `parameters.${path}`,
		});

	/** Each loader, the request fields one of its values becomes, and the fields validation may name. */
	const LOADERS: ReadonlyArray<{
		method: string;
		path: string;
		request: (value: string | number | boolean) => IDataObject;
		fields: string[];
	}> = [
		{
			method: 'getDurations',
			path: 'duration',
			request: (value) => ({ duration: value }),
			fields: ['duration'],
		},
		{
			method: 'getFrameRates',
			path: 'videoOptions.fps',
			request: (value) => ({ fps: value }),
			fields: ['fps'],
		},
		{
			method: 'getDimensions',
			path: 'dimensions',
			request: (value) => {
				const [width, height] = String(value).split('x').map(Number);
				return { width, height };
			},
			fields: ['width', 'height'],
		},
		{
			method: 'getResolutions',
			path: 'videoOptions.resolution',
			request: (value) => ({ resolution: value }),
			fields: ['resolution'],
		},
		{
			method: 'getVoices',
			path: 'speech.voice',
			request: (value) => ({ speech: { voice: value, text: 'Hello' } }),
			fields: ['speech', 'speech.voice'],
		},
	];

	it.each(runwareModels.map((entry) => entry.air))(
		'validation accepts every value the dropdowns offer for %s',
		async (air) => {
			const refused: string[] = [];
			for (const loader of LOADERS) {
				for (const option of await load(loader.method, air, loader.path)) {
					// The first entry ('') sends nothing but the duration the node fills in, as the node does.
					const model = findRunwareModel(air);
					// "Model Default (from the frame image)" holds only with a frame image.
					const fromFrame =
						option.value === '' &&
						model?.dimensions &&
						model.dimensions.required === 'withoutFrameImages';
					const request: RunwareVideoRequest = {
						model: air,
						...(option.value === '' ? {} : loader.request(option.value)),
						...(fromFrame ? { frameImages: [{ image: url('first.png') }] } : {}),
					};
					request.duration ??= durationWhenUnset(model);
					const issues = validateRunwareVideoRequest(request, model);
					for (const issue of issues.filter((found) => loader.fields.includes(found.field))) {
						refused.push(`${loader.method} ${String(option.value)}: ${issue.message}`);
					}
				}
			}
			expect(refused).toEqual([]);
		},
	);

	/** Whether the catalogue states the fact a loader offers (unknown facts offer the API document's generic ranges). */
	const STATED: Record<string, (entry: RunwareModel) => boolean> = {
		getDurations: (entry) => entry.durations !== undefined,
		getFrameRates: (entry) => entry.fps !== undefined,
		getDimensions: (entry) => entry.dimensions === false || entry.dimensions?.pairs !== undefined,
		getResolutions: (entry) => entry.resolutions !== undefined,
		getVoices: (entry) => entry.speech === false || entry.speech?.voices !== undefined,
	};

	it('offers, for every stated fact of every catalogued model, each value validation accepts', async () => {
		// Candidates: every value any model is offered, so a value one model takes is tried on all others.
		const offered = new Map<string, Array<string | number | boolean>>();
		for (const loader of LOADERS) {
			for (const entry of runwareModels) {
				const values = (await load(loader.method, entry.air, loader.path)).map((o) => o.value);
				offered.set(`${loader.method} ${entry.air}`, values);
			}
		}
		const accepted: string[] = [];
		let tried = 0;
		for (const loader of LOADERS) {
			const candidates = new Set(
				[...offered.entries()]
					.filter(([key]) => key.startsWith(`${loader.method} `))
					.flatMap(([, values]) => values)
					.filter((value) => value !== ''),
			);
			for (const entry of runwareModels.filter((model) => STATED[loader.method](model))) {
				const own = offered.get(`${loader.method} ${entry.air}`) ?? [];
				for (const value of [...candidates].filter((candidate) => !own.includes(candidate))) {
					tried++;
					const request: RunwareVideoRequest = { model: entry.air, ...loader.request(value) };
					request.duration ??= durationWhenUnset(entry);
					const issues = validateRunwareVideoRequest(request, entry);
					if (!issues.some((issue) => loader.fields.includes(issue.field))) {
						accepted.push(
							`${entry.air} ${loader.method}: ${String(value)} is accepted, not offered`,
						);
					}
				}
			}
		}
		expect(accepted).toEqual([]);
		expect(tried).toBeGreaterThan(1000);
	});

	it('refuses, for every catalogued model, each hidden field forced through an expression', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(
				FORCED,
				runwareModels.map((entry) => ({ json: { air: entry.air } })),
				{ onError: 'continueRegularOutput' },
			),
		);
		const output = result.output(NODE_NAME);
		expect(output).toHaveLength(runwareModels.length);
		const missed: string[] = [];
		let hidden = 0;
		runwareModels.forEach((entry, index) => {
			const paths = shown(entry.air);
			const problems = `${String(output[index].json.error ?? '')}\n${String(output[index].json.description ?? '')}`;
			for (const { path, field } of FORCEABLE.filter((forceable) => !paths.has(forceable.path))) {
				hidden++;
				if (!problems.includes(`${field} is not accepted by`)) {
					missed.push(`${entry.air}: hidden ${path} was not refused`);
				}
			}
		});
		expect(missed).toEqual([]);
		expect(hidden).toBeGreaterThan(0);
	});
});

describe('Runware Video: a value offered from the public model schema is accepted', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup({ schemas: true });
	});
	afterAll(async () => await env.close());

	it('sends the schema duration the dropdown offers, and refuses one the schema leaves out', async () => {
		const durations = await env.harness.loadOptions({
			nodeType: RUNWARE_VIDEO,
			methodName: 'getDurations',
			parameters: { model: model('openai:3@2') },
			credentials: ['runwareApi'],
			path: 'parameters.duration',
		});
		// The emulator's schema of Sora 2 Pro lists 16 s, which the catalogue does not.
		expect(durations.map((option) => option.value)).toContain(16);

		const run = (duration: number) =>
			videoRun({
				model: model('openai:3@2'),
				positivePrompt: 'A lighthouse in a storm',
				duration,
				waitMode: 'submit',
				returnAs: 'url',
			});
		const offered = await env.harness.runWorkflow(run(16));
		expect(offered.error).toBeUndefined();
		expect(sentTasks(env.emulator).map((task) => task.duration)).toEqual([16]);

		const left = await env.harness.runWorkflow(run(6));
		expect(left.error?.message).toBe(
			'duration 6 is not supported by OpenAI Sora 2 Pro (openai:3@2): allowed 4, 8, 12, 16, 20',
		);
		expect(sentTasks(env.emulator)).toHaveLength(1);
	});
});
