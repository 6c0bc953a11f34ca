/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BinaryDataConfig, BinaryDataService, ErrorReporter } from 'n8n-core';

import { Container, Logger } from './n8n-core-services';

export interface FilesystemBinaryData {
	storagePath: string;
	restore(): Promise<void>;
}

let active: FilesystemBinaryData | undefined;

/**
 * Puts an initialised `BinaryDataService` in filesystem mode into n8n's DI container, storing under
 * a fresh temp folder, so `prepareBinaryData(stream)` writes to disk and binaries carry an `id`
 * readable with `getBinaryStream`. Without it n8n-core's service has no manager and keeps binary
 * data inline as base64. The container is process-wide: one filesystem harness at a time.
 */
export async function useFilesystemBinaryData(): Promise<FilesystemBinaryData> {
	if (active)
		throw new Error('Another harness already uses filesystem binary data: close it first');

	const storagePath = await mkdtemp(path.join(tmpdir(), 'n8n-harness-binary-'));
	const previousService = Container.get(BinaryDataService);
	const config = Container.get(BinaryDataConfig);
	const previousConfig = { mode: config.mode, localStoragePath: config.localStoragePath };

	config.mode = 'filesystem';
	config.localStoragePath = storagePath;
	const service = new BinaryDataService(
		config,
		Container.get(ErrorReporter),
		Container.get(Logger),
	);
	await service.init();
	Container.set(BinaryDataService, service);

	const handle: FilesystemBinaryData = {
		storagePath,
		restore: async () => {
			Container.set(BinaryDataService, previousService);
			Object.assign(config, previousConfig);
			active = undefined;
			await rm(storagePath, { recursive: true, force: true });
		},
	};
	active = handle;
	return handle;
}
