import { sleep } from 'n8n-workflow';

// n8n's `sleep` cannot be cancelled, so long waits are cut into slices: a cancelled execution stops waiting at
// once (the abort event wins the race) and no timer outlives its slice by more than a second.
const SLICE_MS = 1000;

function abortEvent(signal: AbortSignal): { promise: Promise<void>; dispose: () => void } {
	let onAbort: () => void = () => undefined;
	const promise = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** Waits `ms` milliseconds. Resolves `false` as soon as `signal` aborts, `true` when the full wait passed. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<boolean> {
	let remaining = Math.max(0, ms);
	while (remaining > 0) {
		if (signal?.aborted) return false;
		const slice = Math.min(remaining, SLICE_MS);
		if (signal) {
			const aborted = abortEvent(signal);
			await Promise.race([sleep(slice), aborted.promise]);
			aborted.dispose();
		} else {
			await sleep(slice);
		}
		remaining -= slice;
	}
	return !signal?.aborted;
}
