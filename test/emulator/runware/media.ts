import { extensionFor, sniffContentType } from '../media/files';
import type { SharedState } from '../state';
import type { RunwareError } from './errors';
import { codeFor, taskError } from './errors';

const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+);base64,(.*)$/is;
const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;

/** Media known under a UUID: uploads (mediaStorage, imageUpload) and generated videos. */
export class RunwareMediaStore {
	private media = new Map<string, { url: string }>();

	constructor(private readonly shared: SharedState) {}

	has(uuid: string): boolean {
		return this.media.has(uuid);
	}

	add(uuid: string, url: string): void {
		this.media.set(uuid, { url });
	}

	clear(): void {
		this.media.clear();
	}

	/** `mediaStorage` with `operation: upload | delete`. */
	mediaStorage(
		task: Record<string, unknown>,
		taskUUID: string,
	): Record<string, unknown> | RunwareError {
		const operation = task.operation ?? 'upload';
		if (operation === 'delete') return this.delete(task, taskUUID);
		if (operation !== 'upload') {
			return taskError(
				'invalidOperation',
				`Invalid operation ${JSON.stringify(operation)}.`,
				taskUUID,
				{
					parameter: 'operation',
					taskType: 'mediaStorage',
					allowedValues: ['upload', 'delete'],
				},
			);
		}
		const stored = this.store(task.media, 'media', 'mediaStorage', taskUUID);
		if ('code' in stored) return stored;
		return { taskType: 'mediaStorage', taskUUID, mediaUUID: stored.uuid, mediaURL: stored.url };
	}

	/** Legacy `imageUpload`: `image` → `imageUUID`. */
	imageUpload(
		task: Record<string, unknown>,
		taskUUID: string,
	): Record<string, unknown> | RunwareError {
		const stored = this.store(task.image, 'image', 'imageUpload', taskUUID);
		if ('code' in stored) return stored;
		return { taskType: 'imageUpload', taskUUID, imageUUID: stored.uuid, imageURL: stored.url };
	}

	private delete(
		task: Record<string, unknown>,
		taskUUID: string,
	): Record<string, unknown> | RunwareError {
		const uuid = task.media;
		if (typeof uuid !== 'string' || !this.media.has(uuid)) {
			return taskError('mediaNotFound', `No media with UUID ${JSON.stringify(uuid)}.`, taskUUID, {
				parameter: 'media',
				taskType: 'mediaStorage',
			});
		}
		this.media.delete(uuid);
		this.shared.files.delete(uuid);
		return { taskType: 'mediaStorage', taskUUID, operation: 'delete', mediaUUID: uuid };
	}

	/** Accepts a public URL, a data URI or raw base64 (reference "Uploads"). */
	private store(
		value: unknown,
		parameter: string,
		taskType: string,
		taskUUID: string,
	): { uuid: string; url: string } | RunwareError {
		const invalid = (why: string) =>
			taskError(
				codeFor('invalid', parameter),
				`Invalid value for ${parameter}: ${why}.`,
				taskUUID,
				{
					parameter,
					taskType,
				},
			);
		if (typeof value !== 'string' || value === '')
			return invalid('a URL, data URI or base64 string is required');
		const uuid = this.shared.rng.uuid();
		if (/^https?:\/\//i.test(value)) {
			if (!URL.canParse(value)) return invalid('not a valid URL');
			this.media.set(uuid, { url: value });
			return { uuid, url: value };
		}
		const dataUri = DATA_URI.exec(value);
		const base64 = dataUri ? dataUri[2] : value;
		if (!BASE64.test(base64)) return invalid('not valid base64 data');
		const data = Buffer.from(base64, 'base64');
		if (data.length === 0) return invalid('the media is empty');
		const contentType = dataUri ? dataUri[1].toLowerCase() : sniffContentType(data);
		const url = this.shared.files.put(uuid, extensionFor(contentType), {
			kind: 'upload',
			contentType,
			data,
			bytes: data.length,
		});
		this.media.set(uuid, { url });
		return { uuid, url };
	}
}
