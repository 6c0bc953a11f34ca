import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import type { Emulator, KnobsPatch, RunwayAccountOptions } from '../../emulator';
import { node, startNode, workflow, type HarnessWorkflow, type RunResult } from '../../harness';
import {
	expectEndedInTime,
	expectItemOutcomes,
	TIMEOUT_SLACK_MS,
	type ItemExpectation,
} from './checks';
import { withFaultEnv, type FaultEnv, type FaultEnvOptions } from './env';
import { secretLeaks } from './secrets';

/** Input items of every fault run: enough to show that each item keeps its own outcome. */
export const ITEMS = 2;

export interface RunOptions {
	/** Default 0.5. */
	timeoutMinutes?: number;
	/** Node parameters merged over the subject's own. */
	parameters?: INodeParameters;
	/** Default true (Continue, regular output), so that every item's outcome shows. */
	continueOnFail?: boolean;
	/** The node's Retry On Fail setting: tries in all, and the wait between them. */
	retry?: { maxTries: number; waitBetweenTries: number };
}

/** Start → the node under test, polling fast (the emulator's tasks take a few hundred milliseconds). */
export function oneNodeWorkflow(
	target: { name: string; type: string; credentials: string[]; id?: string },
	items: INodeExecutionData[],
	parameters: INodeParameters,
	options: RunOptions = {},
): HarnessWorkflow {
	const waitingOptions = {
		firstPollSeconds: 0.1,
		maxPollSeconds: 0.2,
		timeoutMinutes: options.timeoutMinutes ?? 0.5,
	};
	return workflow([
		startNode(items),
		node(
			target.name,
			target.type,
			{ waitingOptions, ...parameters, ...options.parameters },
			{
				...(target.id ? { id: target.id } : {}),
				credentials: target.credentials,
				...(options.continueOnFail === false ? {} : { onError: 'continueRegularOutput' as const }),
				...(options.retry ? { retryOnFail: true, ...options.retry } : {}),
			},
		),
	]);
}

/** How the fault suite drives one node, in each of its modes (waiting modes, operations). */
export interface FaultSubject<Mode extends string = string> {
	type: string;
	name: string;
	nodeType: INodeType;
	accounts?: RunwayAccountOptions[];
	credentialEmail?: string;
	/** Whether a run in `mode` pauses until the provider calls back. */
	resumes?(mode: Mode): boolean;
	/** Makes what a run needs (tasks to poll) before the fault is injected; returns the run's input items. */
	prepare(env: FaultEnv, mode: Mode): Promise<INodeExecutionData[]>;
	workflow(mode: Mode, items: INodeExecutionData[], options?: RunOptions): HarnessWorkflow;
	/**
	 * Fails the test when the run created (or may have created) something twice; `since` is the index of the run's
	 * first request in the emulator's log (what `prepare` sent comes before).
	 */
	expectNoTaskCreatedTwice(env: FaultEnv, itemCount: number, since: number): void;
}

export type Expected = ItemExpectation | readonly ItemExpectation[];

export interface FaultCase<Mode extends string = string> {
	name: string;
	/** Modes in which the fault is met (a poll fault never is in Submit Only). */
	modes: readonly Mode[];
	knobs?: KnobsPatch;
	/** Injects the fault before the run (faults, scripted outcomes). */
	arrange?(emulator: Emulator): void;
	/** The outcome of every item (or of each item), in every mode or per mode. */
	expected: Expected | Partial<Record<Mode, Expected>>;
	/** Default 0.5. */
	timeoutMinutes?: number;
	/** Node parameters of the case, merged over the subject's own. */
	parameters?: INodeParameters;
	/** Outputs of each successful item (Runware's numberResults); default 1. */
	resultsPerItem?: number;
	/** Further checks of the case. */
	verify?(run: CaseRun<Mode>): void;
}

