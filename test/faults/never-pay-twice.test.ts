import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { node } from '../harness';
import {
	createsByPrompt,
	expectEndedInTime,
	expectItemOutcomes,
	tasksStarted,
	type ItemExpectation,
} from './support/checks';
import { withFaultEnv } from './support/env';
import { envOptions, runToEnd } from './support/runner';
import { secretLeaks } from './support/secrets';
import { runwareVideo, runwayVideo } from './support/subjects';
import { prompts, type VideoSubject, type WaitMode } from './support/video';

/** Creates sent per item, in input order (each item has a prompt of its own). */
function createsPerItem(emulator: Emulator, items: INodeExecutionData[]): number[] {
	const creates = createsByPrompt(emulator);
	return items.map((item) => creates.get(String(item.json.prompt)) ?? 0);
}

/**
 * Retry On Fail (n8n runs the failed node again, for all items, in the same execution): an item whose task an earlier
 * try created is followed, never created again; only an item whose create was refused, or whose task failed, is
 * created again.
 */
interface RetryCase {
	name: string;
	subject: VideoSubject;
	mode: WaitMode;
	items: INodeExecutionData[];
	parameters?: INodeParameters;
	arrange(emulator: Emulator): void;
	/** Each item's final outcome, or the error that stopped the run once every try failed. */
	expected: readonly ItemExpectation[] | { error: RegExp };
	/** Creates sent per item over all tries. */
	creates: number[];
	/** Tasks started (paid) over all tries: one per item that needed one. */
	started: number;
}

const RETRY = { maxTries: 2, waitBetweenTries: 100 };
const TWO = prompts(2);
// Only the second item names a model Runware does not know: Runware refuses that one task, every try.
const SECOND_UNKNOWN_MODEL: INodeExecutionData[] = [
	{ json: { prompt: 'Fault scene 1', air: 'openai:3@1' } },
	{ json: { prompt: 'Fault scene 2', air: 'nobody:video@1' } },
];
const BY_ITEM_MODEL = { model: { __rl: true, mode: 'id', value: '={{ $json.air }}' } };
const UNKNOWN_MODEL = /^Runware error unknownModel: /;

const retryCases: RetryCase[] = [
	...(
		[
			['Runware', runwareVideo, 'runware'],
			['Runway', runwayVideo, 'useapi'],
		] as const
	).map(
		([label, subject, provider]): RetryCase => ({
			name: `${label}, wait: the second item's task fails, the retry creates only that one`,
			subject,
			mode: 'wait',
			items: TWO,
			arrange: (emulator) => emulator.queueOutcomes(provider, 'success', 'failure'),
			expected: ['success', 'success'],
			creates: [1, 2],
			started: 3,
		}),
	),
	...(['wait', 'submit', 'webhook'] as const).flatMap((mode): RetryCase[] => [
		{
			name: `Runware, ${mode}: Runware refuses the second item every try, the first is created once`,
			subject: runwareVideo,
			mode,
			items: SECOND_UNKNOWN_MODEL,
			parameters: BY_ITEM_MODEL,
			arrange: () => undefined,
			expected: { error: UNKNOWN_MODEL },
			creates: [1, 2],
			started: 1,
		},
		{
			name: `Runway, ${mode}: the first create is refused (412), the retry creates only that one`,
			subject: runwayVideo,
			mode,
			items: TWO,
			arrange: (emulator) => emulator.injectFaults({ route: 'useapi.create', status: 412 }),
			expected: ['success', 'success'],
			creates: [2, 1],
			started: 2,
		},
	]),
];

describe('Never pay twice: Retry On Fail', () => {
	it.concurrent.each(retryCases.map((row) => [row.name, row] as const))(
		'%s',
		async (_name, row) => {
			const resumes = row.mode === 'webhook';
			await withFaultEnv(envOptions(row.subject, undefined, resumes), async (env) => {
				row.arrange(env.emulator);
				const input = row.subject.workflow(row.mode, row.items, {
					parameters: row.parameters,
					continueOnFail: false,
					retry: RETRY,
				});
				const run = await runToEnd(env, input, resumes, 30_000);
				if ('error' in row.expected) {
					expect(run.final.status).toBe('error');
					expect(run.final.error?.message).toMatch(row.expected.error);
				} else {
					expect(run.final.error).toBeUndefined();
					expectItemOutcomes(run.final.output(row.subject.name), row.expected);
				}
				expect(createsPerItem(env.emulator, row.items)).toEqual(row.creates);
				expect(tasksStarted(env.emulator)).toBe(row.started);
				expect(secretLeaks(env, [run.first, run.final])).toEqual([]);
			});
		},
	);
});

/**
 * A create the API accepts (the task starts) but never answers, with a node timeout of 6 s: the run ends within the
 * timeout. Runware checks the unanswered tasks with getResponse within the time limit and follows them; Runway's
 * queue fails the unanswered item (outcome unknown) and sends no further create, failing the other items unsent.
 */
interface HungCase {
	name: string;
	subject: VideoSubject;
	mode: WaitMode;
	itemCount: number;
	route: string;
	expected(itemCount: number): ItemExpectation[];
	/** How the run ends: with the items' outcomes, or waiting for callbacks with every item's task. */
	status: 'success' | 'waiting';
	/** Create requests sent (a Runware request carries up to 50 tasks). */
	createRequests: number;
	started(itemCount: number): number;
}

