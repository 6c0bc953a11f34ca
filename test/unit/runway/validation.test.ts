import {
	RUNWAY_ASSET_FIELDS,
	runwayModels,
} from '../../../nodes/shared/providers/runway/catalogue';
import { validateRunwayCreate } from '../../../nodes/shared/providers/runway/validation';
import {
	buildRunwayCreateBody,
	type RunwayCreateRequest,
	type RunwayShot,
} from '../../../nodes/shared/providers/runway/body';
import { useApiAssetId } from '../../support/ids';
import { API_DOCUMENT } from './apiDocument';

/** A well-formed asset ID named `name`, as useapi.net gives them. */
const asset = (name: string) => useApiAssetId('r@x.test', name);
const IMAGES = (count: number, first = 1): Partial<RunwayCreateRequest> =>
	Object.fromEntries(
		Array.from({ length: count }, (_, i) => [
			`imageAssetId${first + i}`,
			asset(`img-${first + i}`),
		]),
	);
const shots = (...durations: number[]): RunwayShot[] =>
	durations.map((duration, i) => ({ prompt: `Shot ${i + 1}`, duration }));

/**
 * One valid request per model, using as many of its features as one request can, and its body when that is not the
 * request as given (empty values left out, shots spelled as multishot fields).
 */
interface ValidCase {
	name: string;
	request: RunwayCreateRequest;
	body?: Record<string, unknown>;
}

