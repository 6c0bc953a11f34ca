interface Sample {
	progress: number;
	at: number;
}

/**
 * Predicts when running tasks will end from how fast their reported progress (0–100) moves, so the next check
 * can be timed to the predicted end instead of the next backoff step: results arrive sooner with no more
 * requests. Without usable progress (none reported, stalled, or not yet moving) there is no prediction.
 */
export class ProgressForecast {
	private readonly samples = new Map<string, { first: Sample; last: Sample }>();

	/** `startedAt`: when the tasks were known to start, taken as progress 0 until a second sample exists. */
	constructor(private readonly startedAt: number) {}

	record(id: string, progress: number | undefined, at: number): void {
		if (progress === undefined || !Number.isFinite(progress)) return;
		const sample = { progress: Math.min(100, Math.max(0, progress)), at };
		const known = this.samples.get(id);
		this.samples.set(id, known ? { first: known.first, last: sample } : { first: sample, last: sample });
	}

	private msUntilEnd(id: string, at: number): number | undefined {
		const known = this.samples.get(id);
		if (!known) return undefined;
		const { last } = known;
		const from = known.first.at < last.at ? known.first : { progress: 0, at: this.startedAt };
		const rate = (last.progress - from.progress) / (last.at - from.at);
		if (!(rate > 0) || last.progress <= 0) return undefined;
		return Math.max(0, (100 - last.progress) / rate - (at - last.at));
	}

	/** Milliseconds from `at` until the first of `ids` is predicted to end, if any prediction is possible. */
	msUntilFirstEnd(ids: readonly string[], at: number): number | undefined {
		let first: number | undefined;
		for (const id of ids) {
			const ms = this.msUntilEnd(id, at);
			if (ms !== undefined && (first === undefined || ms < first)) first = ms;
		}
		return first;
	}
}
