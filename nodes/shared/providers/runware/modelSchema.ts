import type { IDataObject } from 'n8n-workflow';

import { apiPath } from '../../http/path';
import type { ApiContext } from '../../http/send';
import { sendPublic } from '../../http/send';
import { isJsonObject } from '../../json';
import type { DimensionPair, NumberChoices } from './catalogue';
import { isRunwareAir } from './ids';
import { RUNWARE_CREDENTIAL } from './transport';

/**
 * What a model's public schema (`GET <schemaBaseUrl>/resolve/<AIR>`, Runware's JSON Schema of the
 * request) says about the fields the node offers choices for. `false`: the model declares no such
 * field; `undefined`: declared without a usable constraint.
 */
export interface RunwareSchemaFacts {
	durations?: NumberChoices | false;
	fps?: NumberChoices | false;
	resolutions?: readonly string[] | false;
	dimensions?:
		| { pairs?: readonly DimensionPair[]; width?: NumberChoices; height?: NumberChoices }
		| false;
}

const SCHEMA_TIMEOUT_MS = 3000;
const FOUND_TTL_MS = 5 * 60_000;
const MISSING_TTL_MS = 60_000;

const cache = new Map<string, { expires: number; facts?: RunwareSchemaFacts }>();

const numbersOf = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');

/** Allowed numbers of one schema property: `const`, `enum`, `oneOf[{const}]` or a range. */
function numberChoicesOf(property: unknown): NumberChoices | undefined {
	if (!isJsonObject(property)) return undefined;
	if (typeof property.const === 'number') return { values: [property.const] };
	const listed = Array.isArray(property.enum)
		? numbersOf(property.enum)
		: Array.isArray(property.oneOf)
			? numbersOf(property.oneOf.map((option) => (isJsonObject(option) ? option.const : undefined)))
			: [];
	const fallback = typeof property.default === 'number' ? property.default : undefined;
	if (listed.length > 0) {
		return fallback !== undefined && listed.includes(fallback)
			? { values: listed, default: fallback }
			: { values: listed };
	}
	if (typeof property.minimum !== 'number' || typeof property.maximum !== 'number')
		return undefined;
	return {
		min: property.minimum,
		max: property.maximum,
		...(typeof property.multipleOf === 'number' ? { step: property.multipleOf } : {}),
		...(property.type === 'integer' && typeof property.multipleOf !== 'number' ? { step: 1 } : {}),
	};
}

/** Width/height pairs from `allOf[{oneOf:[{properties:{width:{const}, height:{const}}}]}]`. */
function dimensionPairsOf(schema: IDataObject): DimensionPair[] | undefined {
	const groups = [
		...(Array.isArray(schema.allOf) ? schema.allOf : []),
		...(Array.isArray(schema.oneOf) ? [{ oneOf: schema.oneOf }] : []),
	];
	const pairs: DimensionPair[] = [];
	for (const group of groups) {
		if (!isJsonObject(group) || !Array.isArray(group.oneOf)) continue;
		for (const option of group.oneOf) {
			const properties = isJsonObject(option) && isJsonObject(option.properties) ? option.properties : {};
			const width = isJsonObject(properties.width) ? properties.width.const : undefined;
			const height = isJsonObject(properties.height) ? properties.height.const : undefined;
			if (typeof width === 'number' && typeof height === 'number') pairs.push({ width, height });
		}
	}
	return pairs.length > 0 ? pairs : undefined;
}

/** Reads the facts from a `resolve/<AIR>` answer; undefined when it is not a request schema. */
export function parseRunwareModelSchema(body: unknown): RunwareSchemaFacts | undefined {
	const schema = isJsonObject(body) && isJsonObject(body.requestSchema) ? body.requestSchema : undefined;
	if (!schema || !isJsonObject(schema.properties)) return undefined;
	const properties = schema.properties;
	const has = (field: string) => field in properties;
	const resolution = properties.resolution;
	return {
		durations: has('duration') ? numberChoicesOf(properties.duration) : false,
		fps: has('fps') ? numberChoicesOf(properties.fps) : false,
		resolutions: !has('resolution')
			? false
			: isJsonObject(resolution) && Array.isArray(resolution.enum)
				? resolution.enum.filter((value): value is string => typeof value === 'string')
				: undefined,
		dimensions:
			has('width') || has('height')
				? {
						pairs: dimensionPairsOf(schema),
						width: numberChoicesOf(properties.width),
						height: numberChoicesOf(properties.height),
					}
				: false,
	};
}

function schemaUrl(baseUrl: string, air: string): string {
	return `${baseUrl.replace(/\/+$/, '')}${apiPath(['resolve', air])}`;
}

async function schemaBaseUrl(ctx: ApiContext): Promise<string | undefined> {
	try {
		const credentials = await ctx.getCredentials<{ schemaBaseUrl?: string }>(RUNWARE_CREDENTIAL);
		return credentials.schemaBaseUrl?.trim() || undefined;
	} catch {
		return undefined;
	}
}

/**
 * The model's public schema facts, or undefined when no schema URL is configured, the model has no
 * schema or the schema service does not answer within a few seconds. No credentials are sent; answers
 * (and misses) are cached for a few minutes.
 */
export async function fetchRunwareModelSchema(
	ctx: ApiContext,
	air: string,
): Promise<RunwareSchemaFacts | undefined> {
	const baseUrl = await schemaBaseUrl(ctx);
	if (!baseUrl || !isRunwareAir(air.trim())) return undefined;
	const url = schemaUrl(baseUrl, air.trim());
	const cached = cache.get(url);
	if (cached && cached.expires > Date.now()) return cached.facts;
	const outcome = await sendPublic(ctx, {
		method: 'GET',
		url,
		json: true,
		timeout: SCHEMA_TIMEOUT_MS,
	});
	const facts =
		outcome.kind === 'response' && outcome.response.statusCode === 200
			? parseRunwareModelSchema(outcome.response.body)
			: undefined;
	cache.set(url, { expires: Date.now() + (facts ? FOUND_TTL_MS : MISSING_TTL_MS), facts });
	return facts;
}
