import { isRecord } from '../../http';
import type { DimensionPair, NumberChoices } from './numbers';

/** What a `resolve/<AIR>` JSON Schema says of the fields with their own checks (reference "Model discovery"). */
export interface SchemaFacts {
	durations: NumberChoices | false;
	fps: NumberChoices | false;
	/** Undefined: declared without a list of values. */
	resolutions: readonly string[] | false | undefined;
	/** `false`: neither width nor height is declared. */
	dimensions: { width?: NumberChoices; height?: NumberChoices; pairs?: DimensionPair[] } | false;
}

/** Allowed values: `enum`, `oneOf[{const}]`, or `minimum`/`maximum` (with `multipleOf`). */
function valuesOf(property: Record<string, unknown>): unknown[] | undefined {
	if (Array.isArray(property.enum)) return property.enum;
	if (Array.isArray(property.oneOf)) {
		const consts = property.oneOf.filter(isRecord).map((option) => option.const);
		return consts.every((value) => value !== undefined) ? consts : undefined;
	}
	return 'const' in property ? [property.const] : undefined;
}

function numberChoices(property: unknown): NumberChoices | undefined {
	if (!isRecord(property)) return undefined;
	const values = valuesOf(property);
	if (values?.every((value): value is number => typeof value === 'number')) return { values };
	const { minimum, maximum, multipleOf } = property;
	if (typeof minimum !== 'number' || typeof maximum !== 'number') return undefined;
	return {
		min: minimum,
		max: maximum,
		...(typeof multipleOf === 'number' ? { step: multipleOf } : {}),
	};
}

/** `allOf[{oneOf:[{properties:{width:{const}, height:{const}}}]}]`: the allowed size pairs. */
function sizePairs(requestSchema: Record<string, unknown>): DimensionPair[] | undefined {
	const groups = Array.isArray(requestSchema.allOf) ? requestSchema.allOf.filter(isRecord) : [];
	for (const group of groups) {
		const options = Array.isArray(group.oneOf) ? group.oneOf.filter(isRecord) : [];
		const found = options.flatMap((option): DimensionPair[] => {
			const properties = isRecord(option.properties) ? option.properties : {};
			const width = isRecord(properties.width) ? properties.width.const : undefined;
			const height = isRecord(properties.height) ? properties.height.const : undefined;
			return typeof width === 'number' && typeof height === 'number' ? [{ width, height }] : [];
		});
		if (found.length > 0) return found;
	}
	return undefined;
}

/** Reads a schema; fields it does not declare are not accepted (`false`), as the API refuses them. */
export function readSchema(requestSchema: Record<string, unknown>): SchemaFacts {
	const properties = isRecord(requestSchema.properties) ? requestSchema.properties : {};
	const declared = (field: string) => properties[field] !== undefined;
	const choices = (field: string): NumberChoices | false =>
		declared(field)
			? (numberChoices(properties[field]) ?? { min: 0, max: Number.MAX_VALUE })
			: false;
	const resolution = isRecord(properties.resolution) ? valuesOf(properties.resolution) : undefined;
	return {
		durations: choices('duration'),
		fps: choices('fps'),
		resolutions: declared('resolution')
			? resolution?.filter((value): value is string => typeof value === 'string')
			: false,
		dimensions:
			declared('width') || declared('height')
				? {
						width: numberChoices(properties.width),
						height: numberChoices(properties.height),
						pairs: sizePairs(requestSchema),
					}
				: false,
	};
}
