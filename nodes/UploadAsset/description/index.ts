import type { INodeProperties } from 'n8n-workflow';

import { ANY_ACCOUNT, CREDENTIAL_ACCOUNT } from '../../shared/providers/runway/accounts';

import { providerProperty } from '../../shared/descriptions/provider';

export type { ProviderName as AssetProviderName } from '../../shared/descriptions/provider';
export type AssetOperation = 'upload' | 'list' | 'delete';

const runware = { provider: ['runware'] };
const runway = { provider: ['runway'] };

const operationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'upload',
		displayOptions: { show: runware },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an uploaded file',
				description: 'Delete a file stored with mediaStorage',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description: 'Store an image, video or audio file and output its mediaUUID',
			},
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'upload',
		displayOptions: { show: runway },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an asset',
				description: 'Delete an asset from its Runway account',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List assets',
				description: 'List the assets stored in the linked Runway accounts',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an asset',
				description: 'Upload an image, video or audio file and output its assetId',
			},
		],
	},
];

const upload = { operation: ['upload'] };

const sourceProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'binary',
		displayOptions: { show: upload },
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description:
					'A file of the input item (streamed when n8n keeps it on disk or in a database)',
			},
			{
				name: 'URL',
				value: 'url',
				description: 'A file on the web, reachable without credentials',
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file to upload',
		displayOptions: { show: { ...upload, source: ['binary'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/photo.png',
		description:
			'Where to fetch the file from. Runware fetches it itself; for Runway the node streams it to useapi.net.',
		displayOptions: { show: { ...upload, source: ['url'] } },
	},
];

const runwareUploadProperties: INodeProperties[] = [
	{
		displayName: 'Store Images With Image Upload',
		name: 'imageUpload',
		type: 'boolean',
		default: false,
		description:
			"Whether to store images with Runware's imageUpload task instead of mediaStorage: Runware scales them to at most 2048 px (the size most video models take) and deletes them 30 days after their last use",
		displayOptions: { show: { ...runware, ...upload } },
	},
];

const runwayUploadProperties: INodeProperties[] = [
	{
		displayName: 'Runway Account Name or ID',
		name: 'email',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUploadAccounts' },
		default: CREDENTIAL_ACCOUNT,
		description:
			'The linked Runway account to store the asset in. It runs every generation that uses the asset. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { ...runway, ...upload } },
	},
	{
		displayName: 'Asset Name',
		name: 'assetName',
		type: 'string',
		default: '',
		placeholder: 'e.g. first-frame.png',
		description: "The name in Runway's asset library. Empty: the file name.",
		displayOptions: { show: { ...runway, ...upload } },
	},
];

const list = { ...runway, operation: ['list'] };

const listProperties: INodeProperties[] = [
	{
		displayName: 'Runway Account Name or ID',
		name: 'listAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getListAccounts' },
		default: ANY_ACCOUNT,
		description:
			'Whose assets to list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: list },
	},
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		default: '',
		options: [
			{ name: 'All', value: '' },
			{ name: 'Audio', value: 'audio' },
			{ name: 'Image', value: 'image' },
			{ name: 'Video', value: 'video' },
		],
		displayOptions: { show: list },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: list },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...list, returnAll: [false] } },
	},
];

const deleteProperties: INodeProperties[] = [
	{
		displayName: 'Media UUID',
		name: 'mediaUUID',
		type: 'string',
		required: true,
		default: '={{ $json.mediaUUID }}',
		placeholder: 'e.g. 6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40',
		hint: "From the upload's mediaUUID output: the default reads it from the input item",
		description: 'The mediaUUID to delete, a UUID',
		displayOptions: { show: { ...runware, operation: ['delete'] } },
	},
	{
		displayName: 'Asset ID',
		name: 'assetId',
		type: 'string',
		required: true,
		default: '={{ $json.assetId }}',
		placeholder: 'e.g. user:12345-runwayml:you@example.com-asset:<uuid>',
		hint: "From the upload's or the list's assetId output: the default reads it from the input item",
		description: 'The assetId to delete',
		displayOptions: { show: { ...runway, operation: ['delete'] } },
	},
];

export const uploadAssetProperties: INodeProperties[] = [
	providerProperty({
		runware: 'Media for the Runware Video node (frame, reference and audio inputs)',
		runway: 'Assets for the Runway Video node (image, video and keyframe asset IDs)',
	}),
	...operationProperties,
	...sourceProperties,
	...runwareUploadProperties,
	...runwayUploadProperties,
	...listProperties,
	...deleteProperties,
];
