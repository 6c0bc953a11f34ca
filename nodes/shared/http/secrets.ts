const REDACTED = '[redacted]';

// Shorter values would hide ordinary words; real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 8;

function base64(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

/** Every spelling of a secret an echo of the request can carry: as sent, URL-encoded, base64 (alone or as sent). */
function spellings(secret: string): string[] {
	const forms = [secret, encodeURIComponent(secret), base64(secret), base64(`Bearer ${secret}`)];
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

function redactText(text: string, forms: readonly string[]): string {
	let result = text;
	for (const form of forms) {
		if (result.includes(form)) result = result.split(form).join(REDACTED);
	}
	return result;
}

function isPlain(value: object): boolean {
	const prototype = Object.getPrototypeOf(value) as unknown;
	return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown, forms: readonly string[]): unknown {
	if (typeof value === 'string') return redactText(value, forms);
	if (typeof value !== 'object' || value === null || !isPlain(value)) return value;
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, forms));
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			redactText(key, forms),
			redactValue(entry, forms),
		]),
	);
}

/**
 * A copy of `value` (text, or parsed JSON with its keys) in which no spelling of any of `secrets` is left. Streams
 * and buffers are returned as they are.
 */
export function redactSecrets<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
	const forms = secrets
		.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH)
		.flatMap(spellings);
	return forms.length === 0 ? value : (redactValue(value, forms) as T);
}
