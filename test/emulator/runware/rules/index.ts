import { isRecord } from '../../http';
import { RUNWARE_MODELS, type DimensionRules, type RunwareModelRules } from './models';
import type { NumberChoices } from './numbers';
import { readSchema } from './schema';
import { API_LIMITS } from './apiDocument';

export type { DimensionRules, RunwareModelRules } from './models';

/**
 * What the emulated API checks for one model. A model's public schema (`resolve/<AIR>`) describes
 * the live API, so where one is known its durations, sizes, frame rates, resolutions and declared
 * fields win over the documented rules; whatever neither says falls back to the API document's ranges.
 */
export interface ModelRules {
	air: string;
	/** The AIR prefix: the model's `providerSettings` key. */
	provider: string;
	/** The documented rules, for the checks schemas do not express (media, prompt, settings). */
	entry?: RunwareModelRules;
	durations: NumberChoices | false;
	fps: NumberChoices | false;
	resolutions?: readonly string[] | false;
	dimensions: ResolvedDimensions | false;
	/** Schema only: the top-level fields the model declares; anything else is refused. */
	declaredFields?: ReadonlySet<string>;
	/** Schema only: fields the schema lists as required. */
	requiredFields?: ReadonlySet<string>;
	/** Schema only: `requestSchema.properties`, for the generic enum/range/length checks. */
	schemaProperties?: Readonly<Record<string, unknown>>;
}

export interface ResolvedDimensions extends DimensionRules {
	width: NumberChoices;
	height: NumberChoices;
}

/** The API document's ranges, for an AIR no document lists. */
const GENERIC = {
	duration: API_LIMITS.duration,
	fps: API_LIMITS.fps,
	width: API_LIMITS.width,
	height: API_LIMITS.height,
};

/**
 * For a listed model the documents give no limit for: "Request-level video parameters" says the API document's ranges are "superseded by
 * per-model schemas (4K and 12–15 s models exist)", so their maxima and the multiple of 8 go; the
 * minima stay, and so does the frame-rate range, which no document contradicts.
 */
const UNSTATED = {
	duration: { min: API_LIMITS.duration.min, max: Number.POSITIVE_INFINITY },
	fps: API_LIMITS.fps,
	width: { min: API_LIMITS.width.min, max: Number.POSITIVE_INFINITY },
	height: { min: API_LIMITS.height.min, max: Number.POSITIVE_INFINITY },
};

function documented(air: string, entry: RunwareModelRules | undefined): ModelRules {
	const dimensions = entry?.dimensions;
	const fallback = entry ? UNSTATED : GENERIC;
	return {
		air,
		provider: air.split(':')[0],
		entry,
		durations: entry?.durations ?? fallback.duration,
		fps: entry?.fps ?? fallback.fps,
		resolutions: entry?.resolutions,
		dimensions:
			dimensions === false
				? false
				: { width: fallback.width, height: fallback.height, ...dimensions },
	};
}

/** Overlays what a `resolve/<AIR>` schema says on the documented rules. */
function withSchema(base: ModelRules, schema: unknown): ModelRules {
	const requestSchema =
		isRecord(schema) && isRecord(schema.requestSchema) ? schema.requestSchema : {};
	const facts = readSchema(requestSchema);
	const properties = isRecord(requestSchema.properties) ? requestSchema.properties : {};
	const required = new Set(
		Array.isArray(requestSchema.required)
			? requestSchema.required.filter((field): field is string => typeof field === 'string')
			: [],
	);
	const fallback: ResolvedDimensions =
		base.dimensions === false ? { width: GENERIC.width, height: GENERIC.height } : base.dimensions;
	return {
		...base,
		durations: facts.durations,
		fps: facts.fps,
		resolutions: facts.resolutions ?? base.resolutions,
		dimensions:
			facts.dimensions === false
				? false
				: {
						...fallback,
						width: facts.dimensions.width ?? fallback.width,
						height: facts.dimensions.height ?? fallback.height,
						pairs: facts.dimensions.pairs ?? fallback.pairs,
						...(required.has('width') ? { required: 'always' as const } : {}),
					},
		declaredFields: new Set(Object.keys(properties)),
		requiredFields: required,
		schemaProperties: properties,
	};
}

/** Rules for an AIR: schema over the documented rules; undefined when neither knows it. */
export function rulesFor(air: string, schema: unknown): ModelRules | undefined {
	const entry = RUNWARE_MODELS[air];
	if (schema !== undefined) return withSchema(documented(air, entry), schema);
	return entry ? documented(air, entry) : undefined;
}

/** Rules for an AIR nobody knows, when the `unknownModels` knob accepts it. */
export function fallbackRules(air: string): ModelRules {
	return documented(air, undefined);
}
