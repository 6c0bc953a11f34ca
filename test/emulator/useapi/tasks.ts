import { callbackEcho } from '../echo';
import type { Outcome, UseApiKnobs } from '../knobs';
import { paddedMp4Length, SAMPLE_METADATA } from '../media/mp4';
import type { SharedState } from '../state';
import { useApiId } from './ids';

export type RunwayTaskStatus = 'PENDING' | 'RUNNING' | 'THROTTLED' | 'SUCCEEDED' | 'FAILED';

export interface RunwayTaskSpec {
	email: string;
	model: string;
	prompt: string;
	seconds: number;
	width: number;
	height: number;
	seed: number;
	exploreMode: boolean;
	imageToVideo: boolean;
	resolution?: string;
	replyUrl?: string;
	replyRef?: string;
	knobs: UseApiKnobs;
	outcome: Outcome;
}

export interface RunwayTask {
	taskId: string;
	id: string;
	spec: RunwayTaskSpec;
	outcome: Outcome;
	createdAt: number;
	throttledUntil: number;
	pendingUntil: number;
	doneAt: number;
	/** Set once the task is terminal. */
	finishedAt?: number;
	artifactFileId: string;
	/** Registered when the task succeeds. */
	artifactUrl?: string;
	timer?: NodeJS.Timeout;
	/** Callbacks of one task are sent one after the other. */
	callbacks: Promise<void>;
}

const PENDING_SHARE = 0.2;

