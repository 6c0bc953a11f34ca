/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import type { Knobs } from './knobs';
import type { RequestRecord } from './log';

/** What a handler answers; the server writes it (and may distort it when a fault says so). */
export interface Reply {
	status: number;
	headers?: Record<string, string>;
	json?: unknown;
	text?: string;
	/** Streamed body; `length` becomes Content-Length. */
	stream?: { body: Readable; length: number };
}

export interface RequestContext {
	req: IncomingMessage;
	method: string;
	/** Raw path, undecoded, without the query string. */
	path: string;
	query: URLSearchParams;
	/** Captures of the matched route, undecoded. */
	params: string[];
	/** Buffered body, for routes that read it whole. */
	body?: Buffer;
	/** Global knobs merged with the request's override header. */
	knobs: Knobs;
	record: RequestRecord;
}

/** The whole body, or undefined once it exceeds `limitBytes` (the rest is drained unread). */
export async function readBody(
	req: IncomingMessage,
	limitBytes: number,
): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size <= limitBytes) chunks.push(buffer);
	}
	return size <= limitBytes ? Buffer.concat(chunks) : undefined;
}

export function parseJson(body: Buffer | undefined): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse((body ?? Buffer.alloc(0)).toString('utf8')) };
	} catch {
		return { ok: false };
	}
}

/** The first 60 % of a reply's JSON text: a body no JSON parser accepts. */
export function truncatedJson(value: unknown): string {
	const text = JSON.stringify(value ?? { data: [] });
	return text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, json: body, headers };
}

export function bearerToken(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
	return match ? match[1] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
