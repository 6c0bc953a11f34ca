import { RUNWARE_ASSUMPTIONS } from './assumptions';

/**
 * Behaviour switches of the emulator. Steady knobs shape every task and response; faults are
 * one-shot injections consumed by the requests they match.
 */

export type CallbackMode = 'send' | 'never' | 'forged';

/** Whether a task succeeds, fails, or is refused by moderation. */
export type Outcome = 'success' | 'failure' | 'moderated';

interface ProviderKnobs {
	/** Milliseconds from create to the terminal state. */
	generationMs: number;
	/** Share of tasks that fail (0–1), drawn from the seeded random source. */
	failureRate: number;
	/** Share of tasks refused by moderation (0–1). */
	moderationRate: number;
	/** Size of result files in bytes; absent = the bare sample. `?bytes=N` on a download wins. */
	resultBytes?: number;
	/**
	 * `forged`: an early, fake terminal callback is sent before the real ones, by a third party who learnt the
	 * callback URL's path but not its query (n8n's resume token travels in the query, and only the provider has it).
	 */
	callbacks: CallbackMode;
	/**
	 * Echo the request's headers (Authorization included, also URL-encoded and base64) into every error text the
	 * API gives: error answers, task failures, callbacks. Callbacks echo the credential the task was started with.
	 */
	echoHeaders: boolean;
}

export interface RunwareKnobs extends ProviderKnobs {
	/** How a failed task shows in getResponse ("The two failure shapes"): top-level `errors[]` or an embedded error item. */
	failureShape: 'errors' | 'embedded';
	/** HTTP status of a response whose every task failed validation (Runware uses 400; 200 happens). */
	validationStatus: 200 | 400;
	/** Extra delay per result index, so that results of one task finish one after the other. */
	itemStaggerMs: number;
	/** AIRs known neither to the catalogue nor to a schema: refuse with `unknownModel`, or accept. */
	unknownModels: 'reject' | 'accept';
	/** Webhook body: `{data:[item]}` (envelope) or the bare item. */
	webhookShape: 'envelope' | 'bare';
}

export interface UseApiKnobs extends ProviderKnobs {
	/** Milliseconds a task spends THROTTLED before it is queued. */
	throttledMs: number;
	/** Seconds sent in a `Retry-After` header on 429; absent = no header. */
	retryAfterSeconds?: number;
	/** RUNNING progress callbacks sent to `replyUrl` before the terminal one. */
	progressCallbacks: number;
}

/**
 * One injected misbehaviour. `route` is a route-name prefix (`runware`, `runware.getResponse`,
 * `useapi.create`, `files`…); without it every route matches. It hits the next `times` matching
 * requests (default 1, or the length of a `status` list).
 */
export interface Fault {
	route?: string;
	times?: number;
	/** Answer with this status (a list is consumed in order, one per request). */
	status?: number | number[];
	/** Body to send with `status`; default: the provider's own error shape for that status. */
	body?: unknown;
	/** Runware error code for a provider-shaped body (e.g. an error inside HTTP 200). */
	code?: string;
	/** Destroy the socket: `before` handling, or `after` (the side effects happened). */
	drop?: 'before' | 'after';
	/**
	 * Handle the request (its side effects happen: a create starts its task), then never answer: the connection
	 * stays open until the client gives up or the emulator closes.
	 */
	hang?: boolean;
	/** Handle the request, then answer with truncated JSON. */
	malformed?: boolean;
	/** A file download: send the head and this many bytes of the body, then nothing more (the connection stays open). */
	stallAfterBytes?: number;
	/** Wait before handling. */
	delayMs?: number;
	/** Answer with a 302 redirect to this address instead of handling (any scheme: `ftp://…`, `file:…`). */
	redirectTo?: string;
}

export interface Knobs {
	/** Seed of the random source (failures, seeds, ids). */
	seed: number;
	/** Added before every response. */
	delayMs: number;
	runware: RunwareKnobs;
	useapi: UseApiKnobs;
}

export interface KnobsPatch {
	seed?: number;
	delayMs?: number;
	runware?: Partial<RunwareKnobs>;
	useapi?: Partial<UseApiKnobs>;
	/** Replaces the pending faults (not accepted in the per-request header). */
	faults?: Fault[];
}

export const KNOBS_HEADER = 'x-emulator-knobs';

export function defaultKnobs(): Knobs {
	return {
		seed: 1,
		delayMs: 0,
		runware: {
			generationMs: 300,
			failureRate: 0,
			moderationRate: 0,
			callbacks: 'send',
			echoHeaders: false,
			failureShape: 'errors',
			validationStatus: 400,
			itemStaggerMs: 0,
			unknownModels: 'reject',
			webhookShape: RUNWARE_ASSUMPTIONS.webhookShape,
		},
		useapi: {
			generationMs: 300,
			failureRate: 0,
			moderationRate: 0,
			callbacks: 'send',
			echoHeaders: false,
			throttledMs: 0,
			progressCallbacks: 1,
		},
	};
}

export function mergeKnobs(base: Knobs, patch: KnobsPatch | undefined): Knobs {
	if (!patch) return base;
	return {
		seed: patch.seed ?? base.seed,
		delayMs: patch.delayMs ?? base.delayMs,
		runware: { ...base.runware, ...patch.runware },
		useapi: { ...base.useapi, ...patch.useapi },
	};
}

/** Reads the per-request override header; a malformed header is ignored rather than guessed at. */
export function knobsFromHeader(value: string | string[] | undefined): KnobsPatch | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	try {
		const parsed: unknown = JSON.parse(value);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
		const patch = { ...(parsed as KnobsPatch) };
		delete patch.faults;
		return patch;
	} catch {
		return undefined;
	}
}

/** The action a consumed fault asks for on one request. */
export interface FaultAction {
	status?: number;
	body?: unknown;
	code?: string;
	drop?: 'before' | 'after';
	hang?: boolean;
	malformed?: boolean;
	stallAfterBytes?: number;
	delayMs?: number;
	redirectTo?: string;
}

interface PendingFault {
	fault: Fault;
	remaining: number;
	used: number;
}

function routeMatches(pattern: string | undefined, route: string): boolean {
	return pattern === undefined || route === pattern || route.startsWith(`${pattern}.`);
}

/** Pending faults, consumed in insertion order by the requests they match. */
export class FaultQueue {
	private pending: PendingFault[] = [];

	replace(faults: Fault[]): void {
		this.pending = [];
		this.append(faults);
	}

	append(faults: Fault[]): void {
		for (const fault of faults) {
			this.pending.push({
				fault: { ...fault },
				remaining: fault.times ?? (Array.isArray(fault.status) ? fault.status.length : 1),
				used: 0,
			});
		}
	}

	get size(): number {
		return this.pending.length;
	}

	take(route: string): FaultAction | undefined {
		const entry = this.pending.find((candidate) => routeMatches(candidate.fault.route, route));
		if (!entry) return undefined;
		const { fault } = entry;
		const status = Array.isArray(fault.status)
			? fault.status[entry.used % fault.status.length]
			: fault.status;
		entry.used += 1;
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.pending = this.pending.filter((other) => other !== entry);
		return {
			status: status ?? (fault.code !== undefined ? 200 : undefined),
			body: fault.body,
			code: fault.code,
			drop: fault.drop,
			hang: fault.hang,
			malformed: fault.malformed,
			stallAfterBytes: fault.stallAfterBytes,
			delayMs: fault.delayMs,
			redirectTo: fault.redirectTo,
		};
	}
}
