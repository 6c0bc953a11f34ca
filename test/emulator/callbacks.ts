/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { setMaxListeners } from 'node:events';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

import type { EventLog, Provider } from './log';

export interface CallbackMeta {
	provider: Provider;
	taskId: string;
	forged: boolean;
	/** Extra attempts after a non-2xx answer or a transport error. */
	retries: number;
}

const RETRY_DELAY_MS = 100;

/** One signal aborts every outbound call in flight: hundreds of callbacks at once are normal, not a leak. */
function sharedController(): AbortController {
	const controller = new AbortController();
	setMaxListeners(0, controller.signal);
	return controller;
}
const TIMEOUT_MS = 10_000;

/** Outbound calls (webhooks, replyUrl callbacks, uploadEndpoint PUTs); all aborted on close. */
export class OutboundCalls {
	private controller = sharedController();

	private inFlight = new Set<Promise<unknown>>();

	constructor(private readonly events: EventLog) {}

	/** POSTs JSON and records a `callback` event with the receiver's status. */
	postJson(url: string, body: unknown, meta: CallbackMeta): Promise<void> {
		const target = meta.forged ? url.split('?')[0] : url;
		return this.track(this.postWithRetries(target, body, meta));
	}

	/** PUTs a file body (Runware's `uploadEndpoint`); resolves with the status or error text. */
	putFile(
		url: string,
		body: Readable,
		length: number,
		contentType: string,
	): Promise<number | string> {
		return this.track(
			this.send(url, 'PUT', body, {
				'content-type': contentType,
				'content-length': String(length),
			}),
		);
	}

	/** Aborts everything in flight and waits for it to settle. */
	async abortAll(): Promise<void> {
		this.controller.abort();
		await Promise.allSettled([...this.inFlight]);
		this.controller = sharedController();
	}

	private track<T>(promise: Promise<T>): Promise<T> {
		this.inFlight.add(promise);
		void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
		return promise;
	}

	private async postWithRetries(url: string, body: unknown, meta: CallbackMeta): Promise<void> {
		const text = JSON.stringify(body);
		let result: number | string = 'not sent';
		const attempts: Array<number | string> = [];
		for (let attempt = 0; attempt <= meta.retries; attempt++) {
			if (attempt > 0)
				await sleep(RETRY_DELAY_MS, undefined, { signal: this.controller.signal }).catch(
					() => undefined,
				);
			if (this.controller.signal.aborted) break;
			result = await this.send(url, 'POST', text, { 'content-type': 'application/json' });
			attempts.push(result);
			if (typeof result === 'number' && result >= 200 && result < 300) break;
		}
		this.events.push({
			type: 'callback',
			provider: meta.provider,
			taskId: meta.taskId,
			url,
			forged: meta.forged,
			result,
			attempts,
			body,
			at: Date.now(),
		});
	}

	private async send(
		url: string,
		method: 'POST' | 'PUT',
		body: string | Readable,
		headers: Record<string, string>,
	): Promise<number | string> {
		try {
			const response = await request(url, {
				method,
				headers,
				body,
				signal: this.controller.signal,
				headersTimeout: TIMEOUT_MS,
				bodyTimeout: TIMEOUT_MS,
			});
			await response.body.dump();
			return response.statusCode;
		} catch (error) {
			return error instanceof Error ? error.message : String(error);
		}
	}
}
