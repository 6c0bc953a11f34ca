import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * One reader of typed node parameter values for every node. n8n does not enforce a parameter's type on what an
 * expression gives (a `number` field may receive a string, a text field an object), so each value is checked for
 * its exact form here, before any request: nothing is coerced (`String({})`, `Number('0x0A')`) and nothing given is
 * taken for "not set". Unset means absent, null or an empty string; everything else is read or refused with an
 * error naming the field, the value and what is allowed.
 */

export interface NumberRule {
	integer?: boolean;
	min?: number;
	max?: number;
}

/** Digits with an optional sign and decimal part: no blanks, exponents, hex, `Infinity` or `NaN`. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const ANY_NUMBER: NumberRule = {};
const MAX_SHOWN_LENGTH = 120;

/** How a message shows a value the user gave. */
export function showGiven(value: unknown): string {
	if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
	if (typeof value === 'object' && value !== null) return 'an object';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = JSON.stringify(value);
	return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 2)}…"` : text;
}

const isUnset = (value: unknown): boolean => value === undefined || value === null || value === '';

function describeNumber(rule: NumberRule): string {
	const kind = rule.integer ? 'a whole number' : 'a number';
	if (rule.min !== undefined && rule.max !== undefined)
		return `${kind} from ${rule.min} to ${rule.max}`;
	if (rule.min !== undefined) return `${kind} from ${rule.min}`;
	return rule.max !== undefined ? `${kind} up to ${rule.max}` : kind;
}

/** Reads the values of one item's parameters (a node-level one: item 0); `field` is how messages name it. */
export class TypedParameters {
	constructor(
		private readonly ctx: { getNode(): INode },
		private readonly itemIndex: number,
	) {}

	private refuse(message: string): NodeOperationError {
		return new NodeOperationError(this.ctx.getNode(), message, {
			itemIndex: this.itemIndex,
			description: 'Nothing was sent.',
		});
	}

	/** Text as given (not trimmed); numbers, objects and lists are refused. */
	text(field: string, value: unknown): string | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'string') return value;
		throw this.refuse(`${field} must be text, not ${showGiven(value)}`);
	}

	/** A number, or text of a plain decimal number (as an expression may give it), checked against `rule`. */
	number(field: string, value: unknown, rule: NumberRule = ANY_NUMBER): number | undefined {
		if (isUnset(value)) return undefined;
		const number = typeof value === 'string' && PLAIN_DECIMAL.test(value) ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number)) {
			throw this.refuse(
				`${field} ${showGiven(value)} is not a plain decimal number: allowed ${describeNumber(rule)}`,
			);
		}
		if (rule.integer && !Number.isInteger(number)) {
			throw this.refuse(
				`${field} ${number} is not a whole number: allowed ${describeNumber(rule)}`,
			);
		}
		if (
			(rule.min !== undefined && number < rule.min) ||
			(rule.max !== undefined && number > rule.max)
		) {
			throw this.refuse(`${field} ${number} is out of range: allowed ${describeNumber(rule)}`);
		}
		return number;
	}

	/** One of a fixed set of choices; a number choice may come as its decimal text. */
	oneOf<Choice extends string | number | boolean>(
		field: string,
		value: unknown,
		choices: readonly Choice[],
	): Choice | undefined {
		if (isUnset(value)) return undefined;
		const match = choices.find(
			(choice) => choice === value || (typeof choice === 'number' && String(choice) === value),
		);
		if (match !== undefined) return match;
		throw this.refuse(
			`${field} ${showGiven(value)} is not one of the choices: allowed ${choices.map(String).join(', ')}`,
		);
	}

	/** true or false; an expression may give their text. */
	boolean(field: string, value: unknown): boolean | undefined {
		if (isUnset(value)) return undefined;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		throw this.refuse(`${field} ${showGiven(value)} is not valid: allowed true or false`);
	}
}

/** How messages name a parameter: its display name, and the API field it fills when that differs. */
export function fieldName(displayName: string, apiField?: string): string {
	return apiField && apiField !== displayName ? `${displayName} (${apiField})` : displayName;
}

type Known = { variesByItem: true } | { variesByItem: false; value: unknown };

interface NodeRun {
	/** The node as configured (n8n's `getNode()` copies it on every call). */
	node: INode;
	/** Per parameter path: whether it may differ between items, and its value if it may not. */
	read: Map<string, Known>;
	/** The same for values read with `extractValue` (a resource locator's value). */
	extracted: Map<string, Known>;
}

/** Per node run (its execute context): what was learnt of its parameters. */
const nodeRuns = new WeakMap<object, NodeRun>();

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsExpression);
}

/** Whether the value at `path` (dots between names) may differ between items: an expression in it or above it. */
function variesByItem(node: INode, path: string): boolean {
	let value: unknown = node.parameters;
	for (const key of path.split('.')) {
		if (isExpression(value)) return true;
		if (typeof value !== 'object' || value === null) return false;
		value = (value as IDataObject)[key];
	}
	return holdsExpression(value);
}

/**
 * n8n's own check of a read value applies only to properties with `validateType`, resource mappers and collections
 * holding such fields: these nodes declare none (a unit test holds them to it) and check every value's exact form
 * themselves, so n8n's check would only search the node's properties again for every expression read.
 */
const SKIP_VALIDATION: IGetNodeParameterOptions = { skipValidation: true };

/** `getNodeParameter` of one item: a parameter's path, the value when it is unset, n8n's reading options. */
export type ItemParameters = (
	path: string,
	fallback: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

function nodeRun(ctx: IExecuteFunctions): NodeRun {
	let run = nodeRuns.get(ctx);
	if (!run) {
		run = { node: ctx.getNode(), read: new Map(), extracted: new Map() };
		nodeRuns.set(ctx, run);
	}
	return run;
}

/**
 * `getNodeParameter` for item `itemIndex`, read once for all items of the run where the parameter holds no
 * expression: evaluating a parameter costs n8n far more than a lookup, and a node reads a dozen for each of
 * thousands of items. The value of a fixed parameter is shared by all items, so it is never modified.
 */
export function itemParameters(ctx: IExecuteFunctions, itemIndex: number): ItemParameters {
	const run = nodeRun(ctx);
	return (path, fallback, options) => {
		const read = options?.extractValue ? run.extracted : run.read;
		let known = read.get(path);
		if (!known) {
			known = variesByItem(run.node, path)
				? { variesByItem: true }
				: {
						variesByItem: false,
						value: ctx.getNodeParameter(path, itemIndex, fallback, options),
					};
			read.set(path, known);
		}
		if (!known.variesByItem) return known.value;
		return ctx.getNodeParameter(
			path,
			itemIndex,
			fallback,
			options ? { ...options, skipValidation: true } : SKIP_VALIDATION,
		);
	};
}
