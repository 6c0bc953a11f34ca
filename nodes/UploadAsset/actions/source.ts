import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binarySource, urlSource, type UploadSource } from '../../shared/binary/source';
import { TypedParameters } from '../../shared/parameters';

const SOURCE_KINDS = ['binary', 'url'] as const;

function readUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	const given = ctx.getNodeParameter('url', itemIndex, '');
	const url = (new TypedParameters(ctx, itemIndex).text('URL', given) ?? '').trim();
	if (/^https?:\/\/[^/]/i.test(url) && URL.canParse(url)) return url;
	throw new NodeOperationError(
		ctx.getNode(),
		url === '' ? 'The URL is empty' : `"${url}" is not an http(s) URL`,
		{ itemIndex },
	);
}

/**
 * The file to upload for item `itemIndex`: a binary property of the item, or a URL whose download is opened to learn
 * its type and size. Call `discard()` when done.
 */
export async function readUploadSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	signal: AbortSignal | undefined,
): Promise<UploadSource> {
	const read = new TypedParameters(ctx, itemIndex);
	const kind = read.oneOf(
		'Source',
		ctx.getNodeParameter('source', itemIndex, 'binary'),
		SOURCE_KINDS,
	);
	if (kind === 'url') return await urlSource(ctx, itemIndex, readUrl(ctx, itemIndex), signal);
	const given = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data');
	return await binarySource(ctx, itemIndex, (read.text('Input Binary Field', given) ?? '').trim());
}
