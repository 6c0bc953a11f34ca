import type { Reply, RequestContext } from '../http';
import { isRecord, json, parseJson } from '../http';
import type { SharedState } from '../state';
import type { RunwayAccount } from './accounts';
import type { AssetStore } from './assets';
import type { RunwayTask, RunwayTaskStore } from './tasks';
import { defaultSeconds, RUNWAY_MODELS } from './rules';
import { validateCreate } from './validate';
import { readCreateBody, type CreateRequest } from './wire';

/** 720p sizes per aspect ratio (Runway's Gen-4 sizes); other resolutions scale them. */
const SIZES_720P: Record<string, [number, number]> = {
	'16:9': [1280, 720],
	'9:16': [720, 1280],
	'1:1': [960, 960],
	'4:3': [1104, 832],
	'3:4': [832, 1104],
	'21:9': [1584, 672],
};
const RESOLUTION_SCALE: Record<string, number> = { '480p': 2 / 3, '720p': 1, '1080p': 1.5 };

function even(value: number): number {
	return 2 * Math.round(value / 2);
}

function dimensions(request: CreateRequest): [number, number] {
	const [width, height] = SIZES_720P[request.aspect_ratio ?? '16:9'] ?? SIZES_720P['16:9'];
	const scale = RESOLUTION_SCALE[request.resolution ?? '720p'] ?? 1;
	return [even(width * scale), even(height * scale)];
}

function seconds(request: CreateRequest): number {
	if (request.shots.length > 0) {
		return request.shots.reduce((sum, shot) => sum + (shot.duration ?? 0), 0);
	}
	return request.duration ?? defaultSeconds(RUNWAY_MODELS[request.model]) ?? 5;
}

function assetIdsOf(request: CreateRequest): string[] {
	return Object.values(request.assets).filter((value) => value !== '');
}

function badRequest(message: string): Reply {
	return json(400, { error: message, code: 400 });
}

function runningEntry(task: RunwayTask): Record<string, unknown> {
	return {
		email: task.spec.email,
		taskId: task.taskId,
		id: task.id,
		...(task.spec.replyUrl ? { replyUrl: task.spec.replyUrl } : {}),
		...(task.spec.replyRef ? { replyRef: task.spec.replyRef } : {}),
	};
}

export class CreateHandler {
	constructor(
		private readonly shared: SharedState,
		private readonly accounts: () => RunwayAccount[],
		private readonly assets: AssetStore,
		private readonly tasks: RunwayTaskStore,
	) {}

	/** POST /v1/runwayml/videos/create. */
	handle(ctx: RequestContext): Reply {
		const parsed = this.readRequest(ctx);
		if ('error' in parsed) return parsed.error;
		const { request } = parsed;
		const error = validateCreate(request);
		if (error) return badRequest(error);
		const chosen = this.chooseAccount(ctx, request);
		if ('reply' in chosen) return chosen.reply;
		const [width, height] = dimensions(request);
		const knobs = ctx.knobs.useapi;
		const task = this.tasks.create({
			email: chosen.account.email,
			model: request.model,
			prompt: request.text_prompt ?? request.shots.map((shot) => shot.prompt ?? '').join(' | '),
			seconds: seconds(request),
			width,
			height,
			seed: request.seed ?? this.shared.rng.int(1, 4294967294),
			exploreMode: request.exploreMode ?? false,
			imageToVideo: assetIdsOf(request).length > 0,
			resolution: request.resolution,
			replyUrl: request.replyUrl,
			replyRef: request.replyRef,
			knobs,
			outcome: this.shared.decideOutcome('useapi', knobs),
		});
		return json(200, { task: this.tasks.toJson(task) });
	}

	/** The 429 a full queue gives, for the account the request would run on (used by faults too). */
	busyReply(ctx: RequestContext): Reply {
		const parsed = this.readRequest(ctx);
		const request = 'request' in parsed ? parsed.request : undefined;
		const email =
			request?.email ??
			(request && this.pinnedEmail(request)) ??
			this.accounts()[0]?.email ??
			'unknown@runway.test';
		const account = this.accounts().find((candidate) => candidate.email === email);
		return this.busy(ctx, [email], request?.maxJobs ?? account?.maxJobs ?? 1);
	}

	private readRequest(ctx: RequestContext): { request: CreateRequest } | { error: Reply } {
		const contentType = ctx.req.headers['content-type'] ?? '';
		if (!contentType.toLowerCase().startsWith('application/json')) {
			return {
				error: badRequest(
					`Content-Type ${JSON.stringify(contentType)} is not supported here, send application/json`,
				),
			};
		}
		const body = parseJson(ctx.body);
		if (!body.ok || !isRecord(body.value)) {
			return { error: badRequest('Request body must be a JSON object') };
		}
		const read = readCreateBody(body.value);
		return 'error' in read ? { error: badRequest(read.error) } : read;
	}

	private pinnedEmail(request: CreateRequest): string | undefined {
		const pinned = this.assets.pinnedAccount(assetIdsOf(request));
		return 'email' in pinned ? pinned.email : undefined;
	}

	private chooseAccount(
		ctx: RequestContext,
		request: CreateRequest,
	): { account: RunwayAccount } | { reply: Reply } {
		const pinned = this.assets.pinnedAccount(assetIdsOf(request));
		if ('error' in pinned) return { reply: badRequest(pinned.error) };
		if (request.email && pinned.email && request.email !== pinned.email) {
			return {
				reply: badRequest(
					`Assets belong to account ${pinned.email}, but email ${request.email} was requested`,
				),
			};
		}
		const email = request.email ?? pinned.email;
		const accounts = this.accounts();
		const capacity = (account: RunwayAccount) => request.maxJobs ?? account.maxJobs;
		if (email) {
			const account = accounts.find((candidate) => candidate.email === email);
			if (!account) return { reply: badRequest(`Runway account ${email} is not configured`) };
			if (account.error) return { reply: this.brokenAccount(account) };
			if (this.tasks.running(email).length >= capacity(account)) {
				return { reply: this.busy(ctx, [email], capacity(account)) };
			}
			return { account };
		}
		const healthy = accounts.filter((account) => !account.error);
		const free = healthy.filter(
			(account) => this.tasks.running(account.email).length < capacity(account),
		);
		if (free.length > 0) return { account: this.shared.rng.pick(free) };
		if (healthy.length === 0 && accounts[0]) return { reply: this.brokenAccount(accounts[0]) };
		const first = healthy[0] ?? accounts[0];
		return {
			reply: this.busy(
				ctx,
				healthy.map((account) => account.email),
				first ? capacity(first) : 1,
			),
		};
	}

	private busy(ctx: RequestContext, emails: string[], maxJobs: number): Reply {
		const runningTasks = Object.fromEntries(
			emails.map((email) => [email, this.tasks.running(email).map(runningEntry)]),
		);
		const retryAfter = ctx.knobs.useapi.retryAfterSeconds;
		return json(
			429,
			{
				error: `Account ${emails[0]} is busy executing ${maxJobs} tasks`,
				runningTasks,
				code: 429,
			},
			retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) },
		);
	}

	private brokenAccount(account: RunwayAccount): Reply {
		return json(596, {
			error: `Account ${account.email} has an error: ${account.error}. Re-add it with POST /accounts/${account.email}`,
			code: 596,
		});
	}
}
