import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RUNWARE_MODELS, type RunwareModelRules } from '../../emulator/runware/rules/models';
import { isNumberList, type NumberChoices } from '../../emulator/runware/rules/numbers';
import { API_LIMITS } from '../../emulator/runware/rules/apiDocument';
import type { AgreementCase } from './verdicts';

type Value = IDataObject[string];

/** The media every item of one run carries (the node's media lists are one parameter per run). */
export interface MediaSet {
	name: string;
	frames: Array<'first' | 'last'>;
	referenceImages?: number;
	referenceVideos?: number;
	inputAudios?: number;
	/** `providerSettings` as the node's parameter and the API take it. */
	providerSettings?: INodeParameters;
}

const KLING_SOUND = { klingai: { sound: true } };

export const MEDIA_RUNS: readonly MediaSet[] = [
	{ name: 'no media', frames: [] },
	{ name: 'a first frame', frames: ['first'] },
	{ name: 'first and last frames', frames: ['first', 'last'] },
	{ name: 'a last frame only', frames: ['last'] },
	{ name: 'a reference image', frames: [], referenceImages: 1 },
	{ name: 'two reference images', frames: [], referenceImages: 2 },
	{ name: 'eight reference images', frames: [], referenceImages: 8 },
	{ name: 'a first frame and a reference image', frames: ['first'], referenceImages: 1 },
	{ name: 'a reference video', frames: [], referenceVideos: 1 },
	{ name: 'two reference videos', frames: [], referenceVideos: 2 },
	{ name: 'an input audio', frames: [], inputAudios: 1 },
	{ name: 'a reference image and an input audio', frames: [], referenceImages: 1, inputAudios: 1 },
	{ name: 'a reference video and an input audio', frames: [], referenceVideos: 1, inputAudios: 1 },
	{
		name: 'a reference video and five reference images',
		frames: [],
		referenceVideos: 1,
		referenceImages: 5,
	},
	{
		name: 'a reference video and four reference images',
		frames: [],
		referenceVideos: 1,
		referenceImages: 4,
	},
	{ name: 'klingai provider settings', frames: [], providerSettings: KLING_SOUND },
	{
		name: 'klingai provider settings and a reference image',
		frames: [],
		referenceImages: 1,
		providerSettings: KLING_SOUND,
	},
	{
		name: 'klingai provider settings, a reference image and a reference video',
		frames: [],
		referenceImages: 1,
		referenceVideos: 1,
		providerSettings: KLING_SOUND,
	},
];

/** Whether the run's items carry anything besides the fields under test. */
export function hasMedia(media: MediaSet): boolean {
	const count =
		media.frames.length +
		(media.referenceImages ?? 0) +
		(media.referenceVideos ?? 0) +
		(media.inputAudios ?? 0);
	return count > 0 || media.providerSettings !== undefined;
}

const PROMPT = 'A koi pond in the rain, slow motion';

function numberCases(
	field: string,
	choices: NumberChoices | false | undefined,
	generic: NumberChoices,
): Array<[string, Value]> {
	if (choices === false) return [[`${field} not accepted`, 5]];
	const rule = choices ?? generic;
	if (isNumberList(rule)) {
		return [
			...rule.values.map((value): [string, Value] => [`${field} ${value}`, value]),
			[`${field} outside the list`, Math.max(...rule.values) + 1],
		];
	}
	const step = rule.step ?? 1;
	return [
		[`shortest ${field}`, rule.min],
		[`longest ${field}`, rule.max],
		[`${field} below the range`, Number((rule.min - step).toFixed(6))],
		[`${field} above the range`, Number((rule.max + step).toFixed(6))],
		...(rule.step
			? [
					[`${field} off the step`, Number((rule.min + rule.step / 2).toFixed(6))] as [
						string,
						Value,
					],
				]
			: []),
	];
}

