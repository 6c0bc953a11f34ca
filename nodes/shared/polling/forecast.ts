import type { BackoffPolicy } from './backoff';
import { backoffDelay } from './backoff';

interface Sample {
	progress: number;
	at: number;
}

/** When the first of some tasks is predicted to end, and how much the prediction can be trusted. */
export interface PredictedEnd {
	/** Milliseconds from now. */
	ms: number;
	/** Progress (0–100) of the last sample the prediction rests on. */
	progress: number;
	/**
	 * Whether the rate rests on two samples of a moving task, or on one from a known start. A task seen at 0 and
	 * then moving started somewhere in between: its rate may be far higher than the samples suggest.
	 */
	trusted: boolean;
}

interface Samples {
	/** Progress 0 at a known start (`trusted`) or at the last check that saw the task not moving yet. */
	anchor: Sample & { known: boolean };
	firstMoving?: Sample;
	last?: Sample;
}

/**
 * Predicts when running tasks will end from how fast their reported progress (0–100) moves, so the next check
 * can be timed to the predicted end instead of the next backoff step: results arrive sooner with fewer
 * requests. Without usable progress (none reported, stalled, or not yet moving) there is no prediction.
 */
export class ProgressForecast {
	private readonly samples = new Map<string, Samples>();

	/** `startedAt`: when the tasks are known to have started, progress 0, unless `started` says otherwise. */
	constructor(private readonly startedAt: number) {}

	/** The task `id` started (progress 0) at `at`. */
	started(id: string, at: number): void {
		this.samples.set(id, { anchor: { progress: 0, at, known: true } });
	}

	record(id: string, progress: number | undefined, at: number): void {
		if (progress === undefined || !Number.isFinite(progress)) return;
		const sample = { progress: Math.min(100, Math.max(0, progress)), at };
		const known = this.samples.get(id) ?? {
			anchor: { progress: 0, at: this.startedAt, known: true },
		};
		if (sample.progress === 0) {
			this.samples.set(id, { anchor: { ...sample, known: false } });
			return;
		}
		this.samples.set(id, { ...known, firstMoving: known.firstMoving ?? sample, last: sample });
	}

	private predict(id: string, at: number): PredictedEnd | undefined {
		const known = this.samples.get(id);
		if (!known?.last || !known.firstMoving) return undefined;
		const { last } = known;
		const twoMoving = known.firstMoving.at < last.at;
		const from = twoMoving ? known.firstMoving : known.anchor;
		const rate = (last.progress - from.progress) / (last.at - from.at);
		if (!(rate > 0)) return undefined;
		return {
			ms: Math.max(0, (100 - last.progress) / rate - (at - last.at)),
			progress: last.progress,
			trusted: twoMoving || known.anchor.known,
		};
	}

	/** The first predicted end among `ids`, if any prediction is possible. */
	firstEnd(ids: readonly string[], at: number): PredictedEnd | undefined {
		let first: PredictedEnd | undefined;
		for (const id of ids) {
			const end = this.predict(id, at);
			if (end !== undefined && (first === undefined || end.ms < first.ms)) first = end;
		}
		return first;
	}

	/** Milliseconds from `at` until the first of `ids` is predicted to end, if any prediction is possible. */
	msUntilFirstEnd(ids: readonly string[], at: number): number | undefined {
		return this.firstEnd(ids, at)?.ms;
	}
}

// Below this progress a prediction is coarse (progress comes in whole percent, read early in the task): one check
// shortly before the predicted end sharpens it, the next one lands just after the end.
const SHARP_FROM_PROGRESS = 50;
const SHARPENING_SHARE = 0.8;
// A sharp prediction is aimed this share after the end: a check that comes too early costs a request and a wait.
const AIM_AFTER_SHARE = 0.03;
// A forecast never brings a check closer than this (or a fifth of the first backoff delay, if shorter).
const MIN_FORECAST_DELAY_MS = 1000;

/**
 * How long to wait before the next check of `ids`: the backoff step while no progress is known; once it is, the
 * end the progress predicts (a fixed handful of checks however long the task runs, and the end noticed at once).
 */
export function nextCheckDelay(
	backoff: BackoffPolicy,
	round: number,
	forecast: ProgressForecast,
	ids: readonly string[],
	at: number,
): number {
	const scheduled = backoffDelay(backoff, round);
	const end = forecast.firstEnd(ids, at);
	if (end === undefined) return scheduled;
	const floor = Math.min(MIN_FORECAST_DELAY_MS, backoff.initialMs / 5);
	const aimed =
		end.progress < SHARP_FROM_PROGRESS ? end.ms * SHARPENING_SHARE : end.ms * (1 + AIM_AFTER_SHARE);
	const delay = Math.max(floor, Math.round(aimed));
	// An untrusted prediction only brings the scheduled check forward.
	return end.trusted ? delay : Math.min(scheduled, delay);
}