const VALID: ValidCase[] = [
	{
		name: 'seedance-2 multi-reference',
		request: {
			model: 'seedance-2',
			text_prompt: 'The dancer from @IMG_1 copies the moves of @VID_2',
			duration: 15,
			aspect_ratio: '21:9',
			resolution: '720p',
			audio: false,
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			videoAssetId2: asset('vid-2'),
			exploreMode: true,
			email: '',
			replyRef: 'job-42',
			maxJobs: 3,
		},
		body: {
			model: 'seedance-2',
			text_prompt: 'The dancer from @IMG_1 copies the moves of @VID_2',
			duration: 15,
			aspect_ratio: '21:9',
			resolution: '720p',
			audio: false,
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			videoAssetId2: asset('vid-2'),
			exploreMode: true,
			replyRef: 'job-42',
			maxJobs: 3,
		},
	},
	{
		name: 'happyhorse-1.0 first frame',
		request: {
			model: 'happyhorse-1.0',
			text_prompt: 'A horse galloping on a beach',
			duration: 3,
			aspect_ratio: '3:4',
			resolution: '1080p',
			imageAssetId1: asset('img-1'),
		},
	},
	{
		name: 'kling-o3-4k multishot with start frame and shot-bound image',
		request: {
			model: 'kling-o3-4k',
			aspect_ratio: '1:1',
			imageAssetId1: asset('img-1'),
			startFrameAssetId: asset('start-1'),
			shots: [
				{ prompt: 'The robot from @IMG_1 wakes up', duration: 5 },
				{ prompt: 'It walks outside', duration: 10 },
			],
		},
		body: {
			model: 'kling-o3-4k',
			aspect_ratio: '1:1',
			imageAssetId1: asset('img-1'),
			startFrameAssetId: asset('start-1'),
			multishot_prompt_1: 'The robot from @IMG_1 wakes up',
			multishot_duration_1: 5,
			multishot_prompt_2: 'It walks outside',
			multishot_duration_2: 10,
		},
	},
	{
		name: 'kling-o3-pro Edit Video with 4 references',
		request: {
			model: 'kling-o3-pro',
			text_prompt: 'Restyle the clip like @IMG_4',
			videoAssetId: asset('vid-source'),
			...IMAGES(4),
			audio: true,
		},
	},
	{
		name: 'kling-o3-standard start and end keyframes',
		request: {
			model: 'kling-o3-standard',
			duration: 15,
			aspect_ratio: '9:16',
			startFrameAssetId: asset('start-1'),
			endFrameAssetId: asset('end-1'),
			exploreMode: false,
		},
	},
	{
		name: 'kling-3.0-pro start and end frame',
		request: {
			model: 'kling-3.0-pro',
			text_prompt: 'Day turns to night',
			duration: 10,
			aspect_ratio: '9:16',
			imageAssetId1: asset('img-day'),
			imageAssetId2: asset('img-night'),
		},
	},
	{
		name: 'kling-3.0-standard five shots',
		request: { model: 'kling-3.0-standard', shots: shots(3, 3, 3, 3, 3) },
		body: {
			model: 'kling-3.0-standard',
			multishot_prompt_1: 'Shot 1',
			multishot_duration_1: 3,
			multishot_prompt_2: 'Shot 2',
			multishot_duration_2: 3,
			multishot_prompt_3: 'Shot 3',
			multishot_duration_3: 3,
			multishot_prompt_4: 'Shot 4',
			multishot_duration_4: 3,
			multishot_prompt_5: 'Shot 5',
			multishot_duration_5: 3,
		},
	},
	{
		name: 'kling-3.0-motion-control',
		request: {
			model: 'kling-3.0-motion-control',
			text_prompt: 'Motion description',
			imageAssetId1: asset('img-character'),
			videoAssetId: asset('vid-performance'),
			characterOrientation: 'video',
			resolution: '1080p',
			audio: false,
		},
	},
	{
		name: 'kling-2.6-pro text to video',
		request: {
			model: 'kling-2.6-pro',
			text_prompt: 'Rain on a window',
			duration: 10,
			aspect_ratio: '9:16',
		},
	},
	{
		name: 'kling-2.6-i2v',
		request: {
			model: 'kling-2.6-i2v',
			text_prompt: 'She smiles',
			imageAssetId1: asset('img-1'),
			duration: 5,
		},
	},
	{
		name: 'wan-2.6-flash',
		request: {
			model: 'wan-2.6-flash',
			text_prompt: 'Leaves fall',
			imageAssetId1: asset('img-1'),
			duration: 15,
			aspect_ratio: '1:1',
			resolution: '1080p',
			audio: true,
		},
	},
	{
		name: 'wan-2.2-animate',
		request: {
			model: 'wan-2.2-animate',
			text_prompt: '',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			aspect_ratio: '4:3',
		},
		body: {
			model: 'wan-2.2-animate',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			aspect_ratio: '4:3',
		},
	},
	{
		name: 'veo-3.1 start and end frame, explore mode off',
		request: {
			model: 'veo-3.1',
			text_prompt: 'A paper boat sails away',
			duration: 8,
			resolution: '1080p',
			imageAssetId1: asset('img-start'),
			imageAssetId2: asset('img-end'),
			exploreMode: false,
		},
	},
	{
		name: 'sora-2 text to video',
		request: { model: 'sora-2', text_prompt: 'A cat surfing', duration: 12, aspect_ratio: '9:16' },
	},
	{
		name: 'sora-2-pro image to video',
		request: {
			model: 'sora-2-pro',
			text_prompt: 'Zoom out',
			imageAssetId1: asset('img-1'),
			duration: 4,
			resolution: '1080p',
		},
	},
	{
		name: 'gen4.5 text to video',
		request: {
			model: 'gen4.5',
			text_prompt: 'A cinematic aerial shot of a coastal city at golden hour',
			duration: 7,
			aspect_ratio: '16:9',
			seed: 4294967294,
			audio: false,
			replyUrl: 'https://example.test/hook',
		},
	},
	{
		name: 'gen4',
		request: {
			model: 'gen4',
			text_prompt: 'Camera orbits the statue',
			imageAssetId1: asset('img-1'),
			duration: 10,
			aspect_ratio: '21:9',
			resolution: '720p',
			seed: 1,
		},
	},
	{
		name: 'gen4-turbo',
		request: {
			model: 'gen4-turbo',
			text_prompt: 'Waves crash',
			imageAssetId1: asset('img-1'),
			duration: 5,
			aspect_ratio: '4:3',
			maxJobs: 10,
		},
	},
];

/** The valid request of `model` (see VALID). */
const validRequest = (model: string): RunwayCreateRequest =>
	VALID.find(({ request }) => request.model === model)?.request ?? { model };

/** Each model's prompt limit in characters, where the seed states one. */
const PROMPT_LIMITS = Object.entries(API_DOCUMENT).flatMap(([model, row]) =>
	row.promptMax === undefined ? [] : [[row.promptMax, model] as const],
);

