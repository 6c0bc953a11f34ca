import { ECHOED, echoingKnobs } from './support/echo';
import { FIRST_ACCOUNT, SECRETS } from './support/env';
import {
	callbackNeverComesCase,
	cancelMidWaitCase,
	forgedCallbackCase,
	stopOnErrorCase,
} from './support/special-cases';
import { casesFor, runFaultCase, type FaultCase } from './support/runner';
import { runwayVideo as runway } from './support/subjects';
import { ALL_MODES, type WaitMode } from './support/video';

const WAITING: readonly WaitMode[] = ['wait', 'webhook'];
const CREATE = 'useapi.create';
const READ = 'useapi.task';
// A 429 says how long to wait; the emulator's default (none) would make the queue wait 10–30 s.
const BUSY_KNOBS = { useapi: { retryAfterSeconds: 0.1 } };
/** The first item's create fails as the cause says; the second item's goes through. */
const FIRST_FAILS = (cause: RegExp) => [cause, 'success'] as const;
const NOT_RESENT = /\(not resent: the task may have been created anyway\)$/;
/**
 * The first item's create got no clear answer (its outcome is unknown, so it is not resent); the queue then sends
 * nothing more to that account in this run, and the second item fails unsent.
 */
const FIRST_UNCLEAR = (cause: RegExp) =>
	[
		cause,
		/^Not submitted: the create request of item 0 to every linked Runway account got no clear answer/,
	] as const;

const cases: Array<FaultCase<WaitMode>> = [
	{
		name: '429 burst on the creates',
		modes: ALL_MODES,
		knobs: BUSY_KNOBS,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, status: [429, 429] }),
		expected: 'success',
		verify: ({ env }) =>
			expect(env.emulator.requestsTo(CREATE).map((request) => request.status)).toEqual([
				429, 429, 200, 200,
			]),
	},
	{
		name: '429 burst on the task reads',
		modes: WAITING,
		knobs: BUSY_KNOBS,
		arrange: (emulator) => emulator.injectFaults({ route: READ, status: [429, 429] }),
		expected: 'success',
	},
	{
		name: '500, 502, 503 burst on the task reads',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: READ, status: [500, 502, 503] }),
		expected: 'success',
	},
	{
		name: '503 answering a create',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, status: 503 }),
		expected: FIRST_UNCLEAR(/^useapi.net had a server error: Service Unavailable \(not resent/),
	},
	{
		name: 'connection dropped before a create was handled',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, drop: 'before' }),
		expected: FIRST_UNCLEAR(NOT_RESENT),
	},
	{
		name: 'connection dropped after a create was handled',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, drop: 'after' }),
		expected: FIRST_UNCLEAR(NOT_RESENT),
	},
	{
		name: 'connections dropped on the task reads',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: READ, drop: 'before', times: 2 }),
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
		name: 'malformed JSON answering a create',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, malformed: true }),
		expected: FIRST_UNCLEAR(/^useapi.net answered with a body that is not valid JSON \(not resent/),
	},
	{
		name: 'malformed JSON answering a task read',
		modes: WAITING,
		arrange: (emulator) => emulator.injectFaults({ route: READ, malformed: true }),
		expected: 'success',
	},
	{
		name: 'moderation (422) answering a create',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, status: 422 }),
		expected: FIRST_FAILS(/^Runway moderated the request: Your prompt was flagged/),
	},
	{
		name: 'no credits (412) answering a create',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, status: 412 }),
		expected: FIRST_FAILS(/^The Runway account has not enough credits: /),
	},
	{
		name: 'a broken Runway account (596) answering a create',
		modes: ALL_MODES,
		arrange: (emulator) => emulator.injectFaults({ route: CREATE, status: 596 }),
		expected: FIRST_FAILS(/^The linked Runway account needs attention: /),
	},
	{
		name: 'failed tasks',
		modes: WAITING,
		arrange: (emulator) => emulator.queueOutcomes('useapi', 'failure', 'failure'),
		expected: /^Runway task user:1-runwayml:.+-task:.+ failed: An unexpected error occurred/,
	},
	{
		name: 'a moderated task next to a successful one',
		modes: WAITING,
		arrange: (emulator) => emulator.queueOutcomes('useapi', 'moderated', 'success'),
		expected: [/^Runway's moderation refused task user:1-runwayml:.+category VIOLENCE$/, 'success'],
	},
	{
		name: 'an error answer that repeats the API token',
		modes: ALL_MODES,
		arrange: (emulator) =>
			emulator.injectFaults({
				route: CREATE,
				status: 401,
				body: { error: `Unauthorized: token ${SECRETS.useapi} is unknown`, code: 401 },
			}),
		expected: FIRST_FAILS(
			/^useapi.net rejected the API token: Unauthorized: token \[redacted\] is unknown$/,
		),
	},
	// A provider or gateway echoing the request's headers (the API token) into each kind of error useapi.net gives.
	...[400, 412, 422, 500, 502].map(
		(status): FaultCase<WaitMode> => ({
			name: `the token echoed in a ${status} answering a create`,
			modes: ALL_MODES,
			knobs: echoingKnobs(),
			arrange: (emulator) => emulator.injectFaults({ route: CREATE, status }),
			// A 5xx leaves the create's outcome unknown, so the queue sends nothing more in this run.
			expected: status >= 500 ? FIRST_UNCLEAR(ECHOED) : FIRST_FAILS(ECHOED),
		}),
	),
	{
		name: 'the token echoed in the failure texts of tasks (reads and callbacks)',
		modes: WAITING,
		knobs: echoingKnobs({ useapi: { progressCallbacks: 2 } }),
		arrange: (emulator) => emulator.queueOutcomes('useapi', 'failure', 'moderated'),
		expected: ECHOED,
	},
	{
		// Only while polling: in Resume on Webhook the next callback reads the task again, and it then succeeds.
		name: 'the token echoed in an error answering a task read',
		modes: ['wait'],
		knobs: echoingKnobs(),
		arrange: (emulator) => emulator.injectFaults({ route: READ, status: 401 }),
		expected: [ECHOED, 'success'],
	},
	{
		name: 'task reads slower than the time left',
		modes: ['wait'],
		knobs: { useapi: { generationMs: 60_000 } },
		timeoutMinutes: 0.05,
		arrange: (emulator) => emulator.injectFaults({ route: READ, delayMs: 10_000 }),
		expected: /^Runway task user:1-runwayml:.+ was still running after 3 s/,
	},
];

