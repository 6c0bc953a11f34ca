import { apiPath } from '../../../nodes/shared/http/path';

const BASE = 'https://api.useapi.net';
const TASK_ID = 'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-00000000000a';

/** The segments a WHATWG URL parser (as n8n's HTTP client uses) makes of the path, decoded. */
function parsedSegments(path: string): string[] {
	return new URL(`${BASE}${path}`).pathname
		.slice(1)
		.split('/')
		.map((segment) => decodeURIComponent(segment));
}

describe('apiPath', () => {
	it('keeps the : and @ of useapi.net IDs raw, as useapi.net takes them', () => {
		expect(apiPath(['v1', 'runwayml', 'tasks', TASK_ID])).toBe(`/v1/runwayml/tasks/${TASK_ID}`);
		expect(apiPath(['v1', 'runwayml', 'assets'], { trailingSlash: true })).toBe(
			'/v1/runwayml/assets/',
		);
	});

	it.each([
		['backslashes and dot segments', 'user:1-runwayml:a@b.c-asset:x\\..\\..\\accounts\\victim@b.c'],
		['slashes', `${TASK_ID}/../../accounts`],
		['encoded dots after text', `${TASK_ID}%2e%2e`],
		['an encoded slash', `x%2f..%2faccounts`],
		['an encoded backslash', `x%5c..%5caccounts`],
		['a query', `${TASK_ID}?email=victim@b.c`],
		['a fragment', `${TASK_ID}#top`],
		['whitespace', ` ${TASK_ID} `],
		['a newline', `${TASK_ID}\n/../accounts`],
		['a tab', `a\tb`],
		['a fullwidth solidus', `x\uFF0F..\uFF0Faccounts`],
		['one dot leaders', '\u2024\u2024'],
		['a percent sign', '100%'],
	])('keeps a value with %s in its one segment', (_name, value) => {
		const path = apiPath(['v1', 'runwayml', 'tasks', value]);
		expect(parsedSegments(path)).toEqual(['v1', 'runwayml', 'tasks', value]);
		expect(new URL(`${BASE}${path}`).search).toBe('');
		expect(new URL(`${BASE}${path}`).hash).toBe('');
	});

	it.each([
		['empty', ''],
		['a dot segment', '..'],
		['a dot', '.'],
		// Encoded once more these would be safe; refused all the same, as no ID is spelled so.
		['an encoded dot segment', '%2E%2E'],
		['a half-encoded dot segment', '.%2e'],
	])('refuses a segment that is %s', (_name, value) => {
		expect(() => apiPath(['v1', 'runwayml', 'tasks', value])).toThrow(
			`The request path segment ${JSON.stringify(value)}`,
		);
	});
});