function dimensionCases(model: RunwareModelRules): Array<[string, Value]> {
	const dimensions = model.dimensions;
	if (dimensions === false) return [['size not accepted', '1280x720']];
	if (!dimensions?.pairs) {
		return [
			['a size in the seed range', '1280x720'],
			['the largest size of the seed', '1920x1080'],
			['a width beyond the seed range', '2048x1080'],
			['a size off the multiple of 8', '1284x720'],
		];
	}
	return [
		...dimensions.pairs.map((pair): [string, Value] => [
			`size ${pair.width}x${pair.height}`,
			`${pair.width}x${pair.height}`,
		]),
		['a size not listed', '1000x1000'],
	];
}

/** A duration the model's rules allow (5 s where they give none: inside the API document's 1–10 s). */
function someDuration(model: RunwareModelRules): number | undefined {
	const durations = model.durations;
	if (durations === false) return undefined;
	if (durations === undefined) return 5;
	return isNumberList(durations) ? durations.values[0] : durations.min;
}

/**
 * What every item needs besides the field under test: the prompt and duration the seed requires of
 * every task, and a size where always required.
 */
function baseBody(air: string, model: RunwareModelRules, frames: boolean): IDataObject {
	const pair = model.dimensions ? model.dimensions.pairs?.[0] : undefined;
	const size = pair ? `${pair.width}x${pair.height}` : '1280x720';
	const needsSize =
		model.dimensions &&
		(model.dimensions.required === 'always' ||
			(model.dimensions.required === 'withoutFrameImages' && !frames));
	return {
		model: air,
		...(model.prompt === false ? {} : { positivePrompt: PROMPT }),
		...(someDuration(model) === undefined ? {} : { duration: someDuration(model) }),
		...(needsSize ? { dimensions: size } : {}),
	};
}

function fieldCases(model: RunwareModelRules): Array<[string, IDataObject]> {
	const cases: Array<[string, IDataObject]> = [];
	const add = (field: string, list: Array<[string, Value]>) =>
		cases.push(...list.map(([name, value]): [string, IDataObject] => [name, { [field]: value }]));
	const prompt = model.prompt === false ? undefined : model.prompt;
	add('positivePrompt', [
		['no prompt', ''],
		['a one-character prompt', 'p'],
		...(prompt?.max
			? ([
					['prompt at its limit', 'p'.repeat(prompt.max)],
					['prompt over its limit', 'p'.repeat(prompt.max + 1)],
				] as Array<[string, Value]>)
			: []),
	]);
	add('duration', [
		['no duration', ''],
		...numberCases('duration', model.durations, API_LIMITS.duration),
	]);
	add('fps', numberCases('fps', model.fps, API_LIMITS.fps));
	add('dimensions', dimensionCases(model));
	const negative = model.negativePrompt === false ? undefined : model.negativePrompt;
	add('negativePrompt', [
		['a one-character negative prompt', 'n'],
		...(negative?.max
			? ([['negative prompt over its limit', 'n'.repeat(negative.max + 1)]] as Array<
					[string, Value]
				>)
			: []),
	]);
	const cfg = model.CFGScale || API_LIMITS.CFGScale;
	add('CFGScale', [
		['CFGScale at its maximum', cfg.max],
		['CFGScale above its maximum', cfg.max + 0.5],
	]);
	add('seed', [['seed', 7]]);
	return cases;
}

/**
 * Every documented rule of every listed model, for a run without media; with media, what depends on
 * it: the model's media rules and whether the prompt (or a size) is still required.
 */
export function runwareCases(media: MediaSet, airs = Object.keys(RUNWARE_MODELS)): AgreementCase[] {
	return airs.flatMap((air) => {
		const model = RUNWARE_MODELS[air];
		const base = baseBody(air, model, media.frames.length > 0);
		const named = (name: string, patch: IDataObject): AgreementCase => ({
			name: `${air}: ${name}`,
			body: Object.fromEntries(
				Object.entries({ ...base, ...patch }).filter(([, value]) => value !== ''),
			),
		});
		if (hasMedia(media)) {
			return [
				named('the documented minimum', {}),
				named('no prompt', { positivePrompt: '' }),
				named('no duration', { duration: '' }),
			];
		}
		return [
			named('the documented minimum', {}),
			...fieldCases(model).map(([name, patch]) => named(name, patch)),
		];
	});
}
