import type { INodeProperties } from 'n8n-workflow';

import type { RunwareMediaField } from '../../shared/providers/runware/body';
import { hiddenUnlessAccepted, mergeHideRules } from './visibility';
import { choicesOfModel } from './model.description';

/** Where a media input comes from: text the API takes as it is, or a file of the input item. */
export type MediaSource = 'text' | 'binary';

interface MediaKind {
	/** Name of the text field, as the API names the value. */
	valueName: string;
	noun: string;
	formats: string;
}

/** The fixed-collection entry name and the value field of each media parameter. */
export const MEDIA_ENTRIES: Record<RunwareMediaField, { entry: string; kind: MediaKind }> = {
	frameImages: {
		entry: 'frameImage',
		kind: { valueName: 'inputImage', noun: 'Image', formats: 'PNG, JPG or WEBP' },
	},
	referenceImages: {
		entry: 'image',
		kind: { valueName: 'image', noun: 'Image', formats: 'PNG, JPG or WEBP' },
	},
	referenceVideos: {
		entry: 'video',
		kind: { valueName: 'video', noun: 'Video', formats: 'MP4, MOV or WEBM' },
	},
	inputAudios: {
		entry: 'audio',
		kind: { valueName: 'audio', noun: 'Audio', formats: 'MP3, WAV or FLAC' },
	},
};

function sourceFields(kind: MediaKind): INodeProperties[] {
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'text',
			options: [
				{
					name: 'UUID, URL, Data URI or Base64',
					value: 'text',
					description: `An uploaded ${kind.noun.toLowerCase()}'s UUID, a public URL, a data URI or base64 text`,
				},
				{
					name: 'Binary File',
					value: 'binary',
					description:
						'A file of the input item: sent inline when small, uploaded to Runware first when large',
				},
			],
		},
		{
			displayName: kind.noun,
			name: kind.valueName,
			type: 'string',
			default: '',
			placeholder: 'e.g. 6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40 or https://example.com/input.png',
			hint: "A mediaUUID from Upload Asset's output, a public URL, a data URI or base64 text",
			description: `UUID, URL, data URI or base64 of the ${kind.noun.toLowerCase()} (${kind.formats})`,
			displayOptions: { show: { source: ['text'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: `The name of the input binary field holding the ${kind.noun.toLowerCase()}`,
			displayOptions: { show: { source: ['binary'] } },
		},
	];
}

function mediaCollection(
	field: RunwareMediaField,
	displayName: string,
	description: string,
	extraFields: INodeProperties[] = [],
): INodeProperties {
	const { entry, kind } = MEDIA_ENTRIES[field];
	return {
		displayName,
		name: field,
		type: 'fixedCollection',
		placeholder: `Add ${kind.noun}`,
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description,
		displayOptions: mergeHideRules(hiddenUnlessAccepted(field)),
		options: [
			{
				name: entry,
				displayName: kind.noun,
				values: [...sourceFields(kind), ...extraFields],
			},
		],
	};
}

const framePositionFields: INodeProperties[] = [
	{
		displayName: 'Frame',
		name: 'frame',
		type: 'options',
		default: 'auto',
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description:
					'One image: first frame; two: first and last; more: first, last and evenly spaced between',
			},
			{ name: 'First', value: 'first' },
			{ name: 'Last', value: 'last' },
			{ name: 'Frame Number', value: 'number' },
		],
	},
	{
		displayName: 'Frame Number',
		name: 'frameNumber',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: '0 is the first frame; the last is duration × fps − 1',
		displayOptions: { show: { frame: ['number'] } },
	},
];

export const mediaProperties: INodeProperties[] = [
	mediaCollection(
		'frameImages',
		'Frame Images',
		'Images the video must show at given frames (image-to-video)',
		framePositionFields,
	),
	mediaCollection(
		'referenceImages',
		'Reference Images',
		'Images that guide the look of the whole video without fixing a frame',
	),
	mediaCollection(
		'referenceVideos',
		'Reference Videos',
		'Videos that guide motion and style, or the video to edit or lip-sync',
	),
	mediaCollection('inputAudios', 'Input Audio', 'Audio that drives the video (lip-sync, avatars)'),
	{
		displayName: 'Speech',
		name: 'speech',
		type: 'collection',
		placeholder: 'Add Speech Field',
		default: {},
		description: 'Text-to-speech audio for lip-sync models, instead of an input audio',
		displayOptions: mergeHideRules(hiddenUnlessAccepted('speech')),
		options: [
			{
				displayName: 'Voice Name or ID',
				name: 'voice',
				type: 'options',
				typeOptions: choicesOfModel('getVoices'),
				default: '',
				description:
					'Voice that speaks the text. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				default: '',
				typeOptions: { rows: 2 },
				description: 'What the voice says',
			},
		],
	},
];
