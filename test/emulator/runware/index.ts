import { echoing } from '../echo';
import type { Reply, RequestContext } from '../http';
import { bearerToken, isRecord, json, parseJson } from '../http';
import type { FaultAction, Outcome } from '../knobs';
import type { Route } from '../router';
import { gatewayReply } from '../router';
import type { SharedState } from '../state';
import type { RunwareError } from './errors';
import { RUNTIME_MESSAGES, STATUS_ERRORS, taskError } from './errors';
import { RunwareMediaStore } from './media';
import type { ModelRules } from './rules';
import { fallbackRules, rulesFor } from './rules';
import { SchemaRegistry } from './schemas';
import { RunwareTaskStore } from './tasks';
import { validateVideoInference } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AIR = /^[a-z0-9-]+:[a-z0-9.-]+@[a-z0-9.-]+$/i;

/** One processed task: a data item, or an error (validation errors decide the HTTP status). */
type TaskAnswer =
	| { data: Record<string, unknown>[]; errors?: undefined; validation?: undefined }
	| { data?: Record<string, unknown>[]; errors: RunwareError[]; validation: boolean };

type Task = Record<string, unknown>;

/** Runware's REST API under `/runware/v1`, plus model schemas under `/runware-schemas`. */
export class RunwareEmulator {
	readonly schemas: SchemaRegistry;

	readonly media: RunwareMediaStore;

	readonly tasks: RunwareTaskStore;

	constructor(
		private readonly shared: SharedState,
		private readonly apiKey: string,
		schemaDirectory?: string,
	) {
		this.schemas = new SchemaRegistry(schemaDirectory);
		this.media = new RunwareMediaStore(shared);
		this.tasks = new RunwareTaskStore(shared, this.media, apiKey);
	}

	reset(): void {
		this.tasks.clear();
		this.media.clear();
		this.schemas.reset();
	}

	/** The rules the API applies to an AIR: schema over catalogue; undefined when unknown. */
	rules(air: string): ModelRules | undefined {
		return rulesFor(air, this.schemas.get(air));
	}

	forceOutcome(
		taskUUID: string,
		outcome: Outcome,
		timing: { immediately: boolean; afterMs?: number },
	): boolean {
		const task = this.tasks.get(taskUUID);
		if (!task) return false;
		this.tasks.force(task, outcome, timing);
		return true;
	}

	routes(): Route[] {
		return [
			{
				name: (ctx) => `runware.${firstTaskType(ctx.body)}`,
				method: 'POST',
				pattern: /^\/runware\/v1\/?$/,
				body: 'buffer',
				handle: (ctx) => echoing(ctx, 'runware', this.handle(ctx)),
				faultReply: (ctx, fault) => echoing(ctx, 'runware', this.faultReply(ctx, fault)),
			},
			{
				name: 'schema',
				method: 'GET',
				pattern: /^\/runware-schemas\/resolve\/(.+)$/,
				body: 'none',
				handle: (ctx) => this.schemas.serve(ctx),
			},
		];
	}

	private handle(ctx: RequestContext): Reply {
		const parsed = parseJson(ctx.body);
		if (!parsed.ok || !Array.isArray(parsed.value)) {
			return json(400, {
				errors: [
					taskError(
						'invalidRequestBody',
						'The request body must be a JSON array of tasks.',
						undefined,
						{
							taskType: 'unknown',
						},
					),
				],
			});
		}
		const tasks = parsed.value;
		const keyTask = tasks.find((task) => isRecord(task) && task.taskType === 'authentication');
		const key = bearerToken(ctx.req) ?? (isRecord(keyTask) ? keyTask.apiKey : undefined);
		if (key !== this.apiKey) {
			return json(401, {
				errors: [
					{ ...STATUS_ERRORS[401], documentation: 'https://runware.ai/docs/en/platform/errors' },
				],
			});
		}
		const seen = new Set<string>();
		const answers = tasks
			.filter((task) => !(isRecord(task) && task.taskType === 'authentication'))
			.map((task) => this.answer(ctx, task, seen));
		const data = answers.flatMap((answer) => answer.data ?? []);
		const errors = answers.flatMap((answer) => answer.errors ?? []);
		const onlyValidation =
			errors.length > 0 && data.length === 0 && answers.every((a) => a.validation !== false);
		const status = onlyValidation ? ctx.knobs.runware.validationStatus : 200;
		return json(status, {
			...(data.length > 0 ? { data } : {}),
			...(errors.length > 0 ? { errors } : {}),
		});
	}

	private answer(ctx: RequestContext, task: unknown, seen: Set<string>): TaskAnswer {
		if (!isRecord(task))
			return invalid(taskError('invalidTask', 'Each task must be an object.', undefined));
		const taskType = typeof task.taskType === 'string' ? task.taskType : '';
		if (taskType === 'ping') return { data: [{ taskType: 'ping', pong: true }] };
		const uuidError = this.taskUUIDError(task, taskType, seen);
		if (uuidError) return invalid(uuidError);
		const taskUUID = task.taskUUID as string;
		switch (taskType) {
			case 'videoInference':
				return this.videoInference(ctx, task, taskUUID);
			case 'getResponse': {
				const { data, errors } = this.tasks.poll(taskUUID);
				return errors.length > 0 ? { data, errors, validation: false } : { data };
			}
			case 'mediaStorage':
				return dataOrError(this.media.mediaStorage(task, taskUUID));
			case 'imageUpload':
				return dataOrError(this.media.imageUpload(task, taskUUID));
			default:
				return invalid(
					taskError(
						'unsupportedTaskType',
						`Unsupported taskType ${JSON.stringify(task.taskType)}.`,
						taskUUID,
						{
							parameter: 'taskType',
							taskType,
							allowedValues: [
								'ping',
								'videoInference',
								'getResponse',
								'mediaStorage',
								'imageUpload',
							],
						},
					),
				);
		}
	}

