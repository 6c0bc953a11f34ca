import type { ApiContext } from '../../http/send';
import {
	defaultOf,
	findRunwareModel,
	uncataloguedModel,
	fitsNumberChoices,
	isNumberList,
	runwareModels,
	type DimensionPair,
	type NumberChoices,
	type RunwareModel,
} from './catalogue';
import { fetchRunwareModelSchema, type RunwareSchemaFacts } from './modelSchema';
import { API_LIMITS } from './validation/apiLimits';

/**
 * The values the node offers for one model's choice fields, read from the model's resolved facts
 * (`resolveRunwareModel`), so that validation accepts every value offered. A field missing here is
 * not taken by the model; where a fact is unknown, the API document's generic ranges are offered, which the
 * generic checks accept.
 */
export interface RunwareModelOptions {
	durations?: NumberChoices;
	fps?: NumberChoices;
	resolutions?: readonly string[];
	dimensions?: readonly DimensionPair[];
	voices?: readonly string[];
}

/** The API document's generic ranges, for facts nobody describes; all within `API_LIMITS`'s checks. */
const GENERIC: {
	durations: NumberChoices;
	fps: NumberChoices;
	width: NumberChoices;
	height: NumberChoices;
	resolutions: readonly string[];
} = {
	durations: { ...API_LIMITS.duration, step: 1 },
	fps: { values: [15, 24, 25, 30, 48, 50, 60] },
	width: { ...API_LIMITS.width, step: API_LIMITS.dimensionMultiple },
	height: { ...API_LIMITS.height, step: API_LIMITS.dimensionMultiple },
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

/** What the editor offers for a model with these facts (undefined: a model nobody describes). */
export function runwareModelOptions(model: RunwareModel | undefined): RunwareModelOptions {
	const dims = model?.dimensions;
	return {
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

const samePair = (a: DimensionPair, b: DimensionPair) =>
	a.width === b.width && a.height === b.height;

function schemaDimensions(
	known: RunwareModel['dimensions'],
	facts: RunwareSchemaFacts['dimensions'],
): RunwareModel['dimensions'] {
	if (facts === undefined) return known;
	if (facts === false) return false;
	const pairs =
		facts.pairs ?? sizesWithin(facts.width ?? GENERIC.width, facts.height ?? GENERIC.height);
	const rules = known || {};
	// A size-bound duration limit only stands while the schema still lists its sizes.
	const durationsOnlyAt = rules.durationsOnlyAt?.filter((limit) =>
		limit.pairs.every((pair) => pairs.some((listed) => samePair(listed, pair))),
	);
	return {
		...rules,
		pairs: pairs.length > 0 ? [...pairs] : undefined,
		durationsOnlyAt: durationsOnlyAt?.length ? durationsOnlyAt : undefined,
	};
}

/** A catalogue entry (or a bare one for an AIR the catalogue lacks) with its schema's facts. */
export function refineWithSchema(
	air: string,
	entry: RunwareModel | undefined,
	facts: RunwareSchemaFacts,
): RunwareModel {
	const model = entry ?? uncataloguedModel(air);
	const resolutions = facts.resolutions;
	const fromSchema = (
		fact: NumberChoices | false | undefined,
		known: RunwareModel['durations'],
	): RunwareModel['durations'] => {
		if (fact === undefined || fact === false) return fact ?? known;
		return isNumberList(fact) ? { ...fact, values: [...fact.values] } : { ...fact };
	};
	return {
		...model,
		durations: fromSchema(facts.durations, model.durations),
		fps: fromSchema(facts.fps, model.fps),
		resolutions:
			resolutions === undefined
				? model.resolutions
				: resolutions === false || resolutions.length === 0
					? false
					: { values: [...resolutions] },
		dimensions: schemaDimensions(model.dimensions, facts.dimensions),
	};
}

async function resolveOnce(ctx: ApiContext, air: string): Promise<RunwareModel | undefined> {
	const entry = findRunwareModel(air);
	const facts = await fetchRunwareModelSchema(ctx, air);
	return facts ? refineWithSchema(air.trim(), entry, facts) : entry;
}

/** Per node run (its context), per AIR: the model's facts, so that items of one model share them. */
const resolvedInRun = new WeakMap<object, Map<string, Promise<RunwareModel | undefined>>>();

/**
 * A model's facts, resolved once for both the editor's dropdowns and validation: its catalogue entry,
 * refined by its public schema when that is configured and answers. Undefined: nobody describes it.
 * Resolved once per node run and model: thousands of items of one model read the credential and build
 * the refined facts once.
 */
export async function resolveRunwareModel(
	ctx: ApiContext,
	air: string,
): Promise<RunwareModel | undefined> {
	let resolved = resolvedInRun.get(ctx);
	if (!resolved) resolvedInRun.set(ctx, (resolved = new Map()));
	let model = resolved.get(air);
	if (!model) resolved.set(air, (model = resolveOnce(ctx, air)));
	return await model;
}

/** The facts of each model the AIRs name, each resolved once (see `resolveRunwareModel`). */
export async function resolveRunwareModels(
	ctx: ApiContext,
	airs: readonly string[],
): Promise<Map<string, RunwareModel | undefined>> {
	const distinct = [...new Set(airs)];
	const models = await Promise.all(
		distinct.map(async (air) => await resolveRunwareModel(ctx, air)),
	);
	return new Map(distinct.map((air, index) => [air, models[index]]));
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

/**
 * The duration sent when Duration is left on its first entry: the model's documented default, else its
 * shortest allowed length. Undefined when the model takes none, needs none (its audio sets the length)
 * or nobody describes its lengths; validation then asks for one where the API requires it.
 */
export function durationWhenUnset(model: RunwareModel | undefined): number | undefined {
	const durations = model?.durations;
	if (!durations || model?.seedExemptions?.duration) return undefined;
	return (
		defaultOf(durations) ??
		(isNumberList(durations) ? Math.min(...durations.values) : durations.min)
	);
}
