import type { FaultAction } from './knobs';
import type { Reply, RequestContext } from './http';

export interface Route {
	/** Route name for logs and fault matching; may depend on the (buffered) body. */
	name: string | ((ctx: RequestContext) => string);
	method: string;
	/** Matched against the raw path; captures become `ctx.params`. */
	pattern: RegExp;
	/** `buffer`: read whole before handling; `stream`: the handler reads it; `none`: ignored. */
	body: 'buffer' | 'stream' | 'none';
	handle(ctx: RequestContext): Reply | Promise<Reply>;
	/** The provider's error reply for an injected status. */
	faultReply?(ctx: RequestContext, fault: FaultAction): Reply;
}

export function matchRoute(
	routes: readonly Route[],
	method: string,
	path: string,
): { route: Route; params: string[] } | undefined {
	const effectiveMethod = method === 'HEAD' ? 'GET' : method;
	for (const route of routes) {
		if (route.method !== effectiveMethod) continue;
		const match = route.pattern.exec(path);
		if (match) return { route, params: match.slice(1) };
	}
	return undefined;
}

/** Gateways answer 502/504 with an HTML page, not the API's JSON. */
export function gatewayReply(status: number): Reply | undefined {
	if (status !== 502 && status !== 504) return undefined;
	const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
	return {
		status,
		headers: { 'content-type': 'text/html' },
		text: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
	};
}
