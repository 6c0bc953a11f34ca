/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Reply, RequestContext } from './http';
import { json, parseJson, readBody, truncatedJson } from './http';
import type { FaultAction } from './knobs';
import { KNOBS_HEADER, knobsFromHeader, mergeKnobs } from './knobs';
import type { RequestRecord } from './log';
import { summariseJson } from './log';
import type { Route } from './router';
import { matchRoute } from './router';
import type { SharedState } from './state';

const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

function describeFault(fault: FaultAction): string {
	if (fault.drop) return `drop ${fault.drop}`;
	if (fault.hang) return 'hang';
	if (fault.malformed) return 'malformed';
	if (fault.stallAfterBytes !== undefined) return `stall after ${fault.stallAfterBytes} bytes`;
	if (fault.redirectTo !== undefined) return `redirect ${fault.redirectTo}`;
	if (fault.status !== undefined)
		return `status ${fault.status}${fault.code ? ` ${fault.code}` : ''}`;
	return `delay ${fault.delayMs ?? 0}`;
}

function queryRecord(query: URLSearchParams): Record<string, string> {
	return Object.fromEntries(query.entries());
}

/** Writes the first `bytes` of a body and then nothing more: the client sees a download stall mid-stream. */
async function writeStalled(body: Readable, res: ServerResponse, bytes: number): Promise<void> {
	let sent = 0;
	for await (const chunk of body as AsyncIterable<Buffer>) {
		const part = chunk.subarray(0, bytes - sent);
		res.write(part);
		sent += part.length;
		if (sent >= bytes) break;
	}
}

async function writeReply(
	req: IncomingMessage,
	res: ServerResponse,
	reply: Reply,
	record?: RequestRecord,
	stallAfterBytes?: number,
): Promise<void> {
	// Recorded with the head, not on 'finish': a client may read the last byte before 'finish' fires.
	if (record) record.status = reply.status;
	const headers: Record<string, string> = { ...reply.headers };
	if (reply.stream) {
		headers['content-length'] = String(reply.stream.length);
		res.writeHead(reply.status, headers);
		if (req.method === 'HEAD') {
			reply.stream.body.destroy();
			res.end();
			return;
		}
		if (stallAfterBytes !== undefined) {
			await writeStalled(reply.stream.body, res, stallAfterBytes);
			return;
		}
		// A client that hangs up mid-download ends the pipeline with an error: nothing to report.
		await pipeline(reply.stream.body, res).catch(() => undefined);
		return;
	}
	const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
	headers['content-type'] ??= reply.text !== undefined ? 'text/plain' : 'application/json';
	headers['content-length'] = String(Buffer.byteLength(body));
	res.writeHead(reply.status, headers);
	res.end(req.method === 'HEAD' ? undefined : body);
}

/** The HTTP front: logging, routing, per-request knobs, fault injection. */
export class EmulatorServer {
	readonly requests: RequestRecord[] = [];

	readonly server: Server;

	constructor(
		private readonly shared: SharedState,
		private readonly routes: readonly Route[],
	) {
		this.server = createServer((req, res) => {
			const rawUrl = req.url ?? '/';
			const queryStart = rawUrl.indexOf('?');
			const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
			const query = new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
			const record: RequestRecord = {
				method: req.method ?? 'GET',
				path,
				query: queryRecord(query),
				route: 'unknown',
				headers: { ...req.headers },
				time: Date.now(),
			};
			this.requests.push(record);
			void this.handle(req, res, record, query).catch((error: unknown) => {
				if (res.headersSent) {
					res.destroy();
					return;
				}
				const message = error instanceof Error ? error.message : String(error);
				const reply = json(500, { error: `Emulator error: ${message}`, code: 500 });
				void writeReply(req, res, reply, record);
			});
		});
	}

	private async handle(
		req: IncomingMessage,
		res: ServerResponse,
		record: RequestRecord,
		query: URLSearchParams,
	): Promise<void> {
		const { path } = record;
		const matched = matchRoute(this.routes, record.method, path);
		if (!matched) {
			await writeReply(req, res, json(404, { error: 'Not found.', code: 404 }), record);
			return;
		}
		const { route, params } = matched;
		const ctx: RequestContext = {
			req,
			method: record.method,
			path,
			query,
			params,
			knobs: mergeKnobs(this.shared.knobs, knobsFromHeader(req.headers[KNOBS_HEADER])),
			record,
		};
		if (route.body === 'buffer') {
			ctx.body = await readBody(req, BODY_LIMIT_BYTES);
			if (!ctx.body) {
				const error = `Body exceeds ${BODY_LIMIT_BYTES} bytes`;
				await writeReply(req, res, json(413, { error, code: 413 }), record);
				return;
			}
			const parsed = parseJson(ctx.body);
			record.body = parsed.ok
				? { kind: 'json', value: summariseJson(parsed.value) }
				: { kind: 'invalid', bytes: ctx.body.length };
		}
		record.route = typeof route.name === 'function' ? route.name(ctx) : route.name;
		await this.respond(ctx, route, res);
	}

	private async respond(ctx: RequestContext, route: Route, res: ServerResponse): Promise<void> {
		const fault = this.shared.faults.take(ctx.record.route);
		if (fault) ctx.record.fault = describeFault(fault);
		const delay = ctx.knobs.delayMs + (fault?.delayMs ?? 0);
		// Unref'd: a delay longer than the test (the client gave up, the emulator closed) must not hold the process.
		if (delay > 0) await sleep(delay, undefined, { ref: false });
		if (fault?.drop === 'before') {
			ctx.req.socket.destroy();
			return;
		}
		const reply =
			fault?.redirectTo !== undefined
				? { status: 302, headers: { location: fault.redirectTo } }
				: fault?.status !== undefined && route.faultReply
					? route.faultReply(ctx, fault)
					: await route.handle(ctx);
		if (fault?.drop === 'after') {
			ctx.req.socket.destroy();
			return;
		}
		// Never answered: the client's timeout (or the emulator's close) ends the connection.
		if (fault?.hang) return;
		if (fault?.malformed) {
			const text = truncatedJson(reply.json);
			const malformed = { status: 200, headers: { 'content-type': 'application/json' }, text };
			await writeReply(ctx.req, res, malformed, ctx.record);
			return;
		}
		await writeReply(ctx.req, res, reply, ctx.record, fault?.stallAfterBytes);
	}
}
