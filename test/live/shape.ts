/** The JSON shape of a value: its type, with the shapes of object members and array items. */
export type Shape =
	| { type: 'null' | 'string' | 'number' | 'boolean' }
	| { type: 'array'; items: Shape[] }
	| { type: 'object'; members: Record<string, Shape> };

export function shapeOf(value: unknown): Shape {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value)) return { type: 'array', items: value.map(shapeOf) };
	if (typeof value === 'object') {
		return {
			type: 'object',
			members: Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([key, member]) => [
					key,
					shapeOf(member),
				]),
			),
		};
	}
	const type = typeof value;
	return { type: type === 'number' || type === 'boolean' ? type : 'string' };
}

/** Items of one array merged into one shape: members any item has, so that one shape describes them. */
function mergeItems(items: Shape[]): Shape | undefined {
	return items.reduce<Shape | undefined>((merged, item) => {
		if (!merged) return item;
		if (merged.type === 'object' && item.type === 'object') {
			const members = { ...merged.members };
			for (const [key, shape] of Object.entries(item.members)) {
				members[key] = key in members ? (mergeItems([members[key], shape]) ?? shape) : shape;
			}
			return { type: 'object', members };
		}
		return merged.type === 'null' ? item : merged;
	}, undefined);
}

/**
 * Where the emulator's answer differs in shape from the real one: members one has and the other
 * lacks, and different types. `null` matches any type (optional values); array items are compared
 * as one merged shape, since the two sides may list different numbers of items.
 */
export function shapeDifferences(real: Shape, emulated: Shape, path = '$'): string[] {
	if (real.type === 'null' || emulated.type === 'null') return [];
	if (real.type !== emulated.type) {
		return [`${path}: the API gives ${real.type}, the emulator ${emulated.type}`];
	}
	if (real.type === 'array' && emulated.type === 'array') {
		const [realItem, emulatedItem] = [mergeItems(real.items), mergeItems(emulated.items)];
		return realItem && emulatedItem ? shapeDifferences(realItem, emulatedItem, `${path}[]`) : [];
	}
	if (real.type === 'object' && emulated.type === 'object') {
		const keys = [...new Set([...Object.keys(real.members), ...Object.keys(emulated.members)])];
		return keys.flatMap((key) => {
			const at = `${path}.${key}`;
			if (!(key in emulated.members)) return [`${at}: only the API gives it`];
			if (!(key in real.members)) return [`${at}: only the emulator gives it`];
			return shapeDifferences(real.members[key], emulated.members[key], at);
		});
	}
	return [];
}
