/**
 * A path segment, percent-encoded but for `:` and `@`: RFC 3986 allows both in a segment (pchar), and useapi.net
 * IDs hold them and must reach it unencoded. `/`, `\`, `%`, `?`, `#`, whitespace and anything outside ASCII are
 * encoded, so no value can end its segment or the path.
 */
function encodeSegment(segment: string): string {
	return encodeURIComponent(segment).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

function decodedOrRaw(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** Why a segment cannot be one: empty, or a dot segment a URL parser would resolve (also when encoded). */
function segmentProblem(segment: string): string | undefined {
	if (segment === '') return 'is empty';
	const decoded = decodedOrRaw(segment).trim();
	if (decoded === '.' || decoded === '..') return 'is a dot segment';
	return undefined;
}

/**
 * The request path made of `segments` (`['v1', 'runwayml', 'tasks', taskId]` → `/v1/runwayml/tasks/<taskId>`):
 * the only way the package builds a path. Each segment is encoded so that it stays one segment; an empty or dot
 * segment is refused, as a URL parser would drop or resolve it. `trailingSlash` ends the path with `/`, where the
 * API documents it so (`/v1/runwayml/assets/`).
 */
export function apiPath(
	segments: readonly string[],
	options: { trailingSlash?: boolean } = {},
): string {
	const encoded = segments.map((segment) => {
		const problem = segmentProblem(segment);
		if (problem !== undefined) {
			throw new TypeError(`The request path segment ${JSON.stringify(segment)} ${problem}`);
		}
		return encodeSegment(segment);
	});
	return `/${encoded.join('/')}${options.trailingSlash ? '/' : ''}`;
}
