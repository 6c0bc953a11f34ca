import { ECHOED, echoingKnobs } from './support/echo';
import { SECRETS } from './support/env';
import {
	callbackNeverComesCase,
	cancelMidWaitCase,
	forgedCallbackCase,
	stopOnErrorCase,
} from './support/special-cases';
import { casesFor, runFaultCase, type FaultCase } from './support/runner';
import { runwareVideo as runware } from './support/subjects';
import { ALL_MODES, type WaitMode } from './support/video';

const WAITING: readonly WaitMode[] = ['wait', 'webhook'];
const SUBMIT = 'runware.videoInference';
const POLL = 'runware.getResponse';
const NOT_RESENT = (cause: string) =>
	new RegExp(
		`^The Runware task [0-9a-f-]{36} was not resent: .*${cause}.*Runware does not know the task`,
	);

const cases: Array<FaultCase<WaitMode>> = [
	{
		name: '429 burst on the submission',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, status: [429, 429] }),
		expected: 'success',
		verify: ({ env }) => expect(env.emulator.requestsTo(SUBMIT)).toHaveLength(3),
	},
	{
		name: '429 burst on the polls',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: POLL, status: [429, 429] }),
		expected: 'success',
	},
	{
		name: '500, 502, 503 burst on the polls',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: POLL, status: [500, 502, 503] }),
		expected: 'success',
	},
	{
		name: '503 answering the submission',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, status: 503 }),
		expected: NOT_RESENT('serviceUnavailable'),
	},
	{
		name: '502 (gateway page) answering the submission',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, status: 502 }),
		expected: NOT_RESENT('HTTP 502'),
	},
	{
		name: 'connection dropped before the submission was handled',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, drop: 'before' }),
		expected: NOT_RESENT('connection to the server was closed unexpectedly'),
	},
	{
		name: 'connection dropped after the submission was handled',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, drop: 'after' }),
		expected: 'success',
		verify: ({ env }) => expect(env.emulator.requestsTo(SUBMIT)).toHaveLength(1),
	},
	{
		name: 'connections dropped on the polls',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: POLL, drop: 'before', times: 2 }),
		expected: 'success',
	},
	{
		name: 'connection dropped during a video download',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: 'files', drop: 'before' }),
		expected: 'success',
		verify: ({ output }) =>
			expect(output.map((item) => item.binary?.data?.mimeType)).toEqual(['video/mp4', 'video/mp4']),
	},
	{
		name: 'malformed JSON answering the submission',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, malformed: true }),
		expected: 'success',
	},
	{
		name: 'malformed JSON answering a poll',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: POLL, malformed: true }),
		expected: 'success',
	},
	{
		name: 'Runware error inside HTTP 200 answering the submission',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, code: 'insufficientCredits' }),
		expected: /^Runware error insufficientCredits: Insufficient credits/,
	},
	{
		// Resume on Webhook reads no task when every callback says which task ended (see webhook.test.ts).
		name: 'Runware error inside HTTP 200 answering a poll',
		modes: ['wait'],
		arrange: (emulator) => emulator.injectFaults({ route: POLL, code: 'noAvailableServer' }),
		expected: /^Runware error noAvailableServer: No server is available/,
	},
	{
		// Resume on Webhook refuses several videos per item (see the next case).
		name: '503 burst on the polls of tasks that make two videos each',
		modes: ['wait'],
		knobs: { runware: { itemStaggerMs: 150 } },
		parameters: { options: { numberResults: 2 } },
		arrange: (emulator) => emulator.injectFaults({ route: POLL, status: [503, 503] }),
		expected: 'success',
		resultsPerItem: 2,
	},
	{
		// n8n pairs a resumed node's outputs with its input items by position (WorkflowExecute
		// addPairedItemLineage), so two videos per item would be paired to the wrong items.
		name: 'two videos per item asked for in Resume on Webhook',
		modes: ['webhook'],
		parameters: { options: { numberResults: 2 } },
		expected: /^Resume on Webhook gives one video per item: set Number of Results to 1$/,
		verify: ({ env }) => expect(env.emulator.requests).toEqual([]),
	},
	{
		name: 'failed tasks',
		modes: WAITING,
		arrange: (emulator) => emulator.queueOutcomes('runware', 'failure', 'failure'),
		expected: /^Runware error timeoutProvider: /,
	},
	{
		name: 'a moderated task next to a successful one',
		modes: WAITING,
		arrange: (emulator) => emulator.queueOutcomes('runware', 'moderated', 'success'),
		expected: [/^Runware error providerContentPolicyViolation: /, 'success'],
	},
	{
		name: 'failures reported as embedded error items',
		modes: WAITING,
		knobs: { runware: { failureShape: 'embedded' } },
		arrange: (emulator) => emulator.queueOutcomes('runware', 'success', 'moderated'),
		expected: ['success', /^Runware error providerContentPolicyViolation: /],
	},
	{
		name: 'an error answer that repeats the API key',
		modes: ALL_MODES,
		arrange: (emulator) =>
			emulator.injectFaults({
				route: SUBMIT,
				status: 401,
				body: {
					errors: [{ code: 'invalidApiKey', message: `Invalid API key ${SECRETS.runware}` }],
				},
			}),
		expected: /^Runware error invalidApiKey: Invalid API key \[redacted\]$/,
	},
	// A provider or gateway echoing the request's headers (the API key) into each kind of error Runware gives.
	{
		name: 'the key echoed in an error answering the whole submission',
		modes: ALL_MODES,
		knobs: echoingKnobs(),
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, status: 401 }),
		expected: ECHOED,
	},
	{
		name: 'the key echoed in errors on the submitted tasks (HTTP 200)',
		modes: ALL_MODES,
		knobs: echoingKnobs(),
		arrange: (emulator) => emulator.injectFaults({ route: SUBMIT, code: 'inferenceError' }),
		expected: ECHOED,
	},
	{
		name: 'the key echoed in an error without taskUUID (HTTP 200)',
		modes: ALL_MODES,
		knobs: echoingKnobs(),
		arrange: (emulator) =>
			emulator.injectFaults({
				route: SUBMIT,
				status: 200,
				body: { errors: [{ code: 'inferenceError', message: 'The inference failed.' }] },
			}),
		expected: ECHOED,
	},
	{
		name: 'the key echoed in top-level getResponse errors of failed tasks',
		modes: WAITING,
		knobs: echoingKnobs({ runware: { failureShape: 'errors' } }),
		arrange: (emulator) => emulator.queueOutcomes('runware', 'failure', 'moderated'),
		expected: ECHOED,
	},
	{
		name: 'the key echoed in errors inside getResponse items of failed tasks',
		modes: WAITING,
		knobs: echoingKnobs({ runware: { failureShape: 'embedded' } }),
		arrange: (emulator) => emulator.queueOutcomes('runware', 'failure', 'moderated'),
		expected: ECHOED,
	},
	{
		name: 'the key echoed in an error answering a whole getResponse request',
		modes: ['wait'],
		knobs: echoingKnobs(),
		arrange: (emulator) => emulator.injectFaults({ route: POLL, status: 400 }),
		expected: ECHOED,
	},
	{
		name: 'poll answers slower than the time left',
		modes: ['wait'],
		knobs: { runware: { generationMs: 60_000 } },
		timeoutMinutes: 0.05,
		arrange: (emulator) => emulator.injectFaults({ route: POLL, delayMs: 10_000 }),
		expected: /^Runware task [0-9a-f-]{36} was still running after 3 s/,
	},
];

