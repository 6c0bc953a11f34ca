import { RUNWARE_ASSUMPTIONS } from '../assumptions';
import { callbackEcho } from '../echo';
import type { Outcome, RunwareKnobs } from '../knobs';
import { paddedMp4Length, paddedMp4Stream } from '../media/mp4';
import type { SharedState } from '../state';
import type { RunwareError } from './errors';
import { RUNTIME_MESSAGES, taskError } from './errors';
import type { RunwareMediaStore } from './media';

export interface RunwareTaskSpec {
	taskUUID: string;
	model: string;
	numberResults: number;
	duration?: number;
	seed?: number;
	includeCost: boolean;
	webhookURL?: string;
	uploadEndpoint?: string;
	knobs: RunwareKnobs;
	outcome: Outcome;
}

interface RunwareResult {
	index: number;
	videoUUID: string;
	seed: number;
	cost?: number;
	dueAt: number;
	/** Set when the result is terminal. */
	doneAt?: number;
	videoURL?: string;
	timer?: NodeJS.Timeout;
}

export interface RunwareTask {
	spec: RunwareTaskSpec;
	outcome: Outcome;
	createdAt: number;
	results: RunwareResult[];
	finishedAt?: number;
	/** Webhook calls of one task are sent one after the other. */
	webhooks: Promise<void>;
}

const FAILURE_CODES: Record<Exclude<Outcome, 'success'>, string> = {
	failure: 'timeoutProvider',
	moderated: 'providerContentPolicyViolation',
};

/** USD per second of video; only the order of magnitude matters. */
const COST_PER_SECOND = 0.042;

export class RunwareTaskStore {
	private tasks = new Map<string, RunwareTask>();

	constructor(
		private readonly shared: SharedState,
		private readonly media: RunwareMediaStore,
		/** The API key tasks are started with, for webhooks that echo it. */
		private readonly apiKey: string,
	) {}

	has(taskUUID: string): boolean {
		return this.tasks.has(taskUUID);
	}

	get(taskUUID: string): RunwareTask | undefined {
		return this.tasks.get(taskUUID);
	}

	clear(): void {
		this.tasks.clear();
	}

	create(spec: RunwareTaskSpec): RunwareTask {
		const now = Date.now();
		const { generationMs, itemStaggerMs } = spec.knobs;
		const cost = spec.includeCost
			? Number(((spec.duration ?? 5) * COST_PER_SECOND).toFixed(4))
			: undefined;
		const task: RunwareTask = {
			spec,
			outcome: spec.outcome,
			createdAt: now,
			results: Array.from({ length: spec.numberResults }, (_, index) => ({
				index,
				videoUUID: this.shared.rng.uuid(),
				seed: spec.seed !== undefined ? spec.seed + index : this.shared.rng.int(1, 2 ** 31 - 1),
				cost,
				dueAt: now + generationMs + index * itemStaggerMs,
			})),
			webhooks: Promise.resolve(),
		};
		this.tasks.set(spec.taskUUID, task);
		this.shared.events.push({
			type: 'taskCreated',
			provider: 'runware',
			taskId: spec.taskUUID,
			at: now,
		});
		for (const result of task.results) {
			result.timer = this.shared.timers.schedule(result.dueAt - now, () =>
				this.complete(task, result),
			);
		}
		if (spec.webhookURL && spec.knobs.callbacks === 'forged') {
			this.shared.timers.schedule(0, () => this.sendForgedWebhook(task));
		}
		return task;
	}

	/**
	 * Changes the outcome of a running task: `immediately` ends every result now; `afterMs` makes the task take
	 * that long from its creation (its progress follows), as a real task of that length would.
	 */
	force(
		task: RunwareTask,
		outcome: Outcome,
		timing: { immediately: boolean; afterMs?: number },
	): void {
		if (task.finishedAt !== undefined)
			throw new Error(`Task ${task.spec.taskUUID} has already finished`);
		task.outcome = outcome;
		if (!timing.immediately && timing.afterMs === undefined) return;
		for (const result of task.results) {
			this.shared.timers.cancel(result.timer);
			if (timing.immediately) {
				this.complete(task, result);
				continue;
			}
			result.dueAt =
				task.createdAt + (timing.afterMs ?? 0) + result.index * task.spec.knobs.itemStaggerMs;
			result.timer = this.shared.timers.schedule(result.dueAt - Date.now(), () =>
				this.complete(task, result),
			);
		}
	}

	/** What getResponse answers for one task: data items and/or errors ("The two failure shapes", "numberResults"). */
	poll(taskUUID: string): { data: Record<string, unknown>[]; errors: RunwareError[] } {
		const task = this.tasks.get(taskUUID);
		if (!task) {
			return {
				data: [],
				errors: [
					taskError(
						RUNWARE_ASSUMPTIONS.unknownTaskCode,
						RUNWARE_ASSUMPTIONS.unknownTaskMessage(taskUUID),
						taskUUID,
						{ parameter: 'taskUUID', taskType: 'getResponse' },
					),
				],
			};
		}
		if (task.outcome !== 'success' && task.finishedAt !== undefined) {
			return task.spec.knobs.failureShape === 'errors'
				? { data: [], errors: [this.failureError(task)] }
				: { data: [this.embeddedFailure(task)], errors: [] };
		}
		const anyDone = task.results.some((result) => result.doneAt !== undefined);
		const shown = anyDone ? task.results : task.results.slice(0, 1);
		return { data: shown.map((result) => this.resultItem(task, result)), errors: [] };
	}

