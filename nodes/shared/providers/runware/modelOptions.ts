import type { ApiContext } from '../../http/send';
import {
	findRunwareModel,
	fitsNumberChoices,
	isNumberList,
	runwareModels,
	type DimensionPair,
	type NumberChoices,
	type RunwareModel,
} from './catalogue';
import { fetchRunwareModelSchema, type RunwareSchemaFacts } from './modelSchema';

/**
 * The values the node offers for one model's choice fields. A field missing here is not taken by
 * the model. Sources, best first: the model's public schema, the catalogue, the seed's generic ranges.
 */
export interface RunwareModelOptions {
	source: 'schema' | 'catalogue' | 'generic';
	durations?: NumberChoices;
	fps?: NumberChoices;
	resolutions?: readonly string[];
	dimensions?: readonly DimensionPair[];
	voices?: readonly string[];
}

/** The seed's generic ranges, for models nobody describes. */
const GENERIC: {
	durations: NumberChoices;
	fps: NumberChoices;
	width: NumberChoices;
	height: NumberChoices;
	resolutions: readonly string[];
} = {
	durations: { min: 1, max: 10, step: 1 },
	fps: { values: [15, 24, 25, 30, 48, 50, 60] },
	width: { min: 256, max: 1920, step: 8 },
	height: { min: 256, max: 1080, step: 8 },
	resolutions: ['360p', '480p', '540p', '720p', '1080p', '1440p', '2160p'],
};

/** Common sizes, offered where a model allows ranges rather than listed sizes. */
const COMMON_SIZES: readonly DimensionPair[] = [
	[3840, 2160],
	[2160, 3840],
	[2560, 1440],
	[1440, 2560],
	[1920, 1080],
	[1080, 1920],
	[1440, 1440],
	[1280, 720],
	[720, 1280],
	[1080, 1080],
	[960, 960],
	[960, 540],
	[540, 960],
	[720, 720],
	[848, 480],
	[480, 848],
	[640, 360],
	[360, 640],
	[512, 512],
].map(([width, height]) => ({ width, height }));

/** The common sizes that fit width and height ranges (or lists). */
function sizesWithin(width: NumberChoices, height: NumberChoices): DimensionPair[] {
	return COMMON_SIZES.filter(
		(size) => fitsNumberChoices(width, size.width) && fitsNumberChoices(height, size.height),
	);
}

const ALL_VOICES = [
	...new Set(runwareModels.flatMap((model) => (model.speech && model.speech.voices) || [])),
];

const definedOrGeneric = <T>(value: T | false | undefined, generic: T): T | undefined =>
	value === false ? undefined : (value ?? generic);

function fromCatalogue(model: RunwareModel | undefined): RunwareModelOptions {
	const dims = model?.dimensions;
	return {
		source: model ? 'catalogue' : 'generic',
		durations: definedOrGeneric(model?.durations, GENERIC.durations),
		fps: definedOrGeneric(model?.fps, GENERIC.fps),
		resolutions:
			model?.resolutions === false
				? undefined
				: (model?.resolutions?.values ?? GENERIC.resolutions),
		dimensions:
			dims === false ? undefined : (dims?.pairs ?? sizesWithin(GENERIC.width, GENERIC.height)),
		voices: model?.speech === false ? undefined : (model?.speech?.voices ?? ALL_VOICES),
	};
}

function withSchema(base: RunwareModelOptions, facts: RunwareSchemaFacts): RunwareModelOptions {
	const dims = facts.dimensions;
	return {
		...base,
		source: 'schema',
		durations: definedOrGeneric(facts.durations, base.durations ?? GENERIC.durations),
		fps: definedOrGeneric(facts.fps, base.fps ?? GENERIC.fps),
		resolutions: definedOrGeneric(facts.resolutions, base.resolutions ?? GENERIC.resolutions),
		dimensions:
			dims === false || dims === undefined
				? undefined
				: (dims.pairs ?? sizesWithin(dims.width ?? GENERIC.width, dims.height ?? GENERIC.height)),
	};
}

/** What the node offers for `air`: from its public schema when reachable, else the catalogue. */
export async function runwareModelOptions(
	ctx: ApiContext,
	air: string,
): Promise<RunwareModelOptions> {
	const base = fromCatalogue(findRunwareModel(air));
	const facts = await fetchRunwareModelSchema(ctx, air);
	return facts ? withSchema(base, facts) : base;
}

// Ranges are listed value by value; a cap keeps a fine step over a wide range usable.
const MAX_LISTED_VALUES = 500;

/** Every allowed value of a list or a stepped range (integers for a range without a step). */
export function listNumberChoices(choices: NumberChoices): number[] {
	if (isNumberList(choices)) return [...choices.values];
	const step = choices.step ?? 1;
	const first = choices.step === undefined ? Math.ceil(choices.min) : choices.min;
	const values: number[] = [];
	for (let index = 0; values.length < MAX_LISTED_VALUES; index++) {
		// Rounded so that float steps (0.1) give 1.3, not 1.3000000000000003.
		const value = Number((first + index * step).toFixed(6));
		if (value > choices.max + 1e-9) break;
		values.push(value);
	}
	return values;
}
