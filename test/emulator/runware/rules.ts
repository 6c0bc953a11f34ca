import {
	findRunwareModel,
	type DimensionPair,
	type NumberChoices,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';
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

/** The seed's generic ranges (2025-10 video API reference). */
const GENERIC = {
	duration: { min: 1, max: 10 },
	fps: { min: 15, max: 60 },
	width: { min: 256, max: 1920, step: 8 },
	height: { min: 256, max: 1080, step: 8 },
} as const;

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

/** Allowed numbers of a JSON Schema property: `const`, `enum`, `oneOf[{const}]` or a range. */
function numberChoicesOf(property: unknown): NumberChoices | undefined {
	if (!isRecord(property)) return undefined;
	const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');
	if (typeof property.const === 'number') return { values: [property.const] };
	if (Array.isArray(property.enum)) return { values: numbers(property.enum) };
	if (Array.isArray(property.oneOf)) {
		const values = numbers(
			property.oneOf.map((option) => (isRecord(option) ? option.const : undefined)),
		);
		if (values.length > 0) return { values };
	}
	if (typeof property.minimum === 'number' && typeof property.maximum === 'number') {
		return {
			min: property.minimum,
			max: property.maximum,
			...(typeof property.multipleOf === 'number' ? { step: property.multipleOf } : {}),
		};
	}
	return undefined;
}

function stringChoicesOf(property: unknown): string[] | undefined {
	if (!isRecord(property) || !Array.isArray(property.enum)) return undefined;
	return property.enum.filter((value): value is string => typeof value === 'string');
}

/** Width/height pairs from `allOf[{oneOf:[{properties:{width:{const}, height:{const}}}]}]`. */
function pairsOf(schema: Record<string, unknown>): DimensionPair[] | undefined {
	const groups = [
		...(Array.isArray(schema.allOf) ? schema.allOf : []),
		...(Array.isArray(schema.oneOf) ? [{ oneOf: schema.oneOf }] : []),
	];
	const pairs: DimensionPair[] = [];
	for (const group of groups) {
		if (!isRecord(group) || !Array.isArray(group.oneOf)) continue;
		for (const option of group.oneOf) {
			const properties = isRecord(option) && isRecord(option.properties) ? option.properties : {};
			const width = isRecord(properties.width) ? properties.width.const : undefined;
			const height = isRecord(properties.height) ? properties.height.const : undefined;
			if (typeof width === 'number' && typeof height === 'number') pairs.push({ width, height });
		}
	}
	return pairs.length > 0 ? pairs : undefined;
}

function schemaDimensions(
	requestSchema: Record<string, unknown>,
	properties: Record<string, unknown>,
	required: ReadonlySet<string>,
	base: DimensionRules | false,
): DimensionRules | false {
	if (!('width' in properties) && !('height' in properties)) return false;
	const fallback: DimensionRules =
		base === false ? { width: GENERIC.width, height: GENERIC.height } : base;
	return {
		...fallback,
		width: numberChoicesOf(properties.width) ?? fallback.width,
		height: numberChoicesOf(properties.height) ?? fallback.height,
		pairs: pairsOf(requestSchema) ?? fallback.pairs,
		...(required.has('width') ? { required: 'always' as const } : {}),
	};
}

/** Overlays what a `resolve/<AIR>` schema says on the catalogue (or generic) rules. */
function withSchema(base: ModelRules, schema: unknown): ModelRules {
	const requestSchema =
		isRecord(schema) && isRecord(schema.requestSchema) ? schema.requestSchema : {};
	const properties = isRecord(requestSchema.properties) ? requestSchema.properties : {};
	const required = new Set(
		Array.isArray(requestSchema.required)
			? requestSchema.required.filter((field): field is string => typeof field === 'string')
			: [],
	);
	const has = (field: string) => field in properties;
	return {
		...base,
		durations: has('duration') ? (numberChoicesOf(properties.duration) ?? GENERIC.duration) : false,
		fps: has('fps') ? (numberChoicesOf(properties.fps) ?? GENERIC.fps) : false,
		resolutions: has('resolution')
			? (stringChoicesOf(properties.resolution) ?? base.resolutions)
			: false,
		dimensions: schemaDimensions(requestSchema, properties, required, base.dimensions),
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
