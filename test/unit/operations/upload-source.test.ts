import { readUploadSource } from '../../../nodes/UploadAsset/actions/source';
import type { UploadSource } from '../../../nodes/shared/binary/source';
import { mimeTypeCandidates } from '../../../nodes/shared/binary/mimeTypes';
import {
	RUNWAY_ASSET_CONTENT_TYPES,
	runwayAssetFileType,
} from '../../../nodes/shared/providers/runway/assets';
import { executeContext } from './context';

/** A file of the input item as Upload Asset reads it (no bytes needed: the checks come before any upload). */
function file(fileName: string, mimeType: string, size: number): UploadSource {
	const body = async () => Buffer.alloc(0);
	return {
		kind: 'binary',
		input: {
			propertyName: 'data',
			fileName,
			mimeType,
			size,
			buffer: body,
			body,
			dataUri: async () => `data:${mimeType};base64,`,
		},
		fileName,
		mimeTypes: mimeTypeCandidates(mimeType, fileName),
		size,
		open: body,
		discard: () => undefined,
	};
}

const ctx = executeContext([{}]);

describe('Upload Asset: the source of the file', () => {
	it.each(['ftp://files.example.test/cat.png', 'file:///tmp/cat.png', 'cat.png', '   '])(
		'refuses %j before any request: the URL must be http(s)',
		async (url) => {
			const context = executeContext([{ parameters: { source: 'url', url } }]);
			await expect(readUploadSource(context, 0, undefined)).rejects.toThrow(
				url.trim() === '' ? 'The URL is empty' : 'is not an http(s) URL',
			);
		},
	);
});

describe('Upload Asset (Runway): the file type, from useapi.net’s allow-list', () => {
	it.each(RUNWAY_ASSET_CONTENT_TYPES)('uploads %s as it is', (type) => {
		expect(runwayAssetFileType(ctx, 0, file('upload', type, 10))).toBe(type);
	});

	it.each([
		['image/jpg', 'image/jpeg'],
		['application/octet-stream', 'image/png'],
	])('sends a file declared %s as %s (never octet-stream)', (declared, sent) => {
		expect(runwayAssetFileType(ctx, 0, file('cat.png', declared, 10))).toBe(sent);
	});

	it('refuses a type useapi.net does not take, naming the types it takes', () => {
		expect(() => runwayAssetFileType(ctx, 0, file('notes.pdf', 'application/pdf', 10))).toThrow(
			expect.objectContaining({
				message: 'notes.pdf is of type application/pdf, which useapi.net (Runway) does not accept',
				description: `useapi.net (Runway) accepts: ${RUNWAY_ASSET_CONTENT_TYPES.join(', ')}.`,
			}),
		);
	});

	it('refuses an empty file', () => {
		expect(() => runwayAssetFileType(ctx, 0, file('cat.png', 'image/png', 0))).toThrow(
			'cat.png is empty',
		);
	});
});
