/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { Readable } from 'node:stream';

import type { Reply, RequestContext } from '../http';
import { json } from '../http';
import { paddedMp4Length, paddedMp4Stream } from './mp4';

/**
 * Files served under `/files/<id>.<ext>`: generated videos (the sample padded to a size) and
 * uploaded media (their own bytes, or a padded sample when the upload was too big to keep).
 */
export type StoredFile =
	| { kind: 'video'; bytes?: number }
	| { kind: 'upload'; contentType: string; data?: Buffer; bytes: number };

const CONTENT_TYPES: Record<string, string> = {
	mp4: 'video/mp4',
	webm: 'video/webm',
	mov: 'video/quicktime',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	flac: 'audio/flac',
	bin: 'application/octet-stream',
};

const EXTENSIONS: Record<string, string> = Object.fromEntries(
	Object.entries(CONTENT_TYPES)
		.filter(([extension]) => extension !== 'jpeg')
		.map(([extension, type]) => [type, extension]),
);

export function extensionFor(contentType: string): string {
	return EXTENSIONS[contentType.toLowerCase()] ?? contentType.split('/')[1]?.toLowerCase() ?? 'bin';
}

/** Content type from the first bytes, for raw base64 uploads that name none. */
export function sniffContentType(data: Buffer): string {
	const ascii = (start: number, end: number) => data.subarray(start, end).toString('latin1');
	if (data[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
	if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
	if (ascii(4, 8) === 'ftyp') return 'video/mp4';
	if (ascii(0, 3) === 'ID3') return 'audio/mpeg';
	return 'application/octet-stream';
}

export class FileStore {
	private files = new Map<string, StoredFile>();

	constructor(private readonly baseUrl: () => string) {}

	/** Registers a file and returns its public URL. */
	put(id: string, extension: string, file: StoredFile): string {
		this.files.set(id, file);
		return `${this.baseUrl()}/files/${id}.${extension}`;
	}

	delete(id: string): boolean {
		return this.files.delete(id);
	}

	clear(): void {
		this.files.clear();
	}

	/** GET/HEAD `/files/<id>.<ext>`: no auth; `?bytes=N` sets the size of a video. */
	serve(ctx: RequestContext): Reply {
		const match = /^([^/.]+)\.([A-Za-z0-9]+)$/.exec(ctx.params[0] ?? '');
		const file = match ? this.files.get(match[1]) : undefined;
		if (!match || !file) return json(404, { error: 'Not found.', code: 404 });
		const requested = Number(ctx.query.get('bytes') ?? Number.NaN);
		const override = Number.isFinite(requested) && requested >= 0 ? requested : undefined;
		const contentType =
			file.kind === 'upload'
				? file.contentType
				: (CONTENT_TYPES[match[2].toLowerCase()] ?? 'video/mp4');
		if (file.kind === 'upload' && file.data && override === undefined) {
			return bytesReply(contentType, file.data);
		}
		const length = paddedMp4Length(override ?? file.bytes);
		return {
			status: 200,
			headers: { 'content-type': contentType, 'accept-ranges': 'none' },
			stream: { body: paddedMp4Stream(length), length },
		};
	}
}

function bytesReply(contentType: string, data: Buffer): Reply {
	return {
		status: 200,
		headers: { 'content-type': contentType },
		stream: { body: Readable.from([data]), length: data.length },
	};
}
