/** A Runway account linked to useapi.net. */
export interface RunwayAccountOptions {
	email: string;
	/** Parallel jobs useapi.net allows the account (1–10); default 2. */
	maxJobs?: number;
	/** An error state (e.g. a rejected token): creates on this account answer 596. */
	error?: string;
}

export interface RunwayAccount {
	email: string;
	maxJobs: number;
	error?: string;
}

/** Marks the secrets useapi.net returns with an account, so tests can prove a node never outputs them. */
export const ACCOUNT_SECRET_MARKER = 'EMULATOR-SECRET-DO-NOT-OUTPUT';

export const DEFAULT_ACCOUNTS: RunwayAccountOptions[] = [
	{ email: 'first@runway.test', maxJobs: 2 },
	{ email: 'second@runway.test', maxJobs: 1 },
];

export const USEAPI_USER_ID = '1';

export function normaliseAccounts(accounts: RunwayAccountOptions[]): RunwayAccount[] {
	return accounts.map((account) => ({
		email: account.email,
		maxJobs: account.maxJobs ?? 2,
		error: account.error,
	}));
}

/** One entry of GET /v1/runwayml/accounts: password and JWT included, as the real API does. */
export function accountJson(account: RunwayAccount): Record<string, unknown> {
	const issuedAt = 1_767_225_600;
	return {
		email: account.email,
		password: `password-${ACCOUNT_SECRET_MARKER}`,
		jwt: {
			token: `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(account.email).toString('base64url')}.${ACCOUNT_SECRET_MARKER}`,
			exp: issuedAt + 30 * 24 * 3600,
			iat: issuedAt,
			id: 1000 + account.email.length,
		},
		maxJobs: account.maxJobs,
		...(account.error ? { error: account.error } : {}),
	};
}

/** GET /v2/account. */
export function ownerAccountJson(accounts: RunwayAccount[]): Record<string, unknown> {
	return {
		id: `user:${USEAPI_USER_ID}`,
		email: 'owner@useapi.test',
		created: '2026-01-01T00:00:00.000Z',
		name: 'Emulator user',
		subscriptionIsActive: true,
		subscriptions: [{ id: 'sub-1', plan: 'monthly', active: true }],
		maxAccountsPerAPI: 10,
		accounts: {
			runwayml: {
				total: accounts.length,
				active: accounts.filter((account) => !account.error).length,
				error: accounts.filter((account) => account.error).length,
			},
		},
		verified: true,
		sub: 'emulator',
		replyUrl: '',
	};
}
