import { PollTask } from '../../nodes/PollTask/PollTask.node';
import { createRunwareTasks, createRunwayTasks, tasksDone } from './support/api';
import { ECHOED, echoingKnobs } from './support/echo';
import { SECRETS, TYPES } from './support/env';
import {
	casesFor,
	ITEMS,
	oneNodeWorkflow,
	runFaultCase,
	type FaultCase,
	type FaultSubject,
} from './support/runner';
import { cancelMidWaitCase, stopOnErrorCase } from './support/special-cases';

type Operation = 'wait' | 'check';
type Provider = 'runware' | 'runway';

const OPERATIONS: readonly Operation[] = ['wait', 'check'];

const PROVIDERS = {
	runware: {
		idField: 'taskUUID',
		credential: 'runwareApi',
		create: createRunwareTasks,
		createRoute: 'runware.videoInference',
		read: 'runware.getResponse',
	},
	runway: {
		idField: 'taskId',
		credential: 'useApiApi',
		create: createRunwayTasks,
		createRoute: 'useapi.create',
		read: 'useapi.task',
	},
} as const;

/**
 * Poll Task over tasks started beforehand (as a video node in Submit Only mode would): waiting for them, or checking
 * them once after they ended.
 */
function pollSubject(provider: Provider): FaultSubject<Operation> {
	const { idField, credential, create, createRoute } = PROVIDERS[provider];
	const target = { name: 'Poll Task', type: TYPES.pollTask, credentials: [credential] };
	return {
		type: TYPES.pollTask,
		name: target.name,
		nodeType: new PollTask(),
		async prepare(env, operation) {
			const ids = await create(env.emulator, ITEMS);
			if (operation === 'check') await tasksDone(env.emulator, ids);
			return ids.map((id) => ({ json: { [idField]: id } }));
		},
		workflow: (operation, items, options) =>
			oneNodeWorkflow(target, items, { provider, operation, returnAs: 'binary' }, options),
		expectNoTaskCreatedTwice(env, itemCount, since) {
			// The node only reads: every task there is was started before the run.
			const run = env.emulator.requests.slice(since);
			expect(run.filter((request) => request.route === createRoute)).toEqual([]);
			const created = env.emulator.events.filter((event) => event.type === 'taskCreated');
			expect(created).toHaveLength(itemCount);
		},
	};
}

