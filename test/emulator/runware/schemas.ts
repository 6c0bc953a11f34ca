/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Reply, RequestContext } from '../http';
import { isRecord, json } from '../http';

export const SCHEMA_FIXTURES_DIR = join(__dirname, '..', 'schemas');

/** The AIR a schema describes: `requestSchema.properties.model.const`. */
export function schemaAir(schema: unknown): string | undefined {
	const request = isRecord(schema) ? schema.requestSchema : undefined;
	const properties = isRecord(request) ? request.properties : undefined;
	const model = isRecord(properties) ? properties.model : undefined;
	return isRecord(model) && typeof model.const === 'string' ? model.const : undefined;
}

function loadFixtures(directory: string): Map<string, unknown> {
	const fixtures = new Map<string, unknown>();
	for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
		const schema: unknown = JSON.parse(readFileSync(join(directory, file), 'utf8'));
		const air = schemaAir(schema);
		if (!air) throw new Error(`Schema fixture ${file} has no requestSchema.properties.model.const`);
		fixtures.set(air, schema);
	}
	return fixtures;
}

/** Per-model schemas as `https://schemas.runware.ai/resolve/<AIR>` serves them. */
export class SchemaRegistry {
	private readonly fixtures: Map<string, unknown>;

	private registered = new Map<string, unknown>();

	constructor(directory = SCHEMA_FIXTURES_DIR) {
		this.fixtures = loadFixtures(directory);
	}

	/** Adds or replaces a schema until the next reset; the AIR defaults to the schema's model const. */
	register(schema: unknown, air = schemaAir(schema)): void {
		if (!air)
			throw new Error('registerSchema needs an AIR: none given and no model.const in the schema');
		this.registered.set(air, schema);
	}

	get(air: string): unknown {
		return this.registered.get(air) ?? this.fixtures.get(air);
	}

	reset(): void {
		this.registered.clear();
	}

	/** GET `/runware-schemas/resolve/<AIR>`: no auth, 404 for an unknown AIR. */
	serve(ctx: RequestContext): Reply {
		let air: string;
		try {
			air = decodeURIComponent(ctx.params[0]);
		} catch {
			return json(400, { error: 'Malformed AIR' });
		}
		const schema = this.get(air);
		if (schema === undefined) return json(404, { error: `No schema for ${air}` });
		return json(200, schema, { 'cache-control': 'public, max-age=300' });
	}
}
