/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { AddressInfo } from 'node:net';

import type { Fault, Knobs, KnobsPatch, Outcome } from './knobs';
import { defaultKnobs, mergeKnobs } from './knobs';
import type { EmulatorEvent, Provider, RequestRecord } from './log';
import { RunwareEmulator } from './runware';
import { EmulatorServer } from './server';
import { SharedState } from './state';
import type { RunwayAccount, RunwayAccountOptions } from './useapi/accounts';
import { DEFAULT_ACCOUNTS } from './useapi/accounts';
import { UseApiEmulator } from './useapi';

export type { EmulatorEvent, Provider, RequestRecord } from './log';
export type { CallbackMode, Fault, Knobs, KnobsPatch, Outcome } from './knobs';
export { KNOBS_HEADER } from './knobs';
export type { RunwayAccount, RunwayAccountOptions } from './useapi/accounts';
export { ACCOUNT_SECRET_MARKER } from './useapi/accounts';
export { ASSET_CONTENT_TYPES } from './useapi/assets';
export { SAMPLE_METADATA, sampleMp4 } from './media/mp4';

export const DEFAULT_RUNWARE_API_KEY = 'emulator-runware-key';
export const DEFAULT_USEAPI_TOKEN = 'user:1-emulator-token';

export interface EmulatorOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** The one valid Runware key; anything else gets 401 invalidApiKey. */
	runwareApiKey?: string;
	/** The one valid useapi.net token. */
	useApiToken?: string;
	/** Runway accounts linked to useapi.net (default: first@runway.test ×2, second@runway.test ×1). */
	accounts?: RunwayAccountOptions[];
	knobs?: KnobsPatch;
	/** Directory of `resolve/<AIR>` schema fixtures (default test/emulator/schemas). */
	schemaDirectory?: string;
}

export interface Emulator {
	/** Base URL, e.g. `http://127.0.0.1:40123`. */
	readonly url: string;
	/** `url + '/runware/v1'`: the Runware credential's Base URL. */
	readonly runwareUrl: string;
	/** `url + '/useapi'`: the useapi.net credential's Base URL. */
	readonly useApiUrl: string;
	/** `url + '/runware-schemas'`: the Runware credential's Model Schema URL. */
	readonly schemaUrl: string;
	readonly runwareApiKey: string;
	readonly useApiToken: string;
	/** Every request received, in arrival order (headers whole, bodies summarised). */
	readonly requests: readonly RequestRecord[];
	/** Task creations and completions, callbacks and uploadEndpoint PUTs, with epoch-ms times. */
	readonly events: readonly EmulatorEvent[];
	/** Current global knobs. */
	readonly knobs: Readonly<Knobs>;
	readonly accounts: readonly RunwayAccount[];
	/** Merges knobs; `faults` replaces the pending faults. */
	setKnobs(patch: KnobsPatch): void;
	/** Appends one-shot faults to the pending ones. */
	injectFaults(...faults: Fault[]): void;
	/** Outcomes the next created tasks of a provider take, in order. */
	queueOutcomes(provider: Provider, ...outcomes: Outcome[]): void;
	/**
	 * Sets the outcome of a running task (Runware taskUUID or useapi taskId); with `immediately`
	 * the task ends now, with `afterMs` it ends that long after its creation (its progress follows).
	 * Throws for an unknown or finished task.
	 */
	forceOutcome(
		taskId: string,
		outcome: Outcome,
		options?: { immediately?: boolean; afterMs?: number },
	): void;
	/** Serves a schema at `{schemaUrl}/resolve/<AIR>` (AIR default: its model const) until reset. */
	registerSchema(schema: unknown, air?: string): void;
	/** Changes a Runway account at run time (maxJobs, error state). */
	updateAccount(email: string, change: Partial<Omit<RunwayAccount, 'email'>>): void;
	/** Resolves with the first past or future event matching `predicate`. */
	waitForEvent(
		predicate: (event: EmulatorEvent) => boolean,
		timeoutMs?: number,
	): Promise<EmulatorEvent>;
	/** Requests whose route name starts with `route` (`runware.getResponse`, `useapi`, `files`…). */
	requestsTo(route: string): RequestRecord[];
	/** Forgets tasks, uploads, requests, events, faults and registered schemas; knobs back to the start. */
	reset(): Promise<void>;
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const initialKnobs = () => mergeKnobs(defaultKnobs(), options.knobs);
	const shared = new SharedState(initialKnobs());
	const runwareApiKey = options.runwareApiKey ?? DEFAULT_RUNWARE_API_KEY;
	const useApiToken = options.useApiToken ?? DEFAULT_USEAPI_TOKEN;
	const runware = new RunwareEmulator(shared, runwareApiKey, options.schemaDirectory);
	const useapi = new UseApiEmulator(shared, {
		token: useApiToken,
		accounts: options.accounts ?? DEFAULT_ACCOUNTS,
	});
	const fileRoute = {
		name: 'files',
		method: 'GET',
		pattern: /^\/files\/([^/]+)$/,
		body: 'none' as const,
		handle: shared.files.serve.bind(shared.files),
	};
	const front = new EmulatorServer(shared, [...runware.routes(), ...useapi.routes(), fileRoute]);
	shared.faults.replace(options.knobs?.faults ?? []);

	await new Promise<void>((resolve, reject) => {
		front.server.once('error', reject);
		front.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = front.server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const url = `http://${host}:${address.port}`;
	shared.baseUrl = url;

	return {
		url,
		runwareUrl: `${url}/runware/v1`,
		useApiUrl: `${url}/useapi`,
		schemaUrl: `${url}/runware-schemas`,
		runwareApiKey,
		useApiToken,
		requests: front.requests,
		events: shared.events.events,
		get knobs() {
			return shared.knobs;
		},
		get accounts() {
			return useapi.accountList;
		},
		setKnobs(patch) {
			shared.knobs = mergeKnobs(shared.knobs, patch);
			if (patch.faults) shared.faults.replace(patch.faults);
		},
		injectFaults(...faults) {
			shared.faults.append(faults);
		},
		queueOutcomes(provider, ...outcomes) {
			shared.queueOutcomes(provider, outcomes);
		},
		forceOutcome(taskId, outcome, forceOptions = {}) {
			const timing = {
				immediately: forceOptions.immediately ?? false,
				afterMs: forceOptions.afterMs,
			};
			const found =
				runware.forceOutcome(taskId, outcome, timing) ||
				useapi.forceOutcome(taskId, outcome, timing);
			if (!found) throw new Error(`No task ${taskId}`);
		},
		registerSchema(schema, air) {
			runware.schemas.register(schema, air);
		},
		updateAccount(email, change) {
			useapi.updateAccount(email, change);
		},
		waitForEvent(predicate, timeoutMs) {
			return shared.events.waitFor(predicate, timeoutMs);
		},
		requestsTo(route) {
			return front.requests.filter(
				(record) => record.route === route || record.route.startsWith(`${route}.`),
			);
		},
		async reset() {
			await shared.reset(initialKnobs());
			shared.faults.replace(options.knobs?.faults ?? []);
			runware.reset();
			useapi.reset();
			front.requests.length = 0;
		},
		async close() {
			shared.timers.clear();
			await shared.outbound.abortAll();
			await new Promise<void>((resolve) => {
				front.server.close(() => resolve());
				front.server.closeAllConnections();
			});
		},
	};
}
