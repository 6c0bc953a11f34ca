import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	FIELDS_FROM_JSON,
	FIRST,
	NODE_NAME,
	SECOND,
	setup,
	uploadAsset,
	videoRun,
	type Setup,
} from './setup';
import { useApiAssetId } from '../../support/ids';

interface RuleCase {
	rule: string;
	/** The request, in node parameters read from the item (see FIELDS_FROM_JSON). */
	item: IDataObject;
	/** The multishot list as the node stores it; `={{ "" }}` is a value left empty. */
	multishot?: INodeParameters;
	/** Fragments the item's error must contain: the field, the value, the rule. */
	mentions: string[];
}

/** A well-formed asset ID named `name` on the first account, as useapi.net gives them. */
const asset = (name: string) => useApiAssetId(FIRST, name);
const images = (count: number, first = 1): IDataObject =>
	Object.fromEntries(
		Array.from({ length: count }, (_, i) => [
			`imageAssetId${first + i}`,
			asset(`img-${first + i}`),
		]),
	);
const shots = (...durations: number[]): INodeParameters => ({
	shots: durations.map((duration, i) => ({ prompt: `Shot ${i + 1}`, duration })),
});
const EMPTY = '={{ "" }}';
const MOTION = {
	model: 'kling-3.0-motion-control',
	imageAssetId1: asset('img-1'),
	videoAssetId: asset('vid-1'),
};
const ANIMATE = {
	model: 'wan-2.2-animate',
	imageAssetId1: asset('img-1'),
	videoAssetId: asset('vid-1'),
};

