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
		// Choices, flags and numbers from expressions: one of the choices or refused, never taken for a default.
		{
			title: 'a source that is not one of the choices',
			// With the source an expression, n8n shows (and requires) the URL field too.
			parameters: { source: '={{ "ftp" }}', url: 'http://127.0.0.1:9/a.png' },
			field: 'Source "ftp"',
			allowed: /allowed binary, url$/,
		},
		{
			title: 'an image-upload flag that is not true or false',
			parameters: { imageUpload: '={{ "yes" }}' },
			field: 'Store Images With Image Upload (imageUpload) "yes"',
			allowed: /allowed true or false$/,
		},
		{
			title: 'a list media type that is not one of the choices',
			parameters: { provider: 'runway', operation: 'list', mediaType: '={{ "pdf" }}' },
			field: 'Media Type (mediaType) "pdf"',
			allowed: /allowed image, video, audio$/,
		},
		{
			title: 'a list limit of 0',
			parameters: { provider: 'runway', operation: 'list', returnAll: false, limit: 0 },
			field: 'Limit (limit) 0',
			allowed: /allowed a whole number from 1 to 1000$/,
		},
		{
			title: 'a list limit in hexadecimal',
			parameters: {
				provider: 'runway',
				operation: 'list',
				returnAll: false,
				limit: '={{ "0x0A" }}',
			},
			field: 'Limit (limit) "0x0A"',
			allowed: /allowed a whole number from 1 to 1000$/,
		},
		{
			title: 'a return-all flag that is not true or false',
			parameters: { provider: 'runway', operation: 'list', returnAll: '={{ "all" }}' },
			field: 'Return All "all"',
			allowed: /allowed true or false$/,
		},
		// Text fields refuse lists and objects.
		{
			title: 'a URL that is a list',
			parameters: { source: 'url', url: '={{ ["http://127.0.0.1:9/a.png"] }}' },
			field: 'URL',
			allowed: /must be text, not a list of 1 item$/,
		},
		{
			title: 'an asset name that is an object',
			parameters: { provider: 'runway', assetName: '={{ { name: "frame" } }}' },
			field: 'Asset Name (name)',
			allowed: /must be text, not an object$/,
		},
		{
			title: 'a Runway account that is an object',
			parameters: { provider: 'runway', email: '={{ { email: "first@runway.test" } }}' },
			field: 'Runway Account Name or ID (email)',
			allowed: /must be text, not an object$/,
		},
		{
			title: 'an input binary field that is a list',
			parameters: { binaryPropertyName: '={{ ["data"] }}' },
			field: 'Input Binary Field',
			allowed: /must be text, not a list of 1 item$/,
		},
	],
};
