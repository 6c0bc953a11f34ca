import type { RequestRecord } from '../../emulator';
import type { RunResult } from '../../harness';
import type { FaultEnv } from './env';
import { SECRETS } from './env';

type Provider = keyof typeof SECRETS;

/** Route-name prefixes of each provider's API: the only requests that may carry its key. */
const API_ROUTE_PREFIX: Record<Provider, string> = { runware: 'runware.', useapi: 'useapi.' };

/** Every string reachable from `value`, the message and stack of errors included. */
export function stringsOf(value: unknown): string[] {
	const found: string[] = [];
	const seen = new Set<object>();
	const visit = (current: unknown) => {
		if (typeof current === 'string') {
			found.push(current);
			return;
		}
		if (typeof current !== 'object' || current === null || seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current) || ArrayBuffer.isView(current)) return;
		const keys =
			current instanceof Error ? Object.getOwnPropertyNames(current) : Object.keys(current);
		for (const key of keys) visit((current as Record<string, unknown>)[key]);
	};
	visit(value);
	return found;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The spellings under which a key can be echoed: as sent, URL-encoded, base64 (alone or as `Bearer <key>`). */
export function spellingsOf(secret: string): string[] {
	return [secret, encodeURIComponent(secret), base64(secret), base64(`Bearer ${secret}`)];
}

function secretsIn(text: string): Provider[] {
	return (Object.keys(SECRETS) as Provider[]).filter((provider) =>
		spellingsOf(SECRETS[provider]).some((spelling) => text.includes(spelling)),
	);
}

function requestLeaks(record: RequestRecord): string[] {
	const where = `${record.method} ${record.path} (${record.route})`;
	const leaks: string[] = [];
	const { authorization, ...otherHeaders } = record.headers;
	for (const provider of secretsIn(String(authorization ?? ''))) {
		if (!record.route.startsWith(API_ROUTE_PREFIX[provider])) {
			leaks.push(`the ${provider} key was sent to ${where}`);
		}
	}
	const rest = [record.path, JSON.stringify(record.query), JSON.stringify(otherHeaders)];
	rest.push(JSON.stringify(record.body ?? null));
	for (const provider of secretsIn(rest.join('\n'))) {
		leaks.push(`the ${provider} key is in the URL, body or headers of ${where}`);
	}
	return leaks;
}

/**
 * Where a key shows up although it must not: anywhere in the runs (outputs, errors, their descriptions and stacks),
 * in any log line, and in any request but the Authorization header of its own provider's API.
 */
export function secretLeaks(
	env: FaultEnv,
	results: ReadonlyArray<RunResult | undefined>,
): string[] {
	const leaks: string[] = [];
	for (const result of results) {
		if (!result) continue;
		for (const text of stringsOf(result.run)) {
			for (const provider of secretsIn(text)) {
				leaks.push(
					`the ${provider} key is in execution ${result.executionId}: ${text.slice(0, 200)}`,
				);
			}
		}
	}
	for (const text of env.logs) {
		for (const provider of secretsIn(text)) {
			leaks.push(`the ${provider} key is in a log line: ${text.slice(0, 200)}`);
		}
	}
	for (const record of env.emulator.requests) leaks.push(...requestLeaks(record));
	return leaks;
}