const FAILURE_ERRORS: Record<Exclude<Outcome, 'success'>, Record<string, unknown>> = {
	failure: {
		errorMessage: 'An unexpected error occurred while generating your video.',
		reason: 'INTERNAL.BAD_OUTPUT.CODE01',
		message: 'Task failed',
		moderation_category: null,
		tally_asimov: false,
	},
	moderated: {
		errorMessage: 'Your input was flagged by our content moderation system.',
		reason: 'SAFETY.INPUT.TEXT',
		message: 'Moderated',
		moderation_category: 'VIOLENCE',
		tally_asimov: true,
	},
};

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export class RunwayTaskStore {
	private tasks = new Map<string, RunwayTask>();

	constructor(
		private readonly shared: SharedState,
		/** The API token tasks are started with, for callbacks that echo it. */
		private readonly token: string,
	) {}

	get(taskId: string): RunwayTask | undefined {
		return this.tasks.get(taskId);
	}

	all(): RunwayTask[] {
		return [...this.tasks.values()];
	}

	clear(): void {
		this.tasks.clear();
	}

	/** Tasks of an account that are not terminal yet: what maxJobs counts. */
	running(email: string): RunwayTask[] {
		return this.all().filter((task) => task.spec.email === email && task.finishedAt === undefined);
	}

	create(spec: RunwayTaskSpec): RunwayTask {
		const now = Date.now();
		const id = this.shared.rng.uuid();
		const { throttledMs, generationMs } = spec.knobs;
		const throttledUntil = now + throttledMs;
		const task: RunwayTask = {
			taskId: useApiId('task', spec.email, id),
			id,
			spec,
			outcome: spec.outcome,
			createdAt: now,
			throttledUntil,
			pendingUntil: throttledUntil + Math.round(generationMs * PENDING_SHARE),
			doneAt: throttledUntil + generationMs,
			artifactFileId: this.shared.rng.uuid(),
			callbacks: Promise.resolve(),
		};
		this.tasks.set(task.taskId, task);
		this.shared.events.push({
			type: 'taskCreated',
			provider: 'useapi',
			taskId: task.taskId,
			at: now,
		});
		task.timer = this.shared.timers.schedule(task.doneAt - now, () => this.finish(task));
		this.scheduleCallbacks(task);
		return task;
	}

	/**
	 * Changes the outcome of a running task: `immediately` ends it now; `afterMs` makes it end that long after
	 * its creation (its status and progress follow).
	 */
	force(
		task: RunwayTask,
		outcome: Outcome,
		timing: { immediately: boolean; afterMs?: number },
	): void {
		if (task.finishedAt !== undefined) throw new Error(`Task ${task.taskId} has already finished`);
		task.outcome = outcome;
		if (!timing.immediately && timing.afterMs === undefined) return;
		this.shared.timers.cancel(task.timer);
		if (timing.immediately) {
			this.finish(task);
			return;
		}
		task.doneAt = task.createdAt + (timing.afterMs ?? 0);
		task.throttledUntil = Math.min(task.throttledUntil, task.doneAt);
		task.pendingUntil = Math.min(task.pendingUntil, task.doneAt);
		task.timer = this.shared.timers.schedule(task.doneAt - Date.now(), () => this.finish(task));
	}

	status(task: RunwayTask, now = Date.now()): RunwayTaskStatus {
		if (task.finishedAt !== undefined) return task.outcome === 'success' ? 'SUCCEEDED' : 'FAILED';
		if (now < task.throttledUntil) return 'THROTTLED';
		return now < task.pendingUntil ? 'PENDING' : 'RUNNING';
	}

	/** The GET /tasks/{taskId} shape (also the callback body). */
	toJson(task: RunwayTask, now = Date.now()): Record<string, unknown> {
		const status = this.status(task, now);
		const { spec } = task;
		const name = `${spec.model} ${spec.prompt}`.trim();
		return {
			taskId: task.taskId,
			id: task.id,
			name,
			image: null,
			createdAt: iso(task.createdAt),
			updatedAt: iso(Math.min(now, task.finishedAt ?? now)),
			taskType: spec.model,
			options: {
				name,
				text_prompt: spec.prompt,
				seconds: spec.seconds,
				seed: spec.seed,
				watermark: false,
				route: spec.imageToVideo ? 'i2v' : 't2v',
				width: spec.width,
				height: spec.height,
				assetGroupId: task.artifactFileId,
				creationSource: 'tool-mode',
				exploreMode: spec.exploreMode,
				recordingEnabled: true,
				...(spec.resolution ? { resolution: spec.resolution } : {}),
			},
			status,
			error:
				status === 'FAILED' && task.outcome !== 'success' ? FAILURE_ERRORS[task.outcome] : null,
			progressText: null,
			progressRatio: this.progressRatio(task, status, now),
			estimatedTimeToStartSeconds:
				status === 'PENDING' || status === 'THROTTLED'
					? Math.ceil((task.pendingUntil - now) / 1000)
					: 0,
			artifacts: status === 'SUCCEEDED' ? [this.artifact(task)] : [],
			sharedAsset: null,
			sourceAssetId: null,
			code: 200,
			...(spec.replyUrl ? { replyUrl: spec.replyUrl } : {}),
			...(spec.replyRef ? { replyRef: spec.replyRef } : {}),
		};
	}

	private progressRatio(task: RunwayTask, status: RunwayTaskStatus, now: number): string {
		if (status === 'SUCCEEDED') return '1';
		if (status !== 'RUNNING') return '0';
		const share = (now - task.pendingUntil) / Math.max(1, task.doneAt - task.pendingUntil);
		return Math.min(0.99, Math.max(0, share)).toFixed(2);
	}

	private artifact(task: RunwayTask): Record<string, unknown> {
		const { spec } = task;
		return {
			assetId: useApiId('asset', spec.email, task.artifactFileId),
			filename: `${task.id}.mp4`,
			url: task.artifactUrl,
			fileSize: String(paddedMp4Length(spec.knobs.resultBytes)),
			previewUrls: [],
			metadata: {
				frameRate: SAMPLE_METADATA.frameRate,
				duration: spec.seconds,
				dimensions: [spec.width, spec.height],
			},
		};
	}

	private finish(task: RunwayTask): void {
		if (task.finishedAt !== undefined) return;
		task.finishedAt = Date.now();
		if (task.outcome === 'success') {
			task.artifactUrl = this.shared.files.put(task.artifactFileId, 'mp4', {
				kind: 'video',
				bytes: task.spec.knobs.resultBytes,
			});
		}
		this.shared.events.push({
			type: 'taskDone',
			provider: 'useapi',
			taskId: task.taskId,
			outcome: task.outcome,
			at: task.finishedAt,
		});
		this.sendCallback(task, false);
	}

	private scheduleCallbacks(task: RunwayTask): void {
		const { replyUrl, knobs } = task.spec;
		if (!replyUrl || knobs.callbacks === 'never') return;
		if (knobs.callbacks === 'forged') {
			this.shared.timers.schedule(0, () => this.sendForged(task));
		}
		const count = knobs.progressCallbacks;
		const span = task.doneAt - task.pendingUntil;
		for (let index = 1; index <= count; index++) {
			const at = task.pendingUntil + (span * index) / (count + 1);
			this.shared.timers.schedule(at - Date.now(), () => {
				if (task.finishedAt === undefined) this.sendCallback(task, false);
			});
		}
	}

	private sendCallback(task: RunwayTask, forged: boolean, body = this.toJson(task)): void {
		const { replyUrl, knobs } = task.spec;
		if (!replyUrl || knobs.callbacks === 'never') return;
		task.callbacks = task.callbacks.then(() =>
			this.shared.outbound.postJson(replyUrl, callbackEcho(body, knobs, this.token), {
				provider: 'useapi',
				taskId: task.taskId,
				forged,
				retries: 0,
			}),
		);
	}

	/** A terminal-looking callback sent while the task still runs: a receiver must re-fetch. */
	private sendForged(task: RunwayTask): void {
		const body = {
			...this.toJson(task),
			status: 'SUCCEEDED',
			progressRatio: '1',
			artifacts: [
				{
					url: `${this.shared.baseUrl}/files/forged-${task.id}.mp4`,
					fileSize: '1',
					metadata: { frameRate: 24, duration: 1, dimensions: [1, 1] },
				},
			],
		};
		this.sendCallback(task, true, body);
	}
}