export interface CaseRun<Mode extends string = string> {
	env: FaultEnv;
	mode: Mode;
	/** The run as it first ended (waiting, in Resume on Webhook). */
	first: RunResult;
	/** The run that produced the node's final output (the resumed one, in Resume on Webhook). */
	final: RunResult;
	output: INodeExecutionData[];
	elapsedMs: number;
}

export function envOptions(
	subject: Pick<FaultSubject, 'type' | 'nodeType' | 'accounts' | 'credentialEmail'>,
	knobs?: KnobsPatch,
	resume = false,
): FaultEnvOptions {
	return {
		nodeTypes: { [subject.type]: subject.nodeType },
		knobs,
		accounts: subject.accounts,
		credentialEmail: subject.credentialEmail,
		resume,
	};
}

function expectationsFor<Mode extends string>(
	expected: FaultCase<Mode>['expected'],
	mode: Mode,
): ItemExpectation[] {
	const forMode =
		typeof expected === 'string' || expected instanceof RegExp || Array.isArray(expected)
			? (expected as Expected)
			: (expected as Partial<Record<Mode, Expected>>)[mode];
	if (forMode === undefined) throw new Error(`No expectation for mode ${mode}`);
	return Array.isArray(forMode)
		? [...(forMode as ItemExpectation[])]
		: Array.from({ length: ITEMS }, () => forMode as ItemExpectation);
}

/** Runs a workflow to its end: when it waits for a callback, until the callback resumed it. */
export async function runToEnd(
	env: FaultEnv,
	input: HarnessWorkflow,
	resumes: boolean,
	timeoutMs: number,
): Promise<Omit<CaseRun, 'env' | 'mode' | 'output'>> {
	const started = Date.now();
	const first = await env.harness.runWorkflow({ ...input, timeoutMs: timeoutMs + 15_000 });
	let final = first;
	if (resumes && first.status === 'waiting') {
		// n8n resumes the execution at waitTill at the latest: the wait never outlasts the timeout.
		expect(first.waitTill!.getTime()).toBeLessThanOrEqual(started + timeoutMs + TIMEOUT_SLACK_MS);
		final = await env.harness.awaitResumedRun(first.resume!, timeoutMs + 5000);
	}
	return { first, final, elapsedMs: Date.now() - started };
}

/**
 * One case in one mode, in an environment of its own: the fault is injected, the node runs, and every invariant of
 * the suite is checked: each item's outcome (paired, the cause named), nothing created twice, the run within its
 * timeout, no key anywhere it must not be.
 */
export async function runFaultCase<Mode extends string>(
	subject: FaultSubject<Mode>,
	fault: FaultCase<Mode>,
	mode: Mode,
): Promise<void> {
	const resumes = subject.resumes?.(mode) ?? false;
	await withFaultEnv(envOptions(subject, fault.knobs, resumes), async (env) => {
		const items = await subject.prepare(env, mode);
		const since = env.emulator.requests.length;
		fault.arrange?.(env.emulator);
		const timeoutMs = (fault.timeoutMinutes ?? 0.5) * 60_000;
		const input = subject.workflow(mode, items, {
			timeoutMinutes: fault.timeoutMinutes,
			parameters: fault.parameters,
		});
		const run = await runToEnd(env, input, resumes, timeoutMs);
		expect(run.final.status).toBe('success');
		const output = run.final.output(subject.name);

		expectItemOutcomes(output, expectationsFor(fault.expected, mode), fault.resultsPerItem);
		subject.expectNoTaskCreatedTwice(env, ITEMS, since);
		expectEndedInTime(run.elapsedMs, timeoutMs);
		expect(secretLeaks(env, [run.first, run.final])).toEqual([]);
		fault.verify?.({ ...run, env, mode, output });
	});
}

/** The cases of a table that apply to `mode`, as `it.each` rows. */
export function casesFor<Mode extends string>(
	cases: ReadonlyArray<FaultCase<Mode>>,
	mode: Mode,
): Array<[string, FaultCase<Mode>]> {
	return cases.filter((fault) => fault.modes.includes(mode)).map((fault) => [fault.name, fault]);
}
