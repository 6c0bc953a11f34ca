import { USEAPI_ASSUMPTIONS } from '../assumptions';
import { echoing } from '../echo';
import type { Reply, RequestContext } from '../http';
import { bearerToken, json } from '../http';
import type { FaultAction, Outcome } from '../knobs';
import type { Route } from '../router';
import { gatewayReply } from '../router';
import type { SharedState } from '../state';
import type { RunwayAccount, RunwayAccountOptions } from './accounts';
import { accountJson, normaliseAccounts, ownerAccountJson } from './accounts';
import { AssetStore } from './assets';
import { CreateHandler } from './create';
import { RunwayTaskStore } from './tasks';

const PREFIX = '/useapi';

/** Bodies useapi.net sends for the statuses tests inject (useapi.net's reference, "Error codes"). */
const STATUS_ERRORS: Record<number, string> = {
	400: 'Bad request',
	401: 'Unauthorized',
	402: 'Account has no subscription or subscription expired',
	404: 'Not found.',
	412: 'Not enough credits: requested 3, available 0',
	422: USEAPI_ASSUMPTIONS.moderatedText,
	429: 'Too many requests, retry later',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
	596: USEAPI_ASSUMPTIONS.brokenAccountText,
};

export interface UseApiOptions {
	token: string;
	accounts: RunwayAccountOptions[];
}

/** The useapi.net Runway API under `/useapi`. */
export class UseApiEmulator {
	readonly tasks: RunwayTaskStore;

	readonly assets: AssetStore;

	private accounts: RunwayAccount[];

	private readonly create: CreateHandler;

	constructor(
		shared: SharedState,
		private readonly options: UseApiOptions,
	) {
		this.accounts = normaliseAccounts(options.accounts);
		this.tasks = new RunwayTaskStore(shared, options.token);
		this.assets = new AssetStore(shared, () => this.accounts);
		this.create = new CreateHandler(shared, () => this.accounts, this.assets, this.tasks);
	}

	get accountList(): readonly RunwayAccount[] {
		return this.accounts;
	}

	reset(): void {
		this.tasks.clear();
		this.assets.clear();
		this.accounts = normaliseAccounts(this.options.accounts);
	}

	/** Changes an account at run time (maxJobs, error state). */
	updateAccount(email: string, change: Partial<Omit<RunwayAccount, 'email'>>): void {
		const account = this.accounts.find((candidate) => candidate.email === email);
		if (!account) throw new Error(`No Runway account ${email}`);
		Object.assign(account, change);
	}

	forceOutcome(
		taskId: string,
		outcome: Outcome,
		timing: { immediately: boolean; afterMs?: number },
	): boolean {
		const task = this.tasks.get(taskId);
		if (!task) return false;
		this.tasks.force(task, outcome, timing);
		return true;
	}

	routes(): Route[] {
		const route = (
			name: string,
			method: string,
			path: string,
			handle: (ctx: RequestContext) => Reply | Promise<Reply>,
			body: Route['body'] = 'none',
		): Route => ({
			name,
			method,
			pattern: new RegExp(`^${PREFIX}${path}$`),
			body,
			handle: async (ctx) => echoing(ctx, 'useapi', await this.authorised(ctx, handle)),
			faultReply: (ctx, fault) => echoing(ctx, 'useapi', this.faultReply(ctx, fault)),
		});
		const id = '([^/]+)';
		return [
			route('useapi.account', 'GET', '/v2/account', () =>
				json(200, ownerAccountJson(this.accounts)),
			),
			route('useapi.accounts', 'GET', '/v1/runwayml/accounts/?', () =>
				json(200, Object.fromEntries(this.accounts.map((a) => [a.email, accountJson(a)]))),
			),
			route('useapi.accounts.get', 'GET', `/v1/runwayml/accounts/${id}`, (ctx) =>
				this.oneAccount(ctx),
			),
			route(
				'useapi.create',
				'POST',
				'/v1/runwayml/videos/create',
				(ctx) => this.create.handle(ctx),
				'buffer',
			),
			route('useapi.task', 'GET', `/v1/runwayml/tasks/${id}`, (ctx) => this.task(ctx)),
			route(
				'useapi.assets.upload',
				'POST',
				'/v1/runwayml/assets/?',
				(ctx) => this.assets.upload(ctx),
				'stream',
			),
			route('useapi.assets.list', 'GET', '/v1/runwayml/assets/?', (ctx) => this.assets.list(ctx)),
			route('useapi.assets.get', 'GET', `/v1/runwayml/assets/${id}`, (ctx) =>
				this.assets.getOne(ctx),
			),
			route('useapi.assets.delete', 'DELETE', `/v1/runwayml/assets/${id}`, (ctx) =>
				this.assets.delete(ctx),
			),
		];
	}

	private async authorised(
		ctx: RequestContext,
		handle: (ctx: RequestContext) => Reply | Promise<Reply>,
	): Promise<Reply> {
		if (bearerToken(ctx.req) !== this.options.token) {
			return json(401, { error: 'Unauthorized', code: 401 });
		}
		return handle(ctx);
	}

	private oneAccount(ctx: RequestContext): Reply {
		const account = this.accounts.find((candidate) => candidate.email === ctx.params[0]);
		return account
			? json(200, accountJson(account))
			: json(404, { error: 'Configuration not found', code: 404 });
	}

	/** GET /v1/runwayml/tasks/{taskId}: the ID goes into the path raw (':' and '@' unencoded). */
	private task(ctx: RequestContext): Reply {
		const task = this.tasks.get(ctx.params[0]);
		return task
			? json(200, this.tasks.toJson(task))
			: json(404, { error: 'Not found.', code: 404 });
	}

	private faultReply(ctx: RequestContext, fault: FaultAction): Reply {
		const status = fault.status ?? 500;
		if (fault.body !== undefined) return json(status, fault.body);
		if (status === 429 && ctx.record.route === 'useapi.create') return this.create.busyReply(ctx);
		const retryAfter = ctx.knobs.useapi.retryAfterSeconds;
		const headers =
			status === 429 && retryAfter !== undefined
				? { 'retry-after': String(retryAfter) }
				: undefined;
		return (
			gatewayReply(status) ??
			json(status, { error: STATUS_ERRORS[status] ?? `HTTP ${status}`, code: status }, headers)
		);
	}
}
