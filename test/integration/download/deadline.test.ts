import type { Fault } from '../../emulator/knobs';
import type { RunWorkflowInput } from '../../harness';
import { startEnvironment, type Environment } from '../../support/environment';
import * as runware from '../runware-video/setup';
import * as runway from '../runway-video/setup';

/** The node's time limit: Waiting Options → Timeout, 0.1 min. */
const TIMEOUT_MS = 6000;
/** What a run may take beyond it: its last poll and the error's way out. */
const SLACK_MS = 2500;
const WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: TIMEOUT_MS / 60_000 };
const CONTINUE = { onError: 'continueRegularOutput' } as const;

/** A finished video downloaded by each video node (the result URL is served under the emulator's `files` route). */
const NODES: ReadonlyArray<{ node: string; run: () => RunWorkflowInput }> = [
	{
		node: runware.NODE_NAME,
		run: () =>
			runware.videoRun(
				{
					model: runware.model('klingai:5@3'),
					positivePrompt: 'A koi pond in the rain, slow motion',
					videoOptions: { duration: 5 },
					waitMode: 'wait',
					waitingOptions: WAITING,
					downloadVideo: true,
				},
				[{ json: {} }],
				CONTINUE,
			),
	},
	{
		node: runway.NODE_NAME,
		run: () =>
			runway.videoRun(
				{
					model: 'gen4.5',
					text_prompt: 'A lighthouse in a storm at night',
					waitMode: 'wait',
					waitingOptions: WAITING,
					downloadVideo: true,
				},
				[{ json: {} }],
				CONTINUE,
			),
	},
];

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
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment({}, { binaryMode: 'filesystem' });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	describe.each(NODES.map((entry): [string, (typeof NODES)[number]] => [entry.node, entry]))(
		'%s',
		(_name, { node, run }) => {
			it.each(SLOW_FILES)(
				'fails the item, without a half file, when the video is a file %s',
				async (_case, fault, message) => {
					env.emulator.injectFaults({ ...fault, route: 'files' });
					// Big enough that the stalled body is far from complete.
					env.emulator.setKnobs({
						runware: { resultBytes: 1 << 20 },
						useapi: { resultBytes: 1 << 20 },
					});
					const started = Date.now();
					const result = await env.harness.runWorkflow(run());
					const took = Date.now() - started;

					expect(took).toBeLessThan(TIMEOUT_MS + SLACK_MS);
					expect(result.error).toBeUndefined();
					const output = result.output(node);
					expect(output).toHaveLength(1);
					expect(output[0].json.error).toBe(message);
					expect(output[0].binary).toBeUndefined();
					expect(env.emulator.requestsTo('files').length).toBeGreaterThanOrEqual(1);
				},
				TIMEOUT_MS + 10_000,
			);
		},
	);
});