const TIMEOUT_MINUTES = 0.1;
const OUTCOME_UNKNOWN = /\(not resent: the task may have been created anyway\)$/;
const UNSENT_AFTER_UNCLEAR =
	/^Not submitted: the create request of item 0 to every linked Runway account got no clear answer/;

const hungCases: HungCase[] = [
	{
		// The hung request (50 tasks) takes the time up to the check of its tasks: the next batch is never sent.
		name: 'Runware, wait, 51 items (a second batch)',
		subject: runwareVideo,
		mode: 'wait',
		itemCount: 51,
		route: 'runware.videoInference',
		expected: (count) => [
			...Array.from({ length: count - 1 }, () => 'success' as const),
			/^Not submitted: the time limit was reached before this task was sent to Runware$/,
		],
		status: 'success',
		createRequests: 1,
		started: (count) => count - 1,
	},
	...(['wait', 'submit', 'webhook'] as const).flatMap((mode) =>
		[1, 2, 50].flatMap((itemCount): HungCase[] => [
			{
				name: `Runware, ${mode}, ${itemCount} item(s)`,
				subject: runwareVideo,
				mode,
				itemCount,
				route: 'runware.videoInference',
				expected: (count) => Array.from({ length: count }, () => 'success' as const),
				status: mode === 'webhook' ? 'waiting' : 'success',
				createRequests: 1,
				started: (count) => count,
			},
			{
				name: `Runway, ${mode}, ${itemCount} item(s)`,
				subject: runwayVideo,
				mode,
				itemCount,
				route: 'useapi.create',
				expected: (count) => [
					OUTCOME_UNKNOWN,
					...Array.from({ length: count - 1 }, () => UNSENT_AFTER_UNCLEAR),
				],
				status: 'success',
				createRequests: 1,
				started: () => 1,
			},
		]),
	),
];

describe('Never pay twice: a create accepted but never answered', () => {
	it.concurrent.each(hungCases.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
		await withFaultEnv(envOptions(row.subject, undefined, row.mode === 'webhook'), async (env) => {
			env.emulator.injectFaults({ route: row.route, hang: true });
			const items = prompts(row.itemCount);
			// About creates: no downloads, which the time limit would cut for videos ending just before it.
			const input = row.subject.workflow(row.mode, items, {
				timeoutMinutes: TIMEOUT_MINUTES,
				parameters: { returnAs: 'url' },
			});
			const started = Date.now();
			// Only the run up to its end, or to its wait for callbacks (Runware in Resume on Webhook).
			const run = await env.harness.runWorkflow({ ...input, timeoutMs: 30_000 });
			expectEndedInTime(Date.now() - started, TIMEOUT_MINUTES * 60_000);
			expect(run.status).toBe(row.status);
			expectItemOutcomes(run.output(row.subject.name), row.expected(row.itemCount));
			expect(env.emulator.requestsTo(row.route)).toHaveLength(row.createRequests);
			expect(Math.max(...createsPerItem(env.emulator, items))).toBe(1);
			expect(tasksStarted(env.emulator)).toBe(row.started(row.itemCount));
			expect(secretLeaks(env, [run])).toEqual([]);
		});
	});
});

// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- a test relay is no tool
class Relay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Relay',
		name: 'harness.relay',
		group: ['transform'],
		version: 1,
		description: 'Passes its input on',
		defaults: { name: 'Relay' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

describe('Never pay twice: a node run again in the same execution', () => {
	it.concurrent.each([
		['Runware', runwareVideo],
		['Runway', runwayVideo],
	] as const)(
		'%s creates anew for each run of the node (Start → node, Start → Relay → node)',
		async (_name, subject) => {
			const options = envOptions(subject);
			options.nodeTypes = { ...options.nodeTypes, 'harness.relay': new Relay() };
			await withFaultEnv(options, async (env) => {
				const items = prompts(2);
				const linear = subject.workflow('wait', items, { retry: RETRY, continueOnFail: false });
				const [start, video] = linear.nodes;
				const relay = node('Relay', 'harness.relay').node;
				const main = (to: string) => [{ node: to, type: NodeConnectionTypes.Main, index: 0 }];
				const run = await env.harness.runWorkflow({
					...linear,
					nodes: [...linear.nodes, relay],
					connections: {
						[start.name]: { main: [[...main(video.name), ...main(relay.name)]] },
						[relay.name]: { main: [main(video.name)] },
					},
					timeoutMs: 30_000,
				});
				expect(run.error).toBeUndefined();
				const runs = run.runData[video.name].map((taskData) => taskData.data?.main[0] ?? []);
				expect(runs).toHaveLength(2);
				const ids = runs.map((output) => output.map((item) => String(item.json[subject.idField])));
				for (const output of runs) expectItemOutcomes(output, ['success', 'success']);
				expect(new Set(ids.flat()).size).toBe(4);
				expect(createsPerItem(env.emulator, items)).toEqual([2, 2]);
				expect(tasksStarted(env.emulator)).toBe(4);
			});
		},
	);
});