describe('validateRunwayCreate: valid requests', () => {
	it('covers every model of the catalogue', () => {
		const covered = new Set(VALID.map(({ request }) => request.model));
		expect([...covered].sort()).toEqual(runwayModels.map((model) => model.id).sort());
	});

	it.each(VALID.map((entry) => [entry.name, entry] as const))(
		'%s passes and builds the exact body',
		(_, { request, body }) => {
			expect(validateRunwayCreate(request)).toEqual([]);
			expect(buildRunwayCreateBody(request)).toEqual(body ?? request);
		},
	);

	it('accepts gen4.5 portrait ratios once an image is supplied (image-to-video)', () => {
		expect(
			validateRunwayCreate({
				model: 'gen4.5',
				aspect_ratio: '9:16',
				imageAssetId1: asset('img-1'),
			}),
		).toEqual([]);
	});

	it.each(PROMPT_LIMITS)('accepts a prompt of %s characters on %s', (promptMax, model) => {
		const issues = validateRunwayCreate({
			...validRequest(model),
			text_prompt: 'x'.repeat(promptMax),
		});
		expect(issues).toEqual([]);
	});
});

interface FailingCase {
	rule: string;
	request: RunwayCreateRequest;
	field: string;
	/** Fragments the message must contain: the value and the rule. */
	mentions: string[];
	/** Issues expected on the field; more than 1 only where the broken rule implies another. */
	issuesOnField?: number;
}

/** A request without a field its model requires. */
const missing = (field: string, request: RunwayCreateRequest): FailingCase => ({
	rule: `${field} required for ${request.model}`,
	request,
	field,
	mentions: [`required by ${request.model}`, 'missing'],
});

