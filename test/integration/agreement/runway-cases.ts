import type { IDataObject } from 'n8n-workflow';

import {
	COMMON,
	IMAGE_SLOTS,
	RUNWAY_MODELS,
	VIDEO_SLOTS,
	type RunwayModelRules,
} from '../../emulator/useapi/rules';
import type { AgreementCase } from './verdicts';

/** Asset IDs uploaded before the run, by field (imageAssetIdN, videoAssetId*, start/end frame). */
export type AssetIds = Record<string, string>;

type Value = IDataObject[string];

const REFUSED_DURATION = 7;

function durationCases(model: RunwayModelRules): Array<[string, Value]> {
	const { durations } = model;
	if (durations === 'notAccepted') return [['duration not accepted', 5]];
	if ('min' in durations) {
		return [
			['shortest duration', durations.min],
			['longest duration', durations.max],
			['duration below the range', durations.min - 1],
			['duration above the range', durations.max + 1],
			['fractional duration', durations.min + 0.5],
		];
	}
	return [
		...durations.map((value): [string, Value] => [`duration ${value}`, value]),
		['duration outside the set', REFUSED_DURATION],
		['duration above the set', Math.max(...durations) + 5],
	];
}

function choiceCases(
	field: string,
	allowed: readonly string[] | undefined,
	refused: string,
	accepted: string,
): Array<[string, Value]> {
	if (!allowed) return [[`${field} not accepted`, accepted]];
	return [
		...allowed.map((value): [string, Value] => [`${field} ${value}`, value]),
		[`${field} not offered`, refused],
	];
}

/** Image slots 1..count (or from `first`). */
function images(ids: AssetIds, count: number, first = 1): IDataObject {
	return Object.fromEntries(
		IMAGE_SLOTS.slice(first - 1, first - 1 + count).map((slot) => [slot, ids[slot]]),
	);
}

function videos(ids: AssetIds, count: number): IDataObject {
	return Object.fromEntries(VIDEO_SLOTS.slice(0, count).map((slot) => [slot, ids[slot]]));
}

/** The smallest request the model's documented requirements allow. */
export function baseBody(modelId: string, ids: AssetIds): IDataObject {
	const model = RUNWAY_MODELS[modelId];
	return {
		model: modelId,
		...(model.prompt?.required ? { text_prompt: 'A lighthouse at dusk' } : {}),
		...(model.images.required ? images(ids, 1) : {}),
		...(model.videos?.required ? videos(ids, 1) : {}),
	};
}

function fieldCases(modelId: string, model: RunwayModelRules): Array<[string, IDataObject]> {
	const cases: Array<[string, IDataObject]> = [];
	const add = (field: string, list: Array<[string, Value]>) =>
		cases.push(...list.map(([name, value]): [string, IDataObject] => [name, { [field]: value }]));
	add('duration', durationCases(model));
	add('aspect_ratio', choiceCases('aspect_ratio', model.aspectRatios, '2:1', '16:9'));
	add('resolution', choiceCases('resolution', model.resolutions, '4k', '720p'));
	const prompt = model.prompt;
	add(
		'text_prompt',
		prompt
			? [
					['prompt at its limit', 'p'.repeat(prompt.max)],
					['prompt over its limit', 'p'.repeat(prompt.max + 1)],
				]
			: [['prompt not accepted', 'Dance']],
	);
	if (prompt?.required) cases.push(['prompt missing', { text_prompt: '' }]);
	add('audio', [['audio off', false]]);
	add('seed', [
		['seed', 7],
		['seed at the top of the range', COMMON.seed.max],
		['seed above the range', COMMON.seed.max + 1],
		['fractional seed', 2.5],
	]);
	add('exploreMode', [['explore mode', true]]);
	add('characterOrientation', [
		['characterOrientation video', 'video'],
		['characterOrientation not offered', 'sideways'],
	]);
	add('maxJobs', [
		['maxJobs 10', 10],
		['maxJobs 11', 11],
	]);
	add('replyUrl', [
		['replyUrl at its limit', `http://127.0.0.1/${'u'.repeat(COMMON.maxUrlOrRefLength - 17)}`],
		['replyUrl over its limit', `http://127.0.0.1/${'u'.repeat(COMMON.maxUrlOrRefLength - 16)}`],
	]);
	add('replyRef', [
		['replyRef at its limit', 'r'.repeat(COMMON.maxUrlOrRefLength)],
		['replyRef over its limit', 'r'.repeat(COMMON.maxUrlOrRefLength + 1)],
	]);
	if (modelId === 'gen4.5') cases.push(['text to video 9:16', { aspect_ratio: '9:16' }]);
	return cases;
}

