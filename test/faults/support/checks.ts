import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Emulator, RequestRecord } from '../../emulator';

/** What one input item must come out as: its result(s), or one error item whose message matches. */
export type ItemExpectation = 'success' | RegExp;

function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	return typeof paired === 'object' && paired !== null ? paired.item : undefined;
}

/**
 * Checks that every output is paired to an input item, in input order, and that each input item came out as
 * expected: `resultsPerItem` outputs without error, or exactly one error item naming the cause.
 */
export function expectItemOutcomes(
	output: INodeExecutionData[],
	expected: readonly ItemExpectation[],
	resultsPerItem = 1,
): void {
	const indices = output.map(pairedIndex);
	expect(indices).toEqual([...indices].sort((a = -1, b = -1) => a - b));
	const byItem = expected.map((_, itemIndex) =>
		output.filter((_item, position) => indices[position] === itemIndex),
	);
	expect(byItem.flat()).toHaveLength(output.length);
	const seen = byItem.map((items, itemIndex) => {
		const errors = items.map((item) => item.json.error).filter((error) => error !== undefined);
		return expected[itemIndex] === 'success'
			? { itemIndex, outputs: items.length, errors }
			: { itemIndex, outputs: items.length, error: String(errors[0] ?? '(no error)') };
	});
	expect(seen).toEqual(
		expected.map((expectation, itemIndex) =>
			expectation === 'success'
				? { itemIndex, outputs: resultsPerItem, errors: [] }
				: { itemIndex, outputs: 1, error: expect.stringMatching(expectation) },
		),
	);
}

function jsonBody(record: RequestRecord): unknown {
	return record.body?.kind === 'json' ? record.body.value : undefined;
}

function createdTasks(emulator: Emulator): string[] {
	return emulator.events.flatMap((event) => (event.type === 'taskCreated' ? [event.taskId] : []));
}

/**
 * Runware: each item's task has one taskUUID for good (a resend under a new UUID would start a second paid task), and
 * the emulator started at most one task per item.
 */
export function expectNoRunwareTaskCreatedTwice(emulator: Emulator, itemCount: number): void {
	const uuidsByPrompt = new Map<string, Set<string>>();
	for (const record of emulator.requestsTo('runware.videoInference')) {
		const tasks = jsonBody(record);
		for (const task of Array.isArray(tasks) ? (tasks as IDataObject[]) : []) {
			const prompt = String(task.positivePrompt);
			uuidsByPrompt.set(
				prompt,
				(uuidsByPrompt.get(prompt) ?? new Set()).add(String(task.taskUUID)),
			);
		}
	}
	for (const [prompt, uuids] of uuidsByPrompt)
		expect({ prompt, uuids: uuids.size }).toEqual({ prompt, uuids: 1 });
	const created = createdTasks(emulator);
	expect(new Set(created).size).toBe(created.length);
	expect(created.length).toBeLessThanOrEqual(itemCount);
}

/**
 * The creates sent for each prompt (each item has its own): the tasks in Runware's videoInference requests, and
 * useapi.net's create requests not answered 429 (a 429 says the account was busy and nothing started).
 */
export function createsByPrompt(emulator: Emulator): Map<string, number> {
	const creates = new Map<string, number>();
	const count = (prompt: unknown) => creates.set(String(prompt), (creates.get(String(prompt)) ?? 0) + 1);
	for (const record of emulator.requestsTo('runware.videoInference')) {
		const tasks = jsonBody(record);
		for (const task of Array.isArray(tasks) ? (tasks as IDataObject[]) : []) count(task.positivePrompt);
	}
	for (const record of emulator.requestsTo('useapi.create')) {
		if (record.status !== 429) count((jsonBody(record) as IDataObject | undefined)?.text_prompt);
	}
	return creates;
}

/** How many tasks the emulator started (each one paid at the real API). */
export function tasksStarted(emulator: Emulator): number {
	return createdTasks(emulator).length;
}

/**
 * useapi.net: a create is sent again only after a 429 (the account was busy, nothing started), so each item has at
 * most one create that was not answered 429, and the emulator started at most one task per item.
 */
export function expectNoRunwayTaskCreatedTwice(emulator: Emulator, itemCount: number): void {
	for (const [prompt, count] of createsByPrompt(emulator)) {
		expect({ prompt, count }).toEqual({ prompt, count: 1 });
	}
	expect(tasksStarted(emulator)).toBeLessThanOrEqual(itemCount);
}

/**
 * What a run may take beyond its waiting timeout: sending the creates (Runware starts the timeout once they are sent;
 * a 429 burst on them is waited out with a 1 s + 2 s backoff) and handing the results over.
 */
export const TIMEOUT_SLACK_MS = 5000;

/** Nothing of the run may outlast its configured timeout by more than `TIMEOUT_SLACK_MS`. */
export function expectEndedInTime(elapsedMs: number, timeoutMs: number): void {
	expect(elapsedMs).toBeLessThanOrEqual(timeoutMs + TIMEOUT_SLACK_MS);
}
