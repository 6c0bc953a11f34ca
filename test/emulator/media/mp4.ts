/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const SAMPLE_PATH = join(__dirname, '..', 'assets', 'sample.mp4');
const CHUNK_BYTES = 64 * 1024;
const MAX_32_BIT = 0xffffffff;

let sample: Buffer | undefined;

/** The committed 2-second, 160x90, 24 fps H.264 + AAC sample. */
export function sampleMp4(): Buffer {
	sample ??= readFileSync(SAMPLE_PATH);
	return sample;
}

/** Frame rate, duration and size of the sample, for result metadata. */
export const SAMPLE_METADATA = { frameRate: 24, duration: 2, width: 160, height: 90 } as const;

/** The smallest padding an MP4 `free` box can provide is its own 8-byte header. */
const MIN_PADDING = 8;

/**
 * Size actually served for a requested size: the request itself when a `free` box can make it up,
 * else the bare sample.
 */
export function paddedMp4Length(requestedBytes: number | undefined): number {
	const base = sampleMp4().length;
	if (requestedBytes === undefined || requestedBytes - base < MIN_PADDING) return base;
	return Math.floor(requestedBytes);
}

function freeBoxHeader(boxBytes: number): Buffer {
	if (boxBytes <= MAX_32_BIT) {
		const header = Buffer.alloc(8);
		header.writeUInt32BE(boxBytes, 0);
		header.write('free', 4, 'ascii');
		return header;
	}
	// 64-bit box: size field 1, then the real size after the type.
	const header = Buffer.alloc(16);
	header.writeUInt32BE(1, 0);
	header.write('free', 4, 'ascii');
	header.writeBigUInt64BE(BigInt(boxBytes), 8);
	return header;
}

function* paddedChunks(totalBytes: number): Generator<Buffer> {
	const base = sampleMp4();
	yield base;
	const padding = totalBytes - base.length;
	if (padding <= 0) return;
	const header = freeBoxHeader(padding);
	yield header;
	// One shared zero chunk: never modified, so handing it out repeatedly is safe and keeps memory flat.
	const zeros = Buffer.alloc(CHUNK_BYTES);
	let left = padding - header.length;
	while (left > 0) {
		const size = Math.min(left, CHUNK_BYTES);
		yield size === CHUNK_BYTES ? zeros : zeros.subarray(0, size);
		left -= size;
	}
}

/** The sample followed by a `free` box up to `totalBytes` (a value from `paddedMp4Length`). */
export function paddedMp4Stream(totalBytes: number): Readable {
	return Readable.from(paddedChunks(totalBytes), { objectMode: false });
}
