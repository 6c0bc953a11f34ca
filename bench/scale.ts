/**
 * Time in the bench runs faster than in the world: every real-world duration (generation times, the reference's
 * 10 s polling, the node's polling schedule, timeouts) is multiplied by SCALE, so that the bench takes minutes.
 * Figures in time are reported in real-world seconds again (divided by SCALE).
 */
export const SCALE = 1 / 40;

/** A real-world duration in seconds, as bench milliseconds. */
export const benchMs = (seconds: number): number => Math.round(seconds * SCALE * 1000);

/** Bench milliseconds as the real-world seconds they stand for. */
export const worldSeconds = (ms: number): number => ms / 1000 / SCALE;

/** What typical community nodes do: check every 10 s. */
export const REFERENCE_POLL_SECONDS = 10;

/** The node's default waiting options (UI defaults: first check after 5 s, at most 20 s apart, 30 min), scaled. */
export const NODE_WAITING = {
	firstPollSeconds: 5 * SCALE,
	maxPollSeconds: 20 * SCALE,
	timeoutMinutes: 30 * SCALE,
};

/** The node's backoff between checks (see `readWaitSettings`): first 5 s, then ×1.5 up to 20 s. */
export function nodePollTimes(untilSeconds: number, firstSeconds = 5, maxSeconds = 20): number[] {
	const times: number[] = [];
	for (let at = 0, step = 0; at < untilSeconds; step++) {
		at += Math.min(maxSeconds, firstSeconds * Math.pow(1.5, step));
		times.push(at);
	}
	return times;
}
