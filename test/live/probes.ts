/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { randomUUID } from 'node:crypto';

/** One API as the check reaches it: the real one, or the emulator. */
export interface Target {
	runware?: { url: string; apiKey: string };
	useapi?: { url: string; token: string; email?: string };
	/** A videoInference task to pay for (model, prompt, size…), for the checks that need a real task. */
	paidTask?: Record<string, unknown>;
	/** A URL Runware can POST to, and the next body posted there. */
	webhook?: { url: string; next: () => Promise<unknown> };
	/** Between getResponse polls of the paid task, and how long to wait for it. */
	pollMs: number;
	timeoutMs: number;
}

export interface Answer {
	label: string;
	status: number;
	body: unknown;
}

export interface Probe {
	name: string;
	provider: 'runware' | 'useapi';
	/** The assumption (test/emulator/assumptions.ts) or reply shape it checks. */
	checks: string;
	/** The answers, or why the probe cannot run against this target. */
	run: (target: Target) => Promise<Answer[] | string>;
}

/** The smallest valid PNG (1×1), for an asset upload the check deletes again. */
const PNG_1PX = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);

async function answer(label: string, response: Response): Promise<Answer> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON: compared as a string.
	}
	return { label, status: response.status, body };
}

async function runware(
	target: Target,
	label: string,
	tasks: unknown[],
	headers: Record<string, string> = {},
): Promise<Answer> {
	const { url, apiKey } = target.runware!;
	return await answer(
		label,
		await fetch(url, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${apiKey}`,
				'content-type': 'application/json',
				...headers,
			},
			body: JSON.stringify(tasks),
		}),
	);
}

async function useapi(
	target: Target,
	label: string,
	path: string,
	init: RequestInit = {},
): Promise<Answer> {
	const { url, token } = target.useapi!;
	return await answer(
		label,
		await fetch(`${url}${path}`, {
			...init,
			headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
		}),
	);
}

const getResponse = (...taskUUIDs: string[]) =>
	taskUUIDs.map((taskUUID) => ({ taskType: 'getResponse', taskUUID }));

/** Whether a getResponse answer shows the task finished (success or error, either shape). */
function finished(body: unknown, taskUUID: string): boolean {
	const { data = [], errors = [] } = (body ?? {}) as { data?: unknown[]; errors?: unknown[] };
	const items = [...data, ...errors] as Array<Record<string, unknown>>;
	const mine = items.filter((item) => item.taskUUID === taskUUID);
	return (
		errors.some((item) => (item as Record<string, unknown>).taskUUID === taskUUID) ||
		(mine.length > 0 && mine.every((item) => item.status === 'success' || item.status === 'error'))
	);
}

async function pause(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Submits the paid task (with the webhook, if any) and polls it batched with an unknown UUID. */
async function paidTask(target: Target): Promise<Answer[] | string> {
	if (!target.paidTask)
		return 'set LIVE_RUNWARE_TASK (a videoInference task as JSON) to pay for one task';
	const taskUUID = randomUUID();
	const unknown = randomUUID();
	const webhook = target.webhook?.next();
	const task = {
		...target.paidTask,
		taskType: 'videoInference',
		taskUUID,
		deliveryMethod: 'async',
		...(target.webhook ? { webhookURL: target.webhook.url } : {}),
	};
	const answers = [await runware(target, 'videoInference ACK', [task])];
	const deadline = Date.now() + target.timeoutMs;
	let poll: Answer;
	do {
		await pause(target.pollMs);
		poll = await runware(
			target,
			'getResponse for the task and an unknown UUID, batched',
			getResponse(taskUUID, unknown),
		);
	} while (!finished(poll.body, taskUUID) && Date.now() < deadline);
	answers.push(poll);
	if (webhook) answers.push({ label: 'webhook body', status: 200, body: await webhook });
	return answers;
}

export const PROBES: readonly Probe[] = [
	{
		name: 'getResponse for unknown taskUUIDs, batched',
		provider: 'runware',
		checks: 'RUNWARE_ASSUMPTIONS.unknownTaskCode, batchedGetResponse',
		run: async (target) => [
			await runware(
				target,
				'two unknown UUIDs in one POST',
				getResponse(randomUUID(), randomUUID()),
			),
		],
	},
	{
		name: 'a refused videoInference (dry run)',
		provider: 'runware',
		checks:
			'the errors[] item of a validation error (the Runware reference, "Envelope and errors")',
		run: async (target) => [
			await runware(
				target,
				'duration 7 for klingai:5@3 (5 or 10)',
				[
					{
						taskType: 'videoInference',
						taskUUID: randomUUID(),
						deliveryMethod: 'async',
						model: 'klingai:5@3',
						positivePrompt: 'A contract check that must not run',
						duration: 7,
						width: 1920,
						height: 1080,
					},
				],
				{ 'X-Runware-Dry-Run': '1' },
			),
		],
	},
	{
		name: 'a wrong API key',
		provider: 'runware',
		checks: 'the 401 answer (the Runware reference, "Endpoints and authentication")',
		run: async (target) => [
			await runware({ ...target, runware: { ...target.runware!, apiKey: 'not-a-key' } }, 'ping', [
				{ taskType: 'ping', ping: true },
			]),
		],
	},
	{
		name: 'a paid task: ACK, batched getResponse with an unknown UUID, webhook body',
		provider: 'runware',
		checks: 'RUNWARE_ASSUMPTIONS.batchedGetResponse, unknownTaskCode, webhookShape',
		run: paidTask,
	},
	{
		name: 'an unknown taskId',
		provider: 'useapi',
		checks: 'the 404 of GET /tasks/{taskId} (the useapi.net reference, "Tasks")',
		run: async (target) => [
			await useapi(
				target,
				'GET /tasks/{unknown}',
				'/v1/runwayml/tasks/user:0-runwayml:nobody@example.com-task:00000000-0000-4000-8000-000000000000',
			),
		],
	},
	{
		name: 'a refused videos/create',
		provider: 'useapi',
		checks: 'the 400 of videos/create (seed: gen4 requires text_prompt and imageAssetId1)',
		run: async (target) => [
			await useapi(target, 'gen4 without prompt or image', '/v1/runwayml/videos/create', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ model: 'gen4' }),
			}),
		],
	},
	{
		name: 'an asset uploaded, deleted, then asked for',
		provider: 'useapi',
		checks:
			'USEAPI_ASSUMPTIONS.assetDeleteReply; the upload reply and the 404 (the useapi.net reference, "Assets")',
		run: async (target) => {
			const email = target.useapi!.email;
			const query = `name=live-check.png${email ? `&email=${encodeURIComponent(email)}` : ''}`;
			const upload = await useapi(target, 'POST /assets', `/v1/runwayml/assets/?${query}`, {
				method: 'POST',
				headers: { 'content-type': 'image/png' },
				body: new Uint8Array(PNG_1PX),
			});
			const assetId = (upload.body as { assetId?: string } | undefined)?.assetId;
			if (!assetId) return [upload];
			return [
				upload,
				await useapi(target, 'DELETE /assets/{assetId}', `/v1/runwayml/assets/${assetId}`, {
					method: 'DELETE',
				}),
				await useapi(target, 'GET /assets/{deleted}', `/v1/runwayml/assets/${assetId}`),
			];
		},
	},
	{
		name: 'a wrong API token',
		provider: 'useapi',
		checks: 'the 401 of GET /v2/account (the useapi.net reference, "Account endpoints")',
		run: async (target) => [
			await useapi(
				{ ...target, useapi: { ...target.useapi!, token: 'user:0-not-a-token' } },
				'GET /v2/account',
				'/v2/account',
			),
		],
	},
];

/** Assumptions no cheap request can exercise; reported, never sent. */
export const NOT_CHECKED = [
	'useapi.net 422 text (USEAPI_ASSUMPTIONS.moderatedText): needs a prompt Runway moderates, which risks the account',
	'useapi.net 596 text (USEAPI_ASSUMPTIONS.brokenAccountText): needs a linked account in an error state',
];