	private resultItem(task: RunwareTask, result: RunwareResult): Record<string, unknown> {
		const base = { taskType: 'videoInference', taskUUID: task.spec.taskUUID };
		if (result.doneAt === undefined) {
			const span = Math.max(1, result.dueAt - task.createdAt);
			const progress = Math.floor(((Date.now() - task.createdAt) / span) * 100);
			return { ...base, status: 'processing', progress: Math.min(99, Math.max(0, progress)) };
		}
		return {
			...base,
			status: 'success',
			videoUUID: result.videoUUID,
			videoURL: result.videoURL,
			seed: result.seed,
			...(result.cost !== undefined ? { cost: result.cost } : {}),
		};
	}

	private failureError(task: RunwareTask): RunwareError {
		const code = FAILURE_CODES[task.outcome as Exclude<Outcome, 'success'>];
		return {
			...taskError(code, RUNTIME_MESSAGES[code], task.spec.taskUUID),
			status: 'error',
			...(task.outcome === 'moderated'
				? { responseContent: 'The request was rejected by the provider safety filter.' }
				: {}),
		};
	}

	private embeddedFailure(task: RunwareTask): Record<string, unknown> {
		const { code, message, responseContent } = this.failureError(task);
		return {
			taskType: 'videoInference',
			taskUUID: task.spec.taskUUID,
			status: 'error',
			error: { code, message, ...(responseContent ? { responseContent } : {}) },
		};
	}

	private complete(task: RunwareTask, result: RunwareResult): void {
		if (result.doneAt !== undefined) return;
		if (task.outcome !== 'success') {
			this.fail(task);
			return;
		}
		result.doneAt = Date.now();
		result.videoURL = this.shared.files.put(result.videoUUID, 'mp4', {
			kind: 'video',
			bytes: task.spec.knobs.resultBytes,
		});
		this.media.add(result.videoUUID, result.videoURL);
		this.deliver(task, this.resultItem(task, result));
		this.upload(task);
		if (task.results.every((other) => other.doneAt !== undefined)) this.finish(task);
	}

	/** A failed task fails as a whole: every result at once, one webhook call. */
	private fail(task: RunwareTask): void {
		const now = Date.now();
		for (const result of task.results) {
			this.shared.timers.cancel(result.timer);
			result.doneAt ??= now;
		}
		const shape = task.spec.knobs.failureShape;
		if (shape === 'errors') this.deliver(task, this.failureError(task), 'errors');
		else this.deliver(task, this.embeddedFailure(task));
		this.finish(task);
	}

	private finish(task: RunwareTask): void {
		task.finishedAt = Date.now();
		this.shared.events.push({
			type: 'taskDone',
			provider: 'runware',
			taskId: task.spec.taskUUID,
			outcome: task.outcome,
			at: task.finishedAt,
		});
	}

	/** One webhook call per completed item (seed: "each completed item triggers a separate call"). */
	private deliver(
		task: RunwareTask,
		item: unknown,
		key: 'data' | 'errors' = 'data',
		forged = false,
	): void {
		const { webhookURL, knobs } = task.spec;
		if (!webhookURL || knobs.callbacks === 'never') return;
		const shaped = knobs.webhookShape === 'bare' ? item : { [key]: [item] };
		const body = callbackEcho(shaped, knobs, this.apiKey);
		task.webhooks = task.webhooks.then(() =>
			this.shared.outbound.postJson(webhookURL, body, {
				provider: 'runware',
				taskId: task.spec.taskUUID,
				forged,
				retries: 2,
			}),
		);
	}

	/** A success payload for a task that is still running: a receiver must confirm by polling. */
	private sendForgedWebhook(task: RunwareTask): void {
		const videoUUID = this.shared.rng.uuid();
		const item = {
			taskType: 'videoInference',
			taskUUID: task.spec.taskUUID,
			status: 'success',
			videoUUID,
			videoURL: `${this.shared.baseUrl}/files/forged-${videoUUID}.mp4`,
			seed: 1,
		};
		this.deliver(task, item, 'data', true);
	}

	/** Runware PUTs each result to `uploadEndpoint` (seed). */
	private upload(task: RunwareTask): void {
		const url = task.spec.uploadEndpoint;
		if (!url) return;
		const length = paddedMp4Length(task.spec.knobs.resultBytes);
		void this.shared.outbound
			.putFile(url, paddedMp4Stream(length), length, 'video/mp4')
			.then((result) =>
				this.shared.events.push({
					type: 'uploadEndpoint',
					taskId: task.spec.taskUUID,
					url,
					result,
					at: Date.now(),
				}),
			);
	}
}
