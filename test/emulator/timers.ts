/* eslint-disable @n8n/community-nodes/no-restricted-globals */

// setTimeout fires at once beyond 2^31-1 ms; longer waits are capped (≈ 24.8 days).
const MAX_DELAY_MS = 2_147_483_647;

/** Timers of task lifecycles, all cancelled on reset/close. Unref'd: they never keep a process alive. */
export class TimerSet {
	private timers = new Set<NodeJS.Timeout>();

	schedule(delayMs: number, run: () => void): NodeJS.Timeout {
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				run();
			},
			Math.min(Math.max(0, delayMs), MAX_DELAY_MS),
		);
		timer.unref();
		this.timers.add(timer);
		return timer;
	}

	cancel(timer: NodeJS.Timeout | undefined): void {
		if (!timer) return;
		clearTimeout(timer);
		this.timers.delete(timer);
	}

	clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
