/* eslint-disable @n8n/community-nodes/no-restricted-globals */

/** Progress lines of the local-n8n scripts, on stderr so stdout stays free for whoever runs them. */
export function say(message: string): void {
	process.stderr.write(`[n8n-local] ${message}\n`);
}

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

/** Runs a step and reports how long it took. */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	say(`${title}…`);
	const result = await work();
	say(`${title}: done in ${seconds(started)}`);
	return result;
}
