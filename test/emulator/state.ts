import { OutboundCalls } from './callbacks';
import type { Knobs, Outcome } from './knobs';
import { FaultQueue } from './knobs';
import { EventLog } from './log';
import type { Provider } from './log';
import { FileStore } from './media/files';
import { SeededRandom } from './random';
import { TimerSet } from './timers';

/** What both provider emulations share: knobs, randomness, files, timers, events, outbound calls. */
export class SharedState {
	baseUrl = '';

	knobs: Knobs;

	readonly faults = new FaultQueue();

	rng: SeededRandom;

	readonly files = new FileStore(() => this.baseUrl);

	readonly events = new EventLog();

	readonly timers = new TimerSet();

	readonly outbound = new OutboundCalls(this.events);

	private readonly scripted: Record<Provider, Outcome[]> = { runware: [], useapi: [] };

	constructor(knobs: Knobs) {
		this.knobs = knobs;
		this.rng = new SeededRandom(knobs.seed);
	}

	/** Outcomes the next created tasks take, in order, before the failure rates are consulted. */
	queueOutcomes(provider: Provider, outcomes: Outcome[]): void {
		this.scripted[provider].push(...outcomes);
	}

	/** A scripted outcome, else one draw against the moderation and failure rates. */
	decideOutcome(
		provider: Provider,
		rates: { failureRate: number; moderationRate: number },
	): Outcome {
		const scripted = this.scripted[provider].shift();
		if (scripted) return scripted;
		const draw = this.rng.next();
		if (draw < rates.moderationRate) return 'moderated';
		if (draw < rates.moderationRate + rates.failureRate) return 'failure';
		return 'success';
	}

	/** Stops all timers and outbound calls and clears files, events and scripted outcomes. */
	async reset(knobs: Knobs): Promise<void> {
		this.timers.clear();
		await this.outbound.abortAll();
		this.files.clear();
		this.events.clear();
		this.faults.replace([]);
		this.scripted.runware = [];
		this.scripted.useapi = [];
		this.knobs = knobs;
		this.rng = new SeededRandom(knobs.seed);
	}
}