function assetCases(model: RunwayModelRules, ids: AssetIds): Array<[string, IDataObject]> {
	const imageSlots = model.images.slots;
	const videoSlots = model.videos?.slots ?? 0;
	const start = { startFrameAssetId: ids.startFrameAssetId };
	const end = { endFrameAssetId: ids.endFrameAssetId };
	return [
		['no image', { imageAssetId1: undefined }],
		['one image', images(ids, 1)],
		['every image slot', images(ids, imageSlots)],
		['one image slot too many', images(ids, imageSlots + 1)],
		['an end frame slot alone', images(ids, 1, 2)],
		['no video', { videoAssetId: undefined }],
		['one video', videos(ids, 1)],
		['every video slot', videos(ids, Math.max(videoSlots, 1))],
		['one video slot too many', videos(ids, videoSlots + 1)],
		['images and videos in every slot', { ...images(ids, imageSlots), ...videos(ids, videoSlots) }],
		['eight images and three videos', { ...images(ids, 8), ...videos(ids, 3) }],
		['a video and four images', { ...images(ids, 4), ...videos(ids, 1) }],
		['a video and five images', { ...images(ids, 5), ...videos(ids, 1) }],
		['start frame', start],
		['start and end frames', { ...start, ...end }],
		['end frame alone', end],
		['start frame and an image', { ...start, ...images(ids, 1) }],
		['start and end frames and an image', { ...start, ...end, ...images(ids, 1) }],
		['start frame and a video', { ...start, ...videos(ids, 1) }],
	];
}

/** Every documented rule of every model, valid and broken, as single-item requests. */
export function runwayCases(ids: AssetIds): AgreementCase[] {
	return Object.entries(RUNWAY_MODELS).flatMap(([modelId, model]) => {
		const base = baseBody(modelId, ids);
		const named = (name: string, patch: IDataObject): AgreementCase => ({
			name: `${modelId}: ${name}`,
			body: Object.fromEntries(
				Object.entries({ ...base, ...patch }).filter(([, value]) => value !== undefined),
			),
		});
		return [
			named('the documented minimum', {}),
			named('no model', { model: '' }),
			...fieldCases(modelId, model).map(([name, patch]) => named(name, patch)),
			...assetCases(model, ids).map(([name, patch]) => named(name, patch)),
		];
	});
}

/** Multishot lists (shot durations; a prompt of `promptLength` characters), each sent for every model. */
export const SHOT_LISTS: ReadonlyArray<{
	name: string;
	durations: number[];
	promptLength?: number;
}> = [
	{ name: 'two shots', durations: [4, 5] },
	{ name: 'one shot', durations: [5] },
	{ name: 'a shot under 3 s', durations: [2, 5] },
	{ name: 'a shot over 12 s', durations: [13, 2] },
	{ name: 'more than 15 s in all', durations: [8, 8] },
	{ name: 'five shots of 3 s', durations: [3, 3, 3, 3, 3] },
	{ name: 'six shots', durations: [3, 3, 3, 3, 3, 3] },
	{ name: 'a shot prompt over 512 characters', durations: [4, 5], promptLength: 513 },
];