	private taskUUIDError(task: Task, taskType: string, seen: Set<string>): RunwareError | undefined {
		const taskUUID = task.taskUUID;
		const details = { parameter: 'taskUUID', taskType };
		if (taskUUID === undefined || taskUUID === '') {
			return taskError(
				'missingTaskUUID',
				'Missing required parameter taskUUID.',
				undefined,
				details,
			);
		}
		if (typeof taskUUID !== 'string' || !UUID.test(taskUUID)) {
			return taskError(
				'invalidTaskUUID',
				'Invalid taskUUID: it must be a UUID v4 string.',
				undefined,
				details,
			);
		}
		if (taskType === 'getResponse') return undefined;
		if (seen.has(taskUUID) || this.tasks.has(taskUUID)) {
			return taskError(
				'conflictTaskUUID',
				`Task ${taskUUID} already exists. Use a unique taskUUID for each task.`,
				taskUUID,
				details,
			);
		}
		seen.add(taskUUID);
		return undefined;
	}

	private videoInference(ctx: RequestContext, task: Task, taskUUID: string): TaskAnswer {
		const model = task.model;
		if (typeof model !== 'string' || model === '') {
			return invalid(
				taskError('missingModel', 'Missing required parameter model.', taskUUID, {
					parameter: 'model',
				}),
			);
		}
		if (!AIR.test(model)) {
			return invalid(
				taskError(
					'invalidModel',
					`Invalid model ${JSON.stringify(model)}: use an AIR, provider:id@version.`,
					taskUUID,
					{
						parameter: 'model',
					},
				),
			);
		}
		const knobs = ctx.knobs.runware;
		const rules =
			this.rules(model) ?? (knobs.unknownModels === 'accept' ? fallbackRules(model) : undefined);
		if (!rules) {
			return invalid(
				taskError(
					'unknownModel',
					`Model ${model} does not exist or is not a video model.`,
					taskUUID,
					{
						parameter: 'model',
					},
				),
			);
		}
		const error = validateVideoInference(task, taskUUID, rules, (uuid) => this.media.has(uuid));
		if (error) return invalid(error);
		this.tasks.create({
			taskUUID,
			model,
			numberResults: typeof task.numberResults === 'number' ? task.numberResults : 1,
			duration: typeof task.duration === 'number' ? task.duration : undefined,
			seed: typeof task.seed === 'number' ? task.seed : undefined,
			includeCost: task.includeCost === true,
			webhookURL: typeof task.webhookURL === 'string' ? task.webhookURL : undefined,
			uploadEndpoint: typeof task.uploadEndpoint === 'string' ? task.uploadEndpoint : undefined,
			knobs,
			outcome: this.shared.decideOutcome('runware', knobs),
		});
		return { data: [{ taskType: 'videoInference', taskUUID }] };
	}

	private faultReply(ctx: RequestContext, fault: FaultAction): Reply {
		const status = fault.status ?? 500;
		if (fault.body !== undefined) return json(status, fault.body);
		if (fault.code === undefined) {
			const gateway = gatewayReply(status);
			if (gateway) return gateway;
		}
		const known = STATUS_ERRORS[status] ?? STATUS_ERRORS[500];
		const code = fault.code ?? known.code;
		const message = RUNTIME_MESSAGES[code] ?? known.message;
		const uuids = taskUUIDsOf(ctx.body);
		const errors = (uuids.length > 0 ? uuids : [undefined]).map((taskUUID) =>
			taskError(code, message, taskUUID, { taskType: firstTaskType(ctx.body) }),
		);
		return json(status, { errors });
	}
}

function invalid(error: RunwareError): TaskAnswer {
	return { errors: [error], validation: true };
}

function dataOrError(result: Record<string, unknown> | RunwareError): TaskAnswer {
	return 'code' in result ? invalid(result as RunwareError) : { data: [result] };
}

function tasksOf(body: Buffer | undefined): Task[] {
	const parsed = parseJson(body);
	return parsed.ok && Array.isArray(parsed.value) ? parsed.value.filter(isRecord) : [];
}

/** The first task type other than `authentication`, naming the route (`runware.getResponse`…). */
function firstTaskType(body: Buffer | undefined): string {
	const task = tasksOf(body).find((candidate) => candidate.taskType !== 'authentication');
	return typeof task?.taskType === 'string' ? task.taskType : 'unknown';
}

function taskUUIDsOf(body: Buffer | undefined): string[] {
	return tasksOf(body)
		.map((task) => task.taskUUID)
		.filter((uuid): uuid is string => typeof uuid === 'string');
}