function cases(provider: Provider): Array<FaultCase<Operation>> {
	const { read } = PROVIDERS[provider];
	const notJson =
		provider === 'runware'
			? /^Runware answered HTTP 200 with a body that is not valid JSON/
			: /^useapi.net answered with a body that is not valid JSON/;
	const failed =
		provider === 'runware' ? /^Runware error timeoutProvider: / : /^Runway task .+ failed: /;
	const moderated =
		provider === 'runware'
			? /^Runware error providerContentPolicyViolation: /
			: /^Runway's moderation refused task /;
	const stillRunning = new RegExp(
		`^${provider === 'runware' ? 'Runware' : 'Runway'} task .+ was still running after 3 s`,
	);
	return [
		{
			name: '429 burst on the reads',
			modes: OPERATIONS,
			knobs: { useapi: { retryAfterSeconds: 0.1 } },
			arrange: (emulator) => emulator.injectFaults({ route: read, status: [429, 429] }),
			expected: 'success',
		},
		{
			name: '500, 502, 503 burst on the reads',
			modes: OPERATIONS,
			arrange: (emulator) => emulator.injectFaults({ route: read, status: [500, 502, 503] }),
			expected: 'success',
		},
		{
			name: 'connections dropped on the reads',
			modes: OPERATIONS,
			arrange: (emulator) => emulator.injectFaults({ route: read, drop: 'before', times: 2 }),
			expected: 'success',
		},
		{
			name: 'connection dropped during a video download',
			modes: OPERATIONS,
			arrange: (emulator) => emulator.injectFaults({ route: 'files', drop: 'before' }),
			expected: 'success',
			verify: ({ output }) =>
				expect(output.map((item) => item.binary?.data?.mimeType)).toEqual([
					'video/mp4',
					'video/mp4',
				]),
		},
		{
			name: 'malformed JSON answering a read',
			modes: OPERATIONS,
			arrange: (emulator) => emulator.injectFaults({ route: read, malformed: true }),
			// Waiting reads again; a single check reports the read it got.
			expected: {
				wait: 'success',
				check: provider === 'runware' ? notJson : [notJson, 'success'],
			},
		},
		{
			name: 'failed tasks',
			modes: OPERATIONS,
			knobs: { [provider === 'runware' ? 'runware' : 'useapi']: { failureRate: 1 } },
			expected: failed,
		},
		{
			name: 'moderated tasks',
			modes: OPERATIONS,
			knobs: { [provider === 'runware' ? 'runware' : 'useapi']: { moderationRate: 1 } },
			expected: moderated,
		},
		{
			name: 'an error answer that repeats the API key',
			modes: OPERATIONS,
			arrange: (emulator) =>
				emulator.injectFaults(
					provider === 'runware'
						? {
								route: read,
								status: 401,
								body: {
									errors: [{ code: 'invalidApiKey', message: `Bad key ${SECRETS.runware}` }],
								},
							}
						: {
								route: read,
								status: 401,
								body: { error: `Bad token ${SECRETS.useapi}`, code: 401 },
							},
				),
			expected:
				provider === 'runware'
					? /^Runware error invalidApiKey: Bad key \[redacted\]$/
					: [/^useapi.net rejected the API token: Bad token \[redacted\]$/, 'success'],
		},
		{
			name: 'the key echoed in the failures of tasks',
			modes: OPERATIONS,
			knobs: echoingKnobs({ [provider === 'runware' ? 'runware' : 'useapi']: { failureRate: 1 } }),
			expected: ECHOED,
		},
		{
			name: 'the key echoed in an error answering a read',
			modes: OPERATIONS,
			knobs: echoingKnobs(),
			arrange: (emulator) => emulator.injectFaults({ route: read, status: 401 }),
			expected: provider === 'runware' ? ECHOED : [ECHOED, 'success'],
		},
		{
			name: 'reads slower than the time left',
			modes: ['wait'],
			knobs: { [provider === 'runware' ? 'runware' : 'useapi']: { generationMs: 60_000 } },
			timeoutMinutes: 0.05,
			arrange: (emulator) => emulator.injectFaults({ route: read, delayMs: 10_000 }),
			expected: stillRunning,
		},
	];
}

describe.each(['runware', 'runway'] as const)('Poll Task faults (%s)', (provider) => {
	const subject = pollSubject(provider);

	describe.each(OPERATIONS)('%s', (operation) => {
		it.concurrent.each(casesFor(cases(provider), operation))('%s', async (_name, fault) => {
			await runFaultCase(subject, fault, operation);
		});
	});

	it.concurrent('stops at the cancel signal mid-wait and sends nothing more', async () => {
		await cancelMidWaitCase(subject, 'wait', {
			route: PROVIDERS[provider].read,
			// Runway's first round reads each task on its own.
			count: provider === 'runway' ? ITEMS : 1,
			knobs: { [provider === 'runware' ? 'runware' : 'useapi']: { generationMs: 60_000 } },
		});
	});

	it.concurrent('names the item of a task the provider does not know', async () => {
		const unknown = pollSubject(provider);
		unknown.prepare = async () => {
			const ids =
				provider === 'runware'
					? ['00000000-0000-4000-8000-000000000000']
					: ['user:1-runwayml:first@runway.test-task:00000000-0000-4000-8000-000000000000'];
			return [{ json: { [PROVIDERS[provider].idField]: ids[0] } }];
		};
		unknown.expectNoTaskCreatedTwice = (env) =>
			expect(env.emulator.requestsTo(PROVIDERS[provider].createRoute)).toEqual([]);
		await stopOnErrorCase(unknown, 'wait', () => undefined, {
			itemIndex: 0,
			message:
				provider === 'runware'
					? /^Runware error taskFailedOrNotFound: No task found with taskUUID 0{8}-/
					: /^useapi.net does not know the task user:1-runwayml:first@runway.test-task:0{8}-/,
		});
	});
});
