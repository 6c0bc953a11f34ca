import { createHash } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** How the emulator records an asset upload whose raw body is `data`, sent as `contentType`. */
export function rawUpload(data: Buffer, contentType: string) {
	return { kind: 'raw', bytes: data.length, contentType, sha256: sha256(data) };
}

/** A file that starts like a PNG. */
export function png(bytes: number): Buffer {
	const data = Buffer.alloc(bytes, 7);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
	return data;
}

/** A file that starts like an MP4. */
export function mp4(bytes: number): Buffer {
	const data = Buffer.alloc(bytes, 2);
	Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom')]).copy(data);
	return data;
}

/** An input item with one file in binary property `property` (inline, as a start node gives it). */
export function fileItem(
	data: Buffer,
	mimeType: string,
	fileName: string,
	property = 'data',
): INodeExecutionData {
	return {
		json: { fileName },
		binary: { [property]: { data: data.toString('base64'), mimeType, fileName } },
	};
}

export async function download(url: string): Promise<Buffer> {
	return Buffer.from(await (await fetch(url)).arrayBuffer());
}
