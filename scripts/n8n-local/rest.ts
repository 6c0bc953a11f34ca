/** Minimal client of n8n's internal REST API (the one the editor uses), logged in by session cookie. */
export class N8nRest {
	private cookie: string | undefined;

	constructor(readonly baseUrl: string) {}

	/** Sends a request and returns the response's `data` member; throws on a non-2xx status. */
	async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const authCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) {
			throw new Error(
				`n8n ${method} /rest${path} answered ${response.status}: ${text.slice(0, 500)}`,
			);
		}
		return (text ? (JSON.parse(text) as { data: T }).data : undefined) as T;
	}
}
