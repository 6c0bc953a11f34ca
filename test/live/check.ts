import { shapeDifferences, shapeOf } from './shape';
import { PROBES, type Answer, type Probe, type Target } from './probes';

export interface ProbeResult {
	probe: Probe;
	/** Why it did not run (no key, no paid task…); absent when it ran. */
	skipped?: string;
	/** Per answer: the status and shape differences between the API and the emulator. */
	differences: string[];
}

function compare(real: Answer[], emulated: Answer[]): string[] {
	return real.flatMap((answer, index) => {
		const twin = emulated[index];
		if (!twin) return [`${answer.label}: the emulator gave no such answer`];
		const status =
			answer.status === twin.status
				? []
				: [
						`${answer.label}: status ${answer.status} from the API, ${twin.status} from the emulator`,
					];
		const shape = shapeDifferences(shapeOf(answer.body), shapeOf(twin.body)).map(
			(difference) => `${answer.label}: ${difference}`,
		);
		return [...status, ...shape];
	});
}

/** Sends every probe whose provider `live` has a key to both targets and compares the answers' shapes. */
export async function runContractCheck(live: Target, emulated: Target): Promise<ProbeResult[]> {
	const results: ProbeResult[] = [];
	for (const probe of PROBES) {
		if (!live[probe.provider]) {
			results.push({ probe, skipped: `no ${probe.provider} key`, differences: [] });
			continue;
		}
		const real = await probe.run(live);
		if (typeof real === 'string') {
			results.push({ probe, skipped: real, differences: [] });
			continue;
		}
		const twin = await probe.run(emulated);
		results.push({
			probe,
			differences:
				typeof twin === 'string' ? [`the emulator could not run it: ${twin}`] : compare(real, twin),
		});
	}
	return results;
}