const failing: FailingCase[] = [
	{
		rule: 'unknown model',
		request: { model: 'gen3a_turbo' },
		field: 'model',
		mentions: ['"gen3a_turbo"', 'unknown', 'seedance-2'],
	},
	{
		rule: 'missing model',
		request: { model: '' },
		field: 'model',
		mentions: ['model is missing', 'seedance-2'],
	},
	{
		rule: 'duration outside the set',
		request: { model: 'veo-3.1', duration: 5 },
		field: 'duration',
		mentions: ['duration 5', '4, 6, 8'],
	},
	{
		rule: 'duration outside the range',
		request: { model: 'gen4.5', duration: 11 },
		field: 'duration',
		mentions: ['duration 11', 'from 2 to 10'],
	},
	{
		rule: 'duration not a whole number in a range',
		request: { model: 'seedance-2', duration: 4.5 },
		field: 'duration',
		mentions: ['duration 4.5', 'whole seconds from 4 to 15'],
	},
	{
		rule: 'duration not accepted (motion control)',
		request: {
			model: 'kling-3.0-motion-control',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			duration: 5,
		},
		field: 'duration',
		mentions: ['duration 5', 'not accepted by kling-3.0-motion-control', 'inherited'],
	},
	{
		rule: 'duration auto (wan-2.2-animate)',
		request: {
			model: 'wan-2.2-animate',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			duration: 10,
		},
		field: 'duration',
		mentions: ['duration 10', 'not accepted by wan-2.2-animate', 'automatically'],
	},
	{
		rule: 'aspect_ratio not allowed',
		request: { model: 'veo-3.1', aspect_ratio: '1:1' },
		field: 'aspect_ratio',
		mentions: ['"1:1"', 'allowed values are 16:9, 9:16'],
	},
	{
		rule: 'aspect_ratio not allowed for gen4.5 text-to-video',
		request: { model: 'gen4.5', aspect_ratio: '9:16' },
		field: 'aspect_ratio',
		mentions: ['"9:16"', 'text-to-video', 'allowed values are 16:9'],
	},
	{
		rule: 'aspect_ratio not accepted (motion control)',
		request: {
			model: 'kling-3.0-motion-control',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			aspect_ratio: '16:9',
		},
		field: 'aspect_ratio',
		mentions: ['"16:9"', 'not accepted', 'character image'],
	},
	{
		rule: 'resolution not allowed',
		request: {
			model: 'gen4',
			text_prompt: 'x',
			imageAssetId1: asset('img-1'),
			resolution: '1080p',
		},
		field: 'resolution',
		mentions: ['"1080p"', 'allowed values are 720p'],
	},
	{
		rule: 'resolution not accepted (kling-o3)',
		request: { model: 'kling-o3-pro', resolution: '1080p' },
		field: 'resolution',
		mentions: ['"1080p"', 'not accepted', 'derived from the model tier'],
	},
	{
		rule: 'seedance-2 keyframes and references are exclusive',
		request: {
			model: 'seedance-2',
			startFrameAssetId: asset('start-1'),
			imageAssetId1: asset('img-1'),
		},
		field: 'startFrameAssetId',
		mentions: [`"${asset('start-1')}"`, 'imageAssetId1', 'mutually exclusive'],
	},
	{
		rule: 'seedance-2 keyframes exclude reference videos too',
		request: {
			model: 'seedance-2',
			startFrameAssetId: asset('start-1'),
			endFrameAssetId: asset('end-1'),
			videoAssetId: asset('vid-1'),
		},
		field: 'startFrameAssetId',
		mentions: [`"${asset('start-1')}"`, 'videoAssetId', 'mutually exclusive'],
	},
	{
		rule: 'endFrameAssetId needs startFrameAssetId',
		request: { model: 'seedance-2', endFrameAssetId: asset('end-1') },
		field: 'endFrameAssetId',
		mentions: [`"${asset('end-1')}"`, 'needs startFrameAssetId'],
	},
	{
		rule: 'kling-o3 endFrameAssetId cannot be combined with reference images',
		request: {
			model: 'kling-o3-pro',
			startFrameAssetId: asset('start-1'),
			endFrameAssetId: asset('end-1'),
			imageAssetId1: asset('img-1'),
		},
		field: 'endFrameAssetId',
		mentions: [`"${asset('end-1')}"`, 'cannot be combined with reference images', 'imageAssetId1'],
	},
	{
		rule: 'kling-o3-4k has no Edit Video',
		request: { model: 'kling-o3-4k', videoAssetId: asset('vid-1') },
		field: 'videoAssetId',
		mentions: [`"${asset('vid-1')}"`, 'no Edit Video'],
	},
	{
		rule: 'Edit Video takes at most 4 reference images',
		request: { model: 'kling-o3-standard', videoAssetId: asset('vid-1'), ...IMAGES(5) },
		field: 'imageAssetId5',
		mentions: [`"${asset('img-5')}"`, '5 supplied', 'at most 4 reference images'],
	},
	{
		rule: 'multishot on a model without multishot',
		request: { model: 'veo-3.1', shots: shots(5, 5) },
		field: 'shots',
		mentions: ['(2 shots)', 'not accepted by veo-3.1', 'kling-3.0-pro'],
	},
	{
		rule: 'too few shots',
		request: { model: 'kling-3.0-pro', shots: shots(5) },
		field: 'shots',
		mentions: ['1 multishot shots', '2 to 5 shots'],
	},
	{
		rule: 'too many shots for kling-3.0',
		request: {
			model: 'kling-3.0-standard',
			shots: [...shots(3, 3, 3, 3), { prompt: 'x', duration: 3 }, { prompt: 'y', duration: 3 }],
		},
		field: 'shots',
		mentions: ['6 multishot shots', '2 to 5 shots'],
		issuesOnField: 2, // six shots of at least 3 s also exceed the 15 s total
	},
	{
		rule: 'too many shots for kling-o3',
		request: { model: 'kling-o3-pro', shots: shots(3, 3, 3, 3, 3, 3, 3) },
		field: 'shots',
		mentions: ['7 multishot shots', '2 to 6 shots'],
		issuesOnField: 2, // seven shots of at least 3 s also exceed the 15 s total
	},
	{
		rule: 'shots numbered contiguously (empty shot in between)',
		request: {
			model: 'kling-3.0-pro',
			shots: [{ prompt: 'a', duration: 5 }, {}, { prompt: 'c', duration: 5 }],
		},
		field: 'multishot_prompt_2',
		mentions: ['shot 2 (multishot_prompt_2, multishot_duration_2) is empty', 'contiguously'],
	},
	{
		rule: 'each shot needs a duration',
		request: { model: 'kling-3.0-pro', shots: [{ prompt: 'a' }, { prompt: 'b', duration: 5 }] },
		field: 'multishot_duration_1',
		mentions: ['multishot_duration_1 is missing', 'needs both'],
	},
	{
		rule: 'each shot needs a prompt',
		request: { model: 'kling-o3-4k', shots: [{ prompt: 'a', duration: 5 }, { duration: 5 }] },
		field: 'multishot_prompt_2',
		mentions: ['multishot_prompt_2 is missing', 'needs both'],
	},
	{
		rule: 'shot duration 3–12 s',
		request: { model: 'kling-3.0-pro', shots: shots(2, 5) },
		field: 'multishot_duration_1',
		mentions: ['multishot_duration_1 2', 'from 3 to 12'],
	},
	{
		rule: 'shot duration above 12 s',
		request: {
			model: 'kling-o3-pro',
			shots: [
				{ prompt: 'a', duration: 13 },
				{ prompt: 'b', duration: 3 },
			],
		},
		field: 'multishot_duration_1',
		mentions: ['multishot_duration_1 13', 'from 3 to 12'],
	},
	{
		rule: 'multishot total at most 15 s',
		request: { model: 'kling-3.0-pro', shots: shots(12, 4) },
		field: 'shots',
		mentions: ['16 s', 'exceeds 15 s'],
	},
	{
		rule: 'shot prompt at most 512 characters',
		request: {
			model: 'kling-3.0-pro',
			shots: [
				{ prompt: 'p'.repeat(513), duration: 5 },
				{ prompt: 'b', duration: 5 },
			],
		},
		field: 'multishot_prompt_1',
		mentions: ['513 characters', 'limit is 512'],
	},
	{
		rule: '@IMG_N in text_prompt must point at a supplied slot',
		request: {
			model: 'seedance-2',
			text_prompt: 'Mix @IMG_1 and @IMG_2',
			imageAssetId1: asset('img-1'),
		},
		field: 'text_prompt',
		mentions: ['@IMG_2', 'imageAssetId2 is not supplied'],
	},
	{
		rule: '@VID_N in text_prompt must point at a supplied slot',
		request: {
			model: 'seedance-2',
			text_prompt: 'Dance like @VID_3',
			videoAssetId: asset('vid-1'),
		},
		field: 'text_prompt',
		mentions: ['@VID_3', 'videoAssetId3 is not supplied'],
	},
	{
		rule: '@VID_N outside the seedance-2 range',
		request: { model: 'seedance-2', text_prompt: 'Dance like @VID_4' },
		field: 'text_prompt',
		mentions: ['@VID_4', '@VID_1..@VID_3'],
	},
	{
		rule: '@IMG_N outside the kling-o3 range',
		request: { model: 'kling-o3-standard', text_prompt: 'Use @IMG_8' },
		field: 'text_prompt',
		mentions: ['@IMG_8', '@IMG_1..@IMG_7'],
	},
	{
		rule: '@VID_N on kling-o3 (no video references)',
		request: { model: 'kling-o3-pro', text_prompt: 'Like @VID_1', videoAssetId: asset('vid-1') },
		field: 'text_prompt',
		mentions: ['@VID_1', 'no @VID_N references'],
	},
	{
		rule: '@IMG_N in a shot prompt must point at a supplied slot',
		request: {
			model: 'kling-o3-4k',
			imageAssetId1: asset('img-1'),
			shots: [
				{ prompt: 'Intro with @IMG_1', duration: 5 },
				{ prompt: 'Outro with @IMG_3', duration: 5 },
			],
		},
		field: 'multishot_prompt_2',
		mentions: ['@IMG_3', 'imageAssetId3 is not supplied'],
	},
	...['gen4', 'gen4-turbo', 'kling-2.6-i2v', 'wan-2.6-flash'].map((model) =>
		missing('text_prompt', { model, text_prompt: '  ', imageAssetId1: asset('img-1') }),
	),
	missing('text_prompt', { model: 'kling-2.6-pro' }),
	{
		rule: 'prompt refused for wan-2.2-animate',
		request: {
			model: 'wan-2.2-animate',
			text_prompt: 'Dance',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
		},
		field: 'text_prompt',
		mentions: ['"Dance"', 'not accepted by wan-2.2-animate'],
	},
	...PROMPT_LIMITS.map(
		([promptMax, model]): FailingCase => ({
			rule: `prompt length for ${model}`,
			request: { ...validRequest(model), text_prompt: 'x'.repeat(promptMax + 1) },
			field: 'text_prompt',
			mentions: [`${promptMax + 1} characters`, `limit is ${promptMax}`],
		}),
	),
	{
		rule: 'seed only for gen4.5, gen4, gen4-turbo',
		request: { model: 'veo-3.1', seed: 7 },
		field: 'seed',
		mentions: ['seed 7', 'not accepted by veo-3.1', 'gen4.5, gen4, gen4-turbo'],
	},
	...[0, 4294967295, 2.5].map(
		(seed): FailingCase => ({
			rule: `seed ${seed} out of range`,
			request: { model: 'gen4.5', seed },
			field: 'seed',
			mentions: [`seed ${seed}`, 'from 1 to 4294967294'],
		}),
	),
	{
		rule: 'exploreMode true refused for veo-3.1',
		request: { model: 'veo-3.1', exploreMode: true },
		field: 'exploreMode',
		mentions: ['exploreMode true', 'not accepted by veo-3.1', 'no explore mode'],
	},
	...(['replyUrl', 'replyRef'] as const).map(
		(field): FailingCase => ({
			rule: `${field} at most 1024 characters`,
			request: { model: 'gen4.5', [field]: 'r'.repeat(1025) },
			field,
			mentions: ['1025 characters', 'limit is 1024'],
		}),
	),
	...[0, 11, 2.5].map(
		(maxJobs): FailingCase => ({
			rule: `maxJobs ${maxJobs} out of range`,
			request: { model: 'gen4.5', maxJobs },
			field: 'maxJobs',
			mentions: [`maxJobs ${maxJobs}`, 'from 1 to 10'],
		}),
	),
	...['kling-2.6-i2v', 'gen4', 'gen4-turbo', 'wan-2.6-flash'].map((model) =>
		missing('imageAssetId1', { model, text_prompt: 'A prompt' }),
	),
	...['wan-2.2-animate', 'kling-3.0-motion-control'].flatMap((model) => [
		missing('imageAssetId1', { model, videoAssetId: asset('vid-1') }),
		missing('videoAssetId', { model, imageAssetId1: asset('img-1') }),
	]),
	{
		rule: 'imageAssetId3 not a veo-3.1 slot',
		request: { model: 'veo-3.1', imageAssetId3: asset('img-3') },
		field: 'imageAssetId3',
		mentions: [`"${asset('img-3')}"`, 'not accepted by veo-3.1', 'imageAssetId1, imageAssetId2'],
	},
	{
		rule: 'imageAssetId2 not a happyhorse slot',
		request: { model: 'happyhorse-1.0', imageAssetId2: asset('img-2') },
		field: 'imageAssetId2',
		mentions: [
			`"${asset('img-2')}"`,
			'not accepted by happyhorse-1.0',
			'its image slots: imageAssetId1',
		],
	},
	{
		rule: 'imageAssetId8 not a kling-o3 slot',
		request: { model: 'kling-o3-pro', imageAssetId8: asset('img-8') },
		field: 'imageAssetId8',
		mentions: [`"${asset('img-8')}"`, 'not accepted by kling-o3-pro'],
	},
	{
		rule: 'videoAssetId2 only on seedance-2',
		request: { model: 'kling-o3-pro', videoAssetId2: asset('vid-2') },
		field: 'videoAssetId2',
		mentions: [
			`"${asset('vid-2')}"`,
			'not accepted by kling-o3-pro',
			'accept videoAssetId2: seedance-2',
		],
	},
	{
		rule: 'videoAssetId on a model without video input',
		request: { model: 'gen4.5', videoAssetId: asset('vid-1') },
		field: 'videoAssetId',
		mentions: [`"${asset('vid-1')}"`, 'not accepted by gen4.5', 'its video slots: none'],
	},
	{
		rule: 'keyframe fields only on seedance-2 and kling-o3',
		request: { model: 'veo-3.1', startFrameAssetId: asset('start-1') },
		field: 'startFrameAssetId',
		mentions: [`"${asset('start-1')}"`, 'not accepted by veo-3.1', 'seedance-2, kling-o3-4k'],
	},
	{
		rule: 'characterOrientation only for motion control',
		request: { model: 'veo-3.1', characterOrientation: 'image' },
		field: 'characterOrientation',
		mentions: ['"image"', 'not accepted by veo-3.1', 'kling-3.0-motion-control'],
	},
	{
		rule: 'characterOrientation values image|video',
		request: {
			model: 'kling-3.0-motion-control',
			imageAssetId1: asset('img-1'),
			videoAssetId: asset('vid-1'),
			characterOrientation: 'sideways',
		},
		field: 'characterOrientation',
		mentions: ['"sideways"', 'image or video'],
	},
	{
		rule: 'audio on a model without audio',
		request: { model: 'happyhorse-1.0', audio: true },
		field: 'audio',
		mentions: ['audio true', 'not accepted by happyhorse-1.0'],
	},
	{
		rule: 'audio on gen4',
		request: { model: 'gen4', text_prompt: 'x', imageAssetId1: asset('img-1'), audio: false },
		field: 'audio',
		mentions: ['audio false', 'not accepted by gen4'],
	},
	{
		rule: 'audio on sora-2 (always on)',
		request: { model: 'sora-2', audio: false },
		field: 'audio',
		mentions: ['audio false', 'always on'],
	},
	{
		rule: 'seedance-2 combined references at most 11',
		request: {
			model: 'seedance-2',
			...IMAGES(10),
			videoAssetId: asset('vid-1'),
			videoAssetId2: asset('vid-2'),
		},
		field: 'videoAssetId2',
		mentions: [
			`"${asset('vid-2')}"`,
			'12 references',
			'10 images + 2 videos',
			'at most 11 in total',
		],
	},
];