/** Every rule of the seed, broken once. */
const RULES: RuleCase[] = [
	{
		rule: 'unknown model',
		item: { model: 'gen3a_turbo' },
		mentions: ['model "gen3a_turbo" is unknown'],
	},
	{ rule: 'missing model', item: { model: '' }, mentions: ['model is missing', 'seedance-2'] },
	{
		rule: 'duration outside the set',
		item: { model: 'veo-3.1', duration: 5 },
		mentions: ['duration 5', 'veo-3.1', '4, 6, 8'],
	},
	{
		rule: 'duration outside the range',
		item: { model: 'gen4.5', duration: 11 },
		mentions: ['duration 11', 'from 2 to 10'],
	},
	{
		rule: 'duration in whole seconds',
		item: { model: 'seedance-2', duration: 4.5 },
		mentions: ['duration 4.5', 'whole seconds from 4 to 15'],
	},
	{
		rule: 'duration not accepted (inherited)',
		item: { ...MOTION, duration: 5 },
		mentions: ['duration 5', 'not accepted by kling-3.0-motion-control', 'reference video'],
	},
	{
		rule: 'duration not accepted (auto)',
		item: { ...ANIMATE, duration: 10 },
		mentions: ['duration 10', 'not accepted by wan-2.2-animate'],
	},
	{
		rule: 'aspect_ratio not offered by the model',
		item: { model: 'veo-3.1', aspect_ratio: '1:1' },
		mentions: ['aspect_ratio "1:1"', '16:9, 9:16'],
	},
	{
		rule: 'aspect_ratio of gen4.5 text to video',
		item: { model: 'gen4.5', aspect_ratio: '9:16' },
		mentions: ['aspect_ratio "9:16"', 'text-to-video', '16:9'],
	},
	{
		rule: 'aspect_ratio not accepted (inherited)',
		item: { ...MOTION, aspect_ratio: '16:9' },
		mentions: ['aspect_ratio "16:9"', 'not accepted', 'character image'],
	},
	{
		rule: 'resolution not offered',
		item: { model: 'gen4', text_prompt: 'x', imageAssetId1: asset('img-1'), resolution: '1080p' },
		mentions: ['resolution "1080p"', 'allowed values are 720p'],
	},
	{
		rule: 'resolution not accepted (derived from the tier)',
		item: { model: 'kling-o3-pro', resolution: '1080p' },
		mentions: ['resolution "1080p"', 'not accepted by kling-o3-pro'],
	},
	{
		rule: 'characterOrientation only for motion control',
		item: { model: 'veo-3.1', characterOrientation: 'image' },
		mentions: ['characterOrientation "image"', 'not accepted by veo-3.1'],
	},
	{
		rule: 'characterOrientation values',
		item: { ...MOTION, characterOrientation: 'sideways' },
		mentions: ['characterOrientation "sideways"', 'image or video'],
	},
	{
		rule: 'seed only on gen4.5, gen4, gen4-turbo',
		item: { model: 'veo-3.1', seed: 7 },
		mentions: ['seed 7', 'not accepted by veo-3.1', 'gen4.5, gen4, gen4-turbo'],
	},
	{
		rule: 'seed range',
		item: { model: 'gen4.5', seed: 4294967295 },
		mentions: ['seed 4294967295', 'from 1 to 4294967294'],
	},
	{
		rule: 'seed a whole number',
		item: { model: 'gen4.5', seed: 2.5 },
		mentions: ['seed 2.5', 'whole number'],
	},
	{
		rule: 'maxJobs range',
		item: { model: 'gen4.5', maxJobs: 11 },
		mentions: ['maxJobs 11', 'from 1 to 10'],
	},
	{
		rule: 'replyUrl length',
		item: { model: 'gen4.5', replyUrl: `http://127.0.0.1/${'r'.repeat(1010)}` },
		mentions: ['replyUrl', '1027 characters', 'limit is 1024'],
	},
	{
		rule: 'replyRef length',
		item: { model: 'gen4.5', replyRef: 'r'.repeat(1025) },
		mentions: ['replyRef', '1025 characters', 'limit is 1024'],
	},
	{
		rule: 'prompt required',
		item: { model: 'kling-2.6-pro' },
		mentions: ['text_prompt is required by kling-2.6-pro'],
	},
	{
		rule: 'prompt length',
		item: { model: 'sora-2', text_prompt: 'x'.repeat(1001) },
		mentions: ['text_prompt', '1001 characters', 'limit is 1000'],
	},
	{
		rule: 'prompt refused (wan-2.2-animate)',
		item: { ...ANIMATE, text_prompt: 'Dance' },
		mentions: ['text_prompt "Dance"', 'not accepted by wan-2.2-animate'],
	},
	{
		rule: 'image required',
		item: { model: 'gen4', text_prompt: 'A prompt' },
		mentions: ['imageAssetId1', 'required by gen4'],
	},
	{
		rule: 'video required',
		item: { model: 'wan-2.2-animate', imageAssetId1: asset('img-1') },
		mentions: ['videoAssetId', 'required by wan-2.2-animate'],
	},
	{
		rule: 'image slot the model lacks',
		item: { model: 'veo-3.1', imageAssetId3: asset('img-3') },
		mentions: [
			`imageAssetId3 "${asset('img-3')}"`,
			'not accepted by veo-3.1',
			'imageAssetId1, imageAssetId2',
		],
	},
	{
		rule: 'video slot only on seedance-2',
		item: { model: 'kling-o3-pro', videoAssetId2: asset('vid-2') },
		mentions: [`videoAssetId2 "${asset('vid-2')}"`, 'accept videoAssetId2: seedance-2'],
	},
	{
		rule: 'no video input',
		item: { model: 'gen4.5', videoAssetId: asset('vid-1') },
		mentions: [`videoAssetId "${asset('vid-1')}"`, 'its video slots: none'],
	},
	{
		rule: 'keyframes only on seedance-2 and kling-o3',
		item: { model: 'veo-3.1', startFrameAssetId: asset('start-1') },
		mentions: [`startFrameAssetId "${asset('start-1')}"`, 'not accepted by veo-3.1'],
	},
	{
		rule: 'kling-o3-4k has no Edit Video',
		item: { model: 'kling-o3-4k', videoAssetId: asset('vid-1') },
		mentions: [`videoAssetId "${asset('vid-1')}"`, 'no Edit Video'],
	},
	{
		rule: 'seedance-2 combined references',
		item: {
			model: 'seedance-2',
			...images(10),
			videoAssetId: asset('vid-1'),
			videoAssetId2: asset('vid-2'),
		},
		mentions: [`videoAssetId2 "${asset('vid-2')}"`, '12 references', 'at most 11 in total'],
	},
	{
		rule: 'endFrameAssetId needs startFrameAssetId',
		item: { model: 'seedance-2', endFrameAssetId: asset('end-1') },
		mentions: [`endFrameAssetId "${asset('end-1')}"`, 'needs startFrameAssetId'],
	},
	{
		rule: 'seedance-2 keyframes exclude references',
		item: {
			model: 'seedance-2',
			startFrameAssetId: asset('start-1'),
			imageAssetId1: asset('img-1'),
		},
		mentions: [`startFrameAssetId "${asset('start-1')}"`, 'mutually exclusive'],
	},
	{
		rule: 'kling-o3 end frame without reference images',
		item: {
			model: 'kling-o3-pro',
			startFrameAssetId: asset('start-1'),
			endFrameAssetId: asset('end-1'),
			imageAssetId1: asset('img-1'),
		},
		mentions: [`endFrameAssetId "${asset('end-1')}"`, 'cannot be combined with reference images'],
	},
	{
		rule: 'Edit Video takes at most 4 reference images',
		item: { model: 'kling-o3-standard', videoAssetId: asset('vid-1'), ...images(5) },
		mentions: [`imageAssetId5 "${asset('img-5')}"`, 'at most 4 reference images'],
	},
	{
		rule: 'multishot on a model without it',
		item: { model: 'veo-3.1' },
		multishot: shots(5, 5),
		mentions: ['shots (2 shots) is not accepted by veo-3.1'],
	},
	{
		rule: 'too few shots',
		item: { model: 'kling-3.0-pro' },
		multishot: shots(5),
		mentions: ['1 multishot shots', '2 to 5 shots'],
	},
	{
		rule: 'too many shots',
		item: { model: 'kling-o3-pro' },
		multishot: shots(3, 3, 3, 3, 3, 3, 3),
		mentions: ['7 multishot shots', '2 to 6 shots'],
	},
	{
		rule: 'shots numbered contiguously',
		item: { model: 'kling-3.0-pro' },
		multishot: {
			shots: [
				{ prompt: 'a', duration: 5 },
				{ prompt: EMPTY, duration: EMPTY },
				{ prompt: 'c', duration: 5 },
			],
		},
		mentions: ['shot 2 (multishot_prompt_2, multishot_duration_2) is empty'],
	},
	{
		rule: 'each shot needs a duration',
		item: { model: 'kling-3.0-pro' },
		multishot: {
			shots: [
				{ prompt: 'a', duration: EMPTY },
				{ prompt: 'b', duration: 5 },
			],
		},
		mentions: ['multishot_duration_1 is missing'],
	},
	{
		rule: 'each shot needs a prompt',
		item: { model: 'kling-o3-4k' },
		multishot: {
			shots: [
				{ prompt: 'a', duration: 5 },
				{ prompt: EMPTY, duration: 5 },
			],
		},
		mentions: ['multishot_prompt_2 is missing'],
	},
	{
		rule: 'shot duration 3–12 s',
		item: { model: 'kling-3.0-pro' },
		multishot: shots(2, 5),
		mentions: ['multishot_duration_1 2', 'from 3 to 12'],
	},
	{
		rule: 'multishot total 15 s',
		item: { model: 'kling-3.0-pro' },
		multishot: shots(12, 4),
		mentions: ['multishot total duration 16 s exceeds 15 s'],
	},
	{
		rule: 'shot prompt 512 characters',
		item: { model: 'kling-3.0-pro' },
		multishot: {
			shots: [
				{ prompt: 'p'.repeat(513), duration: 5 },
				{ prompt: 'b', duration: 5 },
			],
		},
		mentions: ['multishot_prompt_1', '513 characters', 'limit is 512'],
	},
	{
		rule: '@IMG_N must be supplied',
		item: {
			model: 'seedance-2',
			text_prompt: 'Mix @IMG_1 and @IMG_2',
			imageAssetId1: asset('img-1'),
		},
		mentions: ['text_prompt references @IMG_2', 'imageAssetId2 is not supplied'],
	},
	{
		rule: '@VID_N must be supplied',
		item: { model: 'seedance-2', text_prompt: 'Dance like @VID_3', videoAssetId: asset('vid-1') },
		mentions: ['@VID_3', 'videoAssetId3 is not supplied'],
	},
	{
		rule: '@VID_N range',
		item: { model: 'seedance-2', text_prompt: 'Dance like @VID_4' },
		mentions: ['@VID_4', '@VID_1..@VID_3'],
	},
	{
		rule: '@IMG_N range on kling-o3',
		item: { model: 'kling-o3-standard', text_prompt: 'Use @IMG_8' },
		mentions: ['@IMG_8', '@IMG_1..@IMG_7'],
	},
	{
		rule: 'no @VID_N on kling-o3',
		item: { model: 'kling-o3-pro', text_prompt: 'Like @VID_1', videoAssetId: asset('vid-1') },
		mentions: ['@VID_1', 'no @VID_N references'],
	},
	{
		rule: '@IMG_N in a shot prompt',
		item: { model: 'kling-o3-4k', imageAssetId1: asset('img-1') },
		multishot: {
			shots: [
				{ prompt: 'Intro with @IMG_1', duration: 5 },
				{ prompt: 'Outro with @IMG_3', duration: 5 },
			],
		},
		mentions: ['multishot_prompt_2 references @IMG_3', 'imageAssetId3 is not supplied'],
	},
	{
		rule: 'audio on a model without sound',
		item: { model: 'happyhorse-1.0', audio: true },
		mentions: ['audio true', 'not accepted by happyhorse-1.0'],
	},
	{
		rule: 'audio always on',
		item: { model: 'sora-2', audio: false },
		mentions: ['audio false', 'always on'],
	},
	{
		rule: 'exploreMode not on veo-3.1',
		item: { model: 'veo-3.1', exploreMode: true },
		mentions: ['exploreMode true', 'not accepted by veo-3.1'],
	},
];

