import type { Emulator, EmulatorEvent, RequestRecord } from '../../emulator';

export type CallbackEvent = Extract<EmulatorEvent, { type: 'callback' }>;

/** A video task as its create request named it: Runware's request carries the task's UUID, useapi.net's does not. */
export interface CreatedTask {
	taskId?: string;
	prompt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonBody(request: RequestRecord): unknown {
	return request.body?.kind === 'json' ? request.body.value : undefined;
}

/**
 * What the emulator recorded from the moment this was made: its own account of requests, tasks, downloads and
 * callbacks, the oracle the queue tests check n8n's results against.
 */
export class EmulatorRecords {
	private readonly firstRequest: number;

	private readonly firstEvent: number;

	constructor(private readonly emulator: Emulator) {
		this.firstRequest = emulator.requests.length;
		this.firstEvent = emulator.events.length;
	}

	get requests(): RequestRecord[] {
		return this.emulator.requests.slice(this.firstRequest);
	}

	get events(): EmulatorEvent[] {
		return this.emulator.events.slice(this.firstEvent);
	}

	/** Every video task sent in a create request (a Runware request may carry several). */
	creates(): CreatedTask[] {
		return this.requests.flatMap((request): CreatedTask[] => {
			const body = jsonBody(request);
			if (request.route === 'runware.videoInference' && Array.isArray(body)) {
				return body
					.filter(isRecord)
					.filter((task) => task.taskType === 'videoInference')
					.map((task) => ({ taskId: String(task.taskUUID), prompt: String(task.positivePrompt) }));
			}
			if (request.route === 'useapi.create' && request.status === 200 && isRecord(body))
				return [{ prompt: String(body.text_prompt) }];
			return [];
		});
	}

	/** The ids of the tasks the emulator created, once per creation. */
	tasksCreated(): string[] {
		return this.events.flatMap((event) => (event.type === 'taskCreated' ? [event.taskId] : []));
	}

	/** Requests for the file at `url` (its path), with their statuses. */
	downloadsOf(url: string): Array<number | undefined> {
		const { pathname } = new URL(url);
		return this.requests
			.filter((request) => request.route === 'files' && request.path.split('?')[0] === pathname)
			.map((request) => request.status);
	}

	/** The callbacks sent to the resume URLs of these executions. */
	callbacksTo(executionIds: readonly string[]): CallbackEvent[] {
		return this.events.filter(
			(event): event is CallbackEvent =>
				event.type === 'callback' &&
				executionIds.some((id) => event.url.includes(`/webhook-waiting/${id}`)),
		);
	}
}

/** How many callback deliveries got each answer (status or transport error), e.g. `{ "200": 100 }`. */
export function answerCounts(callbacks: readonly CallbackEvent[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const answer of callbacks.flatMap((callback) => callback.attempts))
		counts[String(answer)] = (counts[String(answer)] ?? 0) + 1;
	return counts;
}