describe('validateRunwayCreate: each rule of the API document', () => {
	it.each(failing.map((entry) => [entry.rule, entry] as const))('%s', (_, entry) => {
		const issues = validateRunwayCreate(entry.request);
		const onField = issues.filter((issue) => issue.field === entry.field);
		expect(onField).toHaveLength(entry.issuesOnField ?? 1);
		const [issue] = onField;
		for (const fragment of entry.mentions) expect(issue.message).toContain(fragment);
		expect(issue.message).toContain(entry.field === 'shots' ? 'shot' : entry.field);
	});

	it('reports the offending value on the issue', () => {
		expect(validateRunwayCreate({ model: 'veo-3.1', duration: 5 })).toEqual([
			{
				field: 'duration',
				value: 5,
				message: 'duration 5 is not allowed for veo-3.1: allowed values are 4, 6, 8 seconds',
			},
		]);
	});

	it('shortens long values in messages but keeps them whole on the issue', () => {
		const prompt = 'word '.repeat(40);
		const [issue] = validateRunwayCreate({
			model: 'wan-2.2-animate',
			text_prompt: prompt,
			imageAssetId1: asset('i'),
			videoAssetId: asset('v'),
		});
		expect(issue.value).toBe(prompt);
		expect(issue.message).not.toContain(prompt);
		expect(issue.message).toContain('…');
	});

	it.each(RUNWAY_ASSET_FIELDS)('takes only asset IDs in %s', (field) => {
		const form =
			'expected user:<number>-runwayml:<account email>-asset:<uuid>, as the Upload Asset node outputs it';
		const task = asset('t').replace('-asset:', '-task:');
		const issues = (id: string) =>
			validateRunwayCreate({ model: 'seedance-2', [field]: id }).filter(
				(issue) => issue.field === field,
			);
		expect(issues('photo.png')).toContainEqual({
			field,
			value: 'photo.png',
			message: `${field} "photo.png" is not a useapi.net Runway asset ID: ${form}`,
		});
		expect(issues(task)).toContainEqual({
			field,
			value: task,
			message: `${field} "${task}" is a task ID, not an asset ID: ${form}`,
		});
		expect(issues(asset('a')).map((issue) => issue.message)).not.toContainEqual(
			expect.stringContaining('asset ID'),
		);
	});

	it('reports every broken rule at once', () => {
		const fields = validateRunwayCreate({
			model: 'veo-3.1',
			duration: 5,
			aspect_ratio: '1:1',
			seed: 3,
			exploreMode: true,
			maxJobs: 0,
		}).map((issue) => issue.field);
		expect(fields.sort()).toEqual(['aspect_ratio', 'duration', 'exploreMode', 'maxJobs', 'seed']);
	});
});
