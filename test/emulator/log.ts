/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import type { IncomingHttpHeaders } from 'node:http';

import type { Outcome } from './knobs';

export type Provider = 'runware' | 'useapi';

export type BodySummary =
	| { kind: 'json'; value: unknown }
	| { kind: 'raw'; bytes: number; contentType?: string; sha256: string }
	| { kind: 'invalid'; bytes: number };

/** One request the emulator received. Headers are kept whole so tests can check what was sent. */
export interface RequestRecord {
	method: string;
	/** Raw path, as sent (no decoding). */
	path: string;
	query: Record<string, string>;
	/** Route name (`runware.videoInference`, `useapi.task`, `files`…), `unknown` if none matched. */
	route: string;
	headers: IncomingHttpHeaders;
	body?: BodySummary;
	/** Epoch ms when the request arrived. */
	time: number;
	/** Final status; absent while pending or when the connection was dropped. */
	status?: number;
	/** The fault applied to this request, if any. */
	fault?: string;
}

export type EmulatorEvent =
	| { type: 'taskCreated'; provider: Provider; taskId: string; at: number }
	| { type: 'taskDone'; provider: Provider; taskId: string; outcome: Outcome; at: number }
	| {
			type: 'callback';
			provider: Provider;
			taskId: string;
			url: string;
			forged: boolean;
			/** Receiver's status, or the transport error message. */
			result: number | string;
			/** Every delivery attempt's status (or transport error), in order; the last one is `result`. */
			attempts: Array<number | string>;
			body: unknown;
			at: number;
	  }
	| {
			type: 'uploadEndpoint';
			taskId: string;
			url: string;
			/** Receiver's status, or the transport error message. */
			result: number | string;
			at: number;
	  };

const LONG_STRING = 256;

/** Copies a JSON value, shortening long strings (base64 media) so the log stays small. */
export function summariseJson(value: unknown): unknown {
	if (typeof value === 'string') {
		return value.length > LONG_STRING ? `${value.slice(0, 64)}…(${value.length} chars)` : value;
	}
	if (Array.isArray(value)) return value.map(summariseJson);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, summariseJson(entry)]),
		);
	}
	return value;
}

interface Waiter {
	predicate: (event: EmulatorEvent) => boolean;
	resolve: (event: EmulatorEvent) => void;
}

export class EventLog {
	readonly events: EmulatorEvent[] = [];

	private waiters: Waiter[] = [];

	push(event: EmulatorEvent): void {
		this.events.push(event);
		const ready = this.waiters.filter((waiter) => waiter.predicate(event));
		this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
		for (const waiter of ready) waiter.resolve(event);
	}

	clear(): void {
		this.events.length = 0;
	}

	/** Resolves with the first past or future event matching `predicate`. */
	waitFor(
		predicate: (event: EmulatorEvent) => boolean,
		timeoutMs = 10_000,
	): Promise<EmulatorEvent> {
		const past = this.events.find(predicate);
		if (past) return Promise.resolve(past);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiters = this.waiters.filter((waiter) => waiter !== entry);
				reject(new Error(`No matching emulator event within ${timeoutMs} ms`));
			}, timeoutMs);
			timer.unref();
			const entry: Waiter = {
				predicate,
				resolve: (event) => {
					clearTimeout(timer);
					resolve(event);
				},
			};
			this.waiters.push(entry);
		});
	}
}
