import { randomUUID } from 'node:crypto';

import type { Emulator } from '../../emulator';
import { SECRETS } from './env';

/**
 * Direct calls of the emulated APIs, the way another workflow (or a video node in Submit Only mode) would have made
 * them: the tasks, media and assets a Poll Task or Upload Asset run then works on.
 */
async function call(url: string, init: RequestInit): Promise<unknown> {
	const response = await fetch(url, init);
	const body: unknown = await response.json();
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${JSON.stringify(body)}`);
	return body;
}

const runwareCall = async (emulator: Emulator, tasks: object[]) =>
	(await call(emulator.runwareUrl, {
		method: 'POST',
		headers: { authorization: `Bearer ${SECRETS.runware}`, 'content-type': 'application/json' },
		body: JSON.stringify(tasks),
	})) as { data: Array<Record<string, string>> };

const useApiCall = async (emulator: Emulator, path: string, init: RequestInit) =>
	(await call(`${emulator.useApiUrl}${path}`, {
		...init,
		headers: { authorization: `Bearer ${SECRETS.useapi}`, ...init.headers },
	})) as Record<string, unknown>;

/** Starts `count` Runware video tasks (one request) and returns their taskUUIDs. */
export async function createRunwareTasks(emulator: Emulator, count: number): Promise<string[]> {
	const uuids = Array.from({ length: count }, () => randomUUID());
	await runwareCall(
		emulator,
		uuids.map((taskUUID, index) => ({
			taskType: 'videoInference',
			taskUUID,
			deliveryMethod: 'async',
			model: 'openai:3@1',
			positivePrompt: `Poll scene ${index + 1}`,
			duration: 4,
		})),
	);
	return uuids;
}

/** Starts `count` Runway tasks and returns their taskIds. */
export async function createRunwayTasks(emulator: Emulator, count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const body = await useApiCall(emulator, '/v1/runwayml/videos/create', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ model: 'gen4.5', text_prompt: `Poll scene ${index + 1}` }),
		});
		ids.push(String((body.task as Record<string, unknown>).taskId));
	}
	return ids;
}

/** Stores `count` small files at Runware and returns their mediaUUIDs. */
export async function storeRunwareMedia(emulator: Emulator, count: number): Promise<string[]> {
	const media = `data:image/png;base64,${Buffer.alloc(64, 7).toString('base64')}`;
	const { data } = await runwareCall(
		emulator,
		Array.from({ length: count }, () => ({
			taskType: 'mediaStorage',
			taskUUID: randomUUID(),
			operation: 'upload',
			media,
		})),
	);
	return data.map((item) => item.mediaUUID);
}

/** Uploads `count` small images as Runway assets of account `email` and returns their assetIds. */
export async function uploadRunwayAssets(
	emulator: Emulator,
	count: number,
	email: string,
): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const query = `name=asset-${index + 1}.png&email=${encodeURIComponent(email)}`;
		const body = await useApiCall(emulator, `/v1/runwayml/assets/?${query}`, {
			method: 'POST',
			headers: { 'content-type': 'image/png' },
			body: new Uint8Array(Buffer.alloc(64, 7)),
		});
		ids.push(String(body.assetId));
	}
	return ids;
}

/** Resolves once every task in `taskIds` has ended at the emulator. */
export async function tasksDone(emulator: Emulator, taskIds: readonly string[]): Promise<void> {
	for (const taskId of taskIds) {
		await emulator.waitForEvent((event) => event.type === 'taskDone' && event.taskId === taskId);
	}
}
