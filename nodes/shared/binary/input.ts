import type { IExecuteFunctions } from 'n8n-workflow';

type BinaryStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/** A file taken from a binary property of an input item, read only when asked. */
export interface BinaryInput {
	propertyName: string;
	fileName: string;
	mimeType: string;
	/** Size in bytes. */
	size: number;
	/** The whole file in memory. */
	buffer(): Promise<Buffer>;
	/**
	 * The file as an HTTP request body: a stream when n8n keeps it in its binary store (filesystem or
	 * database mode), so memory does not grow with the file, else the buffer it already holds.
	 */
	body(): Promise<BinaryStream | Buffer>;
	/** `data:<mime>;base64,<data>`, the inline form media fields of the providers accept; `mimeType` overrides the file's. */
	dataUri(mimeType?: string): Promise<string>;
}

const STREAM_CHUNK_BYTES = 256 * 1024;

/** Bytes encoded by a base64 string, without decoding it. */
export function base64ByteLength(base64: string): number {
	const clean = base64.replace(/\s/g, '');
	const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/**
 * Reads the file in binary property `propertyName` of item `itemIndex`. Fails with n8n's own message
 * when the item has no such property. Stored binaries (with an `id`) are streamed; inline ones (base64
 * in the item) are decoded from memory.
 */
export async function readBinaryInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<BinaryInput> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const id = binary.id;
	const metadata = id ? await ctx.helpers.getBinaryMetadata(id) : undefined;
	const mimeType = binary.mimeType || metadata?.mimeType || 'application/octet-stream';
	const buffer = async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return {
		propertyName,
		fileName: binary.fileName ?? metadata?.fileName ?? propertyName,
		mimeType,
		size: metadata?.fileSize ?? base64ByteLength(binary.data),
		buffer,
		body: async () =>
			id ? await ctx.helpers.getBinaryStream(id, STREAM_CHUNK_BYTES) : await buffer(),
		dataUri: async (type = mimeType) =>
			`data:${type};base64,${id ? (await buffer()).toString('base64') : binary.data.replace(/\s/g, '')}`,
	};
}
