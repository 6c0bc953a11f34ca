/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { psqlQuery } from '../../../scripts/n8n-local/postgres';
import { sampleMp4 } from '../../emulator';
import { e2eState } from '../../e2e/support/state';

export function queueState(): NonNullable<ReturnType<typeof e2eState>['queue']> {
	const { queue } = e2eState();
	if (!queue) throw new Error('No queue-mode stack: run these tests with `npm run test:e2e:queue`');
	return queue;
}

/** The log files of the processes that logged `line` (n8n's info-level scaling messages). */
export function logsWith(files: readonly string[], line: string): string[] {
	return files.filter((file) => fs.readFileSync(file, 'utf8').includes(line));
}

/** The workers (`worker-1`…, after their log files) that started a job of the execution. */
export function workersThatRan(executionId: string): string[] {
	return logsWith(queueState().workerLogs, `Worker started execution ${executionId} (job`).map(
		(file) => /(worker-\d+)\.log$/.exec(file)?.[1] ?? file,
	);
}

/** The user folder of each n8n process of the stack (`main`, `worker-1`…): queue.ts puts them side by side. */
export function userFolders(): Map<string, string> {
	const root = path.dirname(e2eState().userFolder);
	const names = ['main', ...fs.readdirSync(root).filter((name) => /^worker-\d+$/.test(name))];
	return new Map(names.map((name) => [name, path.join(root, name)]));
}

/**
 * Main put the execution on the queue and a worker ran it; main itself ran no job of it (main logs the enqueueing,
 * only a worker logs "Worker started execution").
 */
export function expectRanOnWorkers(executionId: string): void {
	const { mainLog, workerLogs } = queueState();
	const started = `Worker started execution ${executionId} (job`;
	expect(logsWith([mainLog], `Enqueued execution ${executionId} (job`)).toEqual([mainLog]);
	expect(logsWith([mainLog], started)).toEqual([]);
	expect(workersThatRan(executionId).length).toBeGreaterThan(0);
	expect(
		logsWith(workerLogs, `Worker finished execution ${executionId} (job`).length,
	).toBeGreaterThan(0);
}

/** A row of n8n's `binary_data` table, its bytes as their SHA-256. */
export interface StoredBinary {
	fileId: string;
	sourceType: string;
	sourceId: string;
	mimeType: string;
	fileSize: number;
	sha256: string;
}

/** Every `binary_data` row that belongs to one of the executions. */
export function binaryRowsOf(executionIds: readonly string[]): StoredBinary[] {
	const rows = psqlQuery(
		queueState().postgres,
		`SELECT coalesce(json_agg(json_build_object('fileId', "fileId", 'sourceType', "sourceType",
			'sourceId', "sourceId", 'mimeType', "mimeType", 'fileSize', "fileSize",
			'sha256', encode(sha256(data), 'hex'))), '[]')
		FROM binary_data WHERE "sourceId" IN (${executionIds.map((id) => `'${id}'`).join(', ')})`,
	);
	return JSON.parse(rows) as StoredBinary[];
}

/** The `binary_data` file id an item's `data` field points at (`database:<uuid>`). */
export function storedFileId(item: INodeExecutionData): string {
	const id = item.binary?.data?.id ?? '';
	expect(id).toMatch(/^database:[0-9a-f-]{36}$/);
	return id.slice('database:'.length);
}

/** What the emulator served for a video: its size and SHA-256 (default: the bare sample). */
export interface ServedVideo {
	fileSize: number;
	sha256: string;
}

export function sampleVideo(): ServedVideo {
	const sample = sampleMp4();
	return { fileSize: sample.length, sha256: createHash('sha256').update(sample).digest('hex') };
}

/** Each item's video is a row of n8n's `binary_data` table, of this execution, holding the bytes the emulator served. */
export function expectVideosInPostgres(
	executionId: string,
	items: INodeExecutionData[],
	served: ServedVideo = sampleVideo(),
): void {
	const fileIds = items.map(storedFileId);
	const stored = binaryRowsOf([executionId]);
	expect(fileIds.map((id) => stored.find((row) => row.fileId === id))).toEqual(
		fileIds.map((fileId) => ({
			fileId,
			sourceType: 'execution',
			sourceId: executionId,
			mimeType: 'video/mp4',
			...served,
		})),
	);
}