describe.each(ALL_MODES)('Runware Video faults (%s)', (mode) => {
	it.concurrent.each(casesFor(cases, mode))('%s', async (_name, fault) => {
		await runFaultCase(runware, fault, mode);
	});
});

describe('Runware Video faults: waiting', () => {
	it.concurrent('stops at the cancel signal mid-wait and sends nothing more', async () => {
		await cancelMidWaitCase(runware, 'wait', {
			route: POLL,
			knobs: { runware: { generationMs: 60_000 } },
		});
	});

	it.concurrent('keeps the task ids when the callback never comes', async () => {
		await callbackNeverComesCase(runware, {
			runware: { callbacks: 'never', generationMs: 60_000 },
		});
	});

	it.concurrent(
		'checks forged callbacks with the API and never fetches what they name',
		async () => {
			await forgedCallbackCase(runware, { runware: { callbacks: 'forged' } });
		},
	);
});

describe('Runware Video faults: without continue-on-fail', () => {
	it.concurrent(
		'names the first item and no key when an error answer repeats the key',
		async () => {
			await stopOnErrorCase(
				runware,
				'wait',
				(emulator) =>
					emulator.injectFaults({
						route: SUBMIT,
						status: 401,
						body: {
							errors: [{ code: 'invalidApiKey', message: `Invalid API key ${SECRETS.runware}` }],
						},
					}),
				{ itemIndex: 0, message: /^Runware error invalidApiKey: Invalid API key \[redacted\]$/ },
			);
		},
	);

	it.concurrent('names the first item when one poll answer fails every task', async () => {
		await stopOnErrorCase(
			runware,
			'wait',
			(emulator) => emulator.injectFaults({ route: POLL, code: 'noAvailableServer' }),
			{ itemIndex: 0, message: /^Runware error noAvailableServer: / },
		);
	});
});
