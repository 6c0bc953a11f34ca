import {
	findRunwareModel,
	type DimensionPair,
	type NumberChoices,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
import { parseRunwareModelSchema } from '../../../nodes/shared/providers/runware/modelSchema';
import { SEED } from '../../../nodes/shared/providers/runware/validation';
import { isRecord } from '../http';

/**
 * What the emulated API checks for one model. The public schema (`resolve/<AIR>`) describes the
 * live API, so where one is known its durations, sizes, frame rates, resolutions and declared
 * fields win over the catalogue; whatever neither says falls back to the seed's generic ranges.
 */
export interface ModelRules {
	air: string;
	/** The catalogue entry, for the checks schemas do not express (media, prompt, settings). */
	entry?: RunwareModel;
	durations: NumberChoices | false;
	fps: NumberChoices | false;
	resolutions?: readonly string[] | false;
	dimensions: DimensionRules | false;
	/** Schema only: the top-level fields the model declares; anything else is refused. */
	declaredFields?: ReadonlySet<string>;
	/** Schema only: fields the schema lists as required. */
	requiredFields?: ReadonlySet<string>;
	/** Schema only: `requestSchema.properties`, for the generic enum/range/length checks. */
	schemaProperties?: Readonly<Record<string, unknown>>;
}

export interface DimensionRules {
	pairs?: readonly DimensionPair[];
	width: NumberChoices;
	height: NumberChoices;
	required?: 'always' | 'withoutFrameImages';
	withFrameImages?: 'forbidden';
	durationsOnlyAt?: ReadonlyArray<{ durations: number[]; pairs: DimensionPair[] }>;
}

const GENERIC = {
	duration: SEED.duration,
	fps: SEED.fps,
	width: { ...SEED.width, step: SEED.dimensionMultiple },
	height: { ...SEED.height, step: SEED.dimensionMultiple },
};

function fromCatalogue(entry: RunwareModel): ModelRules {
	const { dimensions } = entry;
	return {
		air: entry.air,
		entry,
		durations: entry.durations ?? GENERIC.duration,
		fps: entry.fps ?? GENERIC.fps,
		resolutions: entry.resolutions === false ? false : entry.resolutions?.values,
		dimensions:
			dimensions === false
				? false
				: {
						width: GENERIC.width,
						height: GENERIC.height,
						...dimensions,
					},
	};
}

function genericRules(air: string): ModelRules {
	return {
		air,
		durations: GENERIC.duration,
		fps: GENERIC.fps,
		dimensions: { width: GENERIC.width, height: GENERIC.height },
	};
}

/** Overlays what a `resolve/<AIR>` schema says (read by the node's own schema parser) on the base rules. */
function withSchema(base: ModelRules, schema: unknown): ModelRules {
	const facts = parseRunwareModelSchema(schema) ?? {};
	const requestSchema =
		isRecord(schema) && isRecord(schema.requestSchema) ? schema.requestSchema : {};
	const properties = isRecord(requestSchema.properties) ? requestSchema.properties : {};
	const required = new Set(
		Array.isArray(requestSchema.required)
			? requestSchema.required.filter((field): field is string => typeof field === 'string')
			: [],
	);
	const fallback: DimensionRules =
		base.dimensions === false ? { width: GENERIC.width, height: GENERIC.height } : base.dimensions;
	return {
		...base,
		durations: facts.durations === false ? false : (facts.durations ?? GENERIC.duration),
		fps: facts.fps === false ? false : (facts.fps ?? GENERIC.fps),
		resolutions: facts.resolutions === false ? false : (facts.resolutions ?? base.resolutions),
		dimensions:
			facts.dimensions === false || facts.dimensions === undefined
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

/** Rules for an AIR: schema over catalogue; undefined when neither knows it. */
export function rulesFor(air: string, schema: unknown): ModelRules | undefined {
	const entry = findRunwareModel(air);
	if (schema !== undefined)
		return withSchema(entry ? fromCatalogue(entry) : genericRules(air), schema);
	return entry ? fromCatalogue(entry) : undefined;
}

/** Rules for an AIR nobody knows, when the `unknownModels` knob accepts it. */
export function fallbackRules(air: string): ModelRules {
	return genericRules(air);
}
