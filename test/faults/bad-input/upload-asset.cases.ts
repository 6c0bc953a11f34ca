import { fileItem, type BadInputTable } from './types';

const MB = 1024 * 1024;
const RUNWAY_TASK = 'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-00000000000b';

/** Upload Asset: uploads from a binary property or a URL, deletions by id. */
export const uploadAssetBadInputs: BadInputTable = {
	node: 'uploadAsset',
	name: 'Upload Asset',
	credentials: ['runwareApi', 'useApiApi'],
	parameters: {
		provider: 'runware',
		operation: 'upload',
		source: 'binary',
		binaryPropertyName: 'data',
	},
	item: fileItem(4096, 'image/png', 'frame.png'),
	cases: [
		{
			title: 'a binary property the item does not have',
			parameters: { binaryPropertyName: 'photo' },
			field: "'photo'",
			allowed: /binary field 'photo'/,
		},
		{
			title: 'a file Runware does not take',
			item: fileItem(4096, 'application/pdf', 'brief.pdf'),
			field: 'brief.pdf',
			allowed: /Runware accepts: image\/png, image\/jpeg, image\/webp, video\/mp4/,
		},
		{
			title: 'a file useapi.net does not take',
			parameters: { provider: 'runway' },
			item: fileItem(4096, 'text/plain', 'notes.txt'),
			field: 'notes.txt',
			allowed: /useapi\.net \(Runway\) accepts: .*image\/png/,
		},
		{
			title: 'an image larger than Runware video models take',
			item: fileItem(21 * MB, 'image/png', 'huge.png'),
			field: 'huge.png',
			allowed: /more than the 20 MB Runware video models take$/,
		},
		{
			title: 'an empty file',
			parameters: { provider: 'runway' },
			item: fileItem(0, 'image/png', 'empty.png'),
			field: 'empty.png',
			allowed: /is empty/,
		},
		{
			title: 'a URL that is not http(s)',
			parameters: { source: 'url', url: 'ftp://files.example.com/a.png' },
			field: 'ftp://files.example.com/a.png',
			allowed: /is not an http\(s\) URL$/,
		},
		{
			title: 'a URL from an expression that gives nothing',
			parameters: { source: 'url', url: '={{ $json.link }}' },
			field: 'URL',
			allowed: /^The URL is empty$/,
		},
		{
			title: 'a Runware media UUID that is no UUID',
			parameters: { operation: 'delete', mediaUUID: 'frame.png' },
			field: '"frame.png"',
			allowed: /is not a Runware media UUID$/,
		},
		{
			title: 'a Runway asset id that is a task id',
			parameters: { provider: 'runway', operation: 'delete', assetId: RUNWAY_TASK },
			field: 'useapi.net Runway asset ID',
			allowed: /\(user:<number>-runwayml:<account email>-asset:<uuid>\)$/,
		},
		{
			title: 'an item without a Runway asset id',
			parameters: { provider: 'runway', operation: 'delete' },
			item: { json: {} },
			field: 'assetId',
			allowed: /No assetId to delete/,
		},
	],
};
