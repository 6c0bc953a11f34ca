import type { Fault } from '../../emulator/knobs';
import { downloadEnvironment, downloadingNodes } from './nodes';

/** The node's time limit: Waiting Options → Timeout, 0.1 min. */
const TIMEOUT_MS = 6000;
/** What a run may take beyond it: its last poll and the error's way out. */
const SLACK_MS = 2500;
const WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: TIMEOUT_MS / 60_000 };
const CONTINUE = { onError: 'continueRegularOutput' } as const;

/** A result file that is not served by the time limit: no answer at all, or a body that stops half-way. */
const SLOW_FILES: ReadonlyArray<[string, Fault, string]> = [
	[
		'whose answer does not come',
		{ route: 'files', delayMs: 30_000, times: 10 },
		'The video could not be downloaded: the request timed out',
	],
	[
		'whose body stops half-way',
		{ route: 'files', stallAfterBytes: 4096, times: 10 },
		'The video could not be downloaded: the time limit was reached',
	],
];

describe('result downloads end by the node’s time limit', () => {
	const environment = downloadEnvironment();

	describe.each(downloadingNodes({ waitingOptions: WAITING }, CONTINUE))(
		'%s',
		(_name, { node, run }) => {
			it.each(SLOW_FILES)(
				'fails the item, without a half file, when the video is a file %s',
				async (_case, fault, message) => {
					environment().emulator.injectFaults({ ...fault, route: 'files' });
					// Big enough that the stalled body is far from complete.
					environment().emulator.setKnobs({
						runware: { resultBytes: 1 << 20 },
						useapi: { resultBytes: 1 << 20 },
					});
					const started = Date.now();
					const result = await environment().harness.runWorkflow(run());
					const took = Date.now() - started;

					expect(took).toBeLessThan(TIMEOUT_MS + SLACK_MS);
					expect(result.error).toBeUndefined();
					const output = result.output(node);
					expect(output).toHaveLength(1);
					expect(output[0].json.error).toBe(message);
					expect(output[0].binary).toBeUndefined();
					expect(environment().emulator.requestsTo('files').length).toBeGreaterThanOrEqual(1);
				},
				TIMEOUT_MS + 10_000,
			);
		},
	);
});