describe('Runway Video: every rule fails its item before anything is sent', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await setup();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it.each(RULES.map((entry) => [entry.rule, entry] as const))('%s', async (_, entry) => {
		const result = await env.harness.runWorkflow(
			videoRun({ ...FIELDS_FROM_JSON, multishot: entry.multishot ?? {} }, [{ json: entry.item }]),
		);
		expect(result.status).toBe('error');
		for (const fragment of entry.mentions) expect(result.error?.message).toContain(fragment);
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});

	it('reports each broken rule on its own item with continue-on-fail', async () => {
		const cases = RULES.filter((entry) => entry.multishot === undefined);
		const result = await env.harness.runWorkflow(
			videoRun(
				FIELDS_FROM_JSON,
				cases.map((entry) => ({ json: entry.item })),
				{ onError: 'continueRegularOutput' },
			),
		);
		const output = result.output(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual(cases.map((_, item) => ({ item })));
		cases.forEach((entry, index) => {
			for (const fragment of entry.mentions) {
				expect(output[index].json.error).toContain(fragment);
			}
		});
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});

	it('stops the run on the first broken rule without continue-on-fail', async () => {
		const result = await env.harness.runWorkflow(
			videoRun(FIELDS_FROM_JSON, [
				{ json: { model: 'gen4.5', text_prompt: 'Fine' } },
				{ json: { model: 'veo-3.1', duration: 5 } },
			]),
		);
		expect(result.error?.message).toContain('duration 5 is not allowed for veo-3.1');
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});

	it('refuses an email other than the account holding the assets', async () => {
		const image = await uploadAsset(env.emulator, FIRST, 'image');
		const result = await env.harness.runWorkflow(
			videoRun({
				model: 'gen4',
				text_prompt: 'Camera orbits',
				imageAssetId1: image,
				email: SECOND,
			}),
		);
		expect(result.error?.message).toContain(
			`email "${SECOND}" is not the account holding imageAssetId1 (${FIRST})`,
		);
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});

	it('refuses assets on two accounts in one request', async () => {
		const start = await uploadAsset(env.emulator, FIRST, 'image');
		const end = await uploadAsset(env.emulator, SECOND, 'image');
		const result = await env.harness.runWorkflow(
			videoRun({ model: 'veo-3.1', imageAssetId1: start, imageAssetId2: end }),
		);
		expect(result.error?.message).toContain(
			`imageAssetId2 belongs to the Runway account ${SECOND}, but imageAssetId1 to ${FIRST}`,
		);
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});

	it('refuses a replyUrl of its own with Resume on Webhook', async () => {
		const result = await env.harness.runWorkflow(
			videoRun({
				model: 'gen4.5',
				waitMode: 'webhook',
				options: { replyUrl: 'http://127.0.0.1:9/mine' },
			}),
		);
		expect(result.error?.message).toContain('replyUrl cannot be set with "Resume on Webhook"');
		expect(env.emulator.requestsTo('useapi.create')).toHaveLength(0);
	});
});
