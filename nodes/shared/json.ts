import type { IDataObject } from 'n8n-workflow';

/** Reading the values of an API's JSON answer (or an input item's JSON), which may lack or misspell any field. */

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else undefined. */
export function jsonText(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A finite number, also when sent as a string (useapi.net sends `progressRatio: "0.5"`, `fileSize: "123"`). */
export function jsonNumber(value: unknown): number | undefined {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** An output item's JSON without the fields the answer did not have. */
export function withoutUndefined(json: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined));
}