describe.each(ALL_MODES)('Runway Video faults (%s)', (mode) => {
	it.concurrent.each(casesFor(cases, mode))('%s', async (_name, fault) => {
		await runFaultCase(runway, fault, mode);
	});
});

describe('Runway Video faults: waiting', () => {
	it.concurrent('stops at the cancel signal mid-wait and sends nothing more', async () => {
		// One round reads both tasks.
		await cancelMidWaitCase(runway, 'wait', {
			route: READ,
			count: 2,
			knobs: { useapi: { generationMs: 60_000 } },
		});
	});

	it.concurrent('stops at the cancel signal while items wait for a job slot', async () => {
		const oneSlot = {
			...runway,
			accounts: [{ email: FIRST_ACCOUNT, maxJobs: 1 }],
			credentialEmail: FIRST_ACCOUNT,
		};
		await cancelMidWaitCase(oneSlot, 'wait', {
			route: CREATE,
			count: 2,
			knobs: { useapi: { generationMs: 60_000, retryAfterSeconds: 30 } },
		});
	});

	it.concurrent('keeps the task ids when the callback never comes', async () => {
		await callbackNeverComesCase(runway, { useapi: { callbacks: 'never', generationMs: 60_000 } });
	});

	it.concurrent(
		'checks forged callbacks with the API and never fetches what they name',
		async () => {
			await forgedCallbackCase(runway, { useapi: { callbacks: 'forged' } });
		},
	);
});

describe('Runway Video faults: without continue-on-fail', () => {
	it.concurrent(
		'names the first item and no token when an error answer repeats the token',
		async () => {
			await stopOnErrorCase(
				runway,
				'wait',
				(emulator) =>
					emulator.injectFaults({
						route: CREATE,
						status: 401,
						body: { error: `Unauthorized: token ${SECRETS.useapi} is unknown`, code: 401 },
					}),
				{
					itemIndex: 0,
					message: /^useapi.net rejected the API token: Unauthorized: token \[redacted\]/,
				},
			);
		},
	);

	it.concurrent('names the item whose task failed', async () => {
		await stopOnErrorCase(
			runway,
			'wait',
			(emulator) => emulator.queueOutcomes('useapi', 'success', 'failure'),
			{
				itemIndex: 1,
				message: /^Runway task user:1-runwayml:.+ failed: /,
			},
		);
	});
});
