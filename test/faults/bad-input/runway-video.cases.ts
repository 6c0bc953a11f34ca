import { FIELDS_FROM_JSON } from '../../integration/runway-video/setup';
import type { BadInputTable } from './types';

const asset = (email: string, id: string) => `user:1-runwayml:${email}-asset:${id}`;
const FIRST_IMAGE = asset('first@runway.test', '0b7c1d2e-0000-4000-8000-000000000001');
const SECOND_IMAGE = asset('second@runway.test', '0b7c1d2e-0000-4000-8000-000000000002');

/** Runway Video: every field from the item's JSON, so that a case is one item; gen4.5 unless it says. */
export const runwayVideoBadInputs: BadInputTable = {
	node: 'runwayVideo',
	name: 'Runway Video',
	credentials: ['useApiApi'],
	parameters: { ...FIELDS_FROM_JSON, waitMode: 'wait', downloadVideo: false },
	item: { json: { model: 'gen4.5', text_prompt: 'A lighthouse in a storm at night' } },
	cases: [
		// Out-of-range numbers.
		{
			title: 'a duration outside the model range',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', duration: 12 } },
			field: 'duration 12',
			allowed: /whole seconds from 2 to 10$/,
		},
		{
			title: 'a duration the model does not offer',
			item: { json: { model: 'veo-3.1', text_prompt: 'A city', duration: 5 } },
			field: 'duration 5',
			allowed: /allowed values are 4, 6, 8 seconds$/,
		},
		{
			title: 'a seed above the range',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', seed: 5_000_000_000 } },
			field: 'seed 5000000000',
			allowed: /a whole number from 1 to 4294967294$/,
		},
		{
			title: 'a maxJobs above the range',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', maxJobs: 50 } },
			field: 'maxJobs 50',
			allowed: /a whole number from 1 to 10$/,
		},
		{
			title: 'a multishot shot longer than a shot may be',
			parameters: {
				multishot: {
					shots: [
						{ prompt: 'A city at dawn', duration: 20 },
						{ prompt: 'A city at dusk', duration: 3 },
					],
				},
			},
			item: { json: { model: 'kling-3.0-pro' } },
			field: 'multishot_duration_1 20',
			allowed: /whole seconds from 3 to 12 per shot$/,
		},
		// Wrong types (as expressions give them).
		{
			title: 'a duration that is text',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', duration: 'ten' } },
			field: 'duration "ten"',
			allowed: /whole seconds from 2 to 10$/,
		},
		{
			title: 'a seed that is not a whole number',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', seed: 2.5 } },
			field: 'seed 2.5',
			allowed: /a whole number from 1 to 4294967294$/,
		},
		{
			title: 'an aspect ratio that is a number',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', aspect_ratio: 1.78 } },
			field: 'aspect_ratio',
			allowed: /allowed values are 16:9$/,
		},
		{
			title: 'a character orientation that is neither image nor video',
			item: {
				json: {
					model: 'kling-3.0-motion-control',
					characterOrientation: 'sideways',
					imageAssetId1: FIRST_IMAGE,
					videoAssetId: asset('first@runway.test', '0b7c1d2e-0000-4000-8000-000000000003'),
				},
			},
			field: 'characterOrientation "sideways"',
			allowed: /use image or video$/,
		},
		// Fields the chosen model does not take.
		{
			title: 'a resolution for a model that picks its own',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', resolution: '1080p' } },
			field: 'resolution "1080p"',
			allowed: /models that accept resolution: /,
		},
		{
			title: 'a resolution the model does not offer',
			item: { json: { model: 'veo-3.1', text_prompt: 'A city', resolution: '4k' } },
			field: 'resolution "4k"',
			allowed: /allowed values are 720p, 1080p$/,
		},
		{
			title: 'an aspect ratio text-to-video does not offer',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', aspect_ratio: '9:16' } },
			field: 'aspect_ratio "9:16"',
			allowed: /allowed values are 16:9$/,
		},
		{
			title: 'explore mode on a model without it',
			item: { json: { model: 'veo-3.1', text_prompt: 'A city', exploreMode: true } },
			field: 'exploreMode',
			allowed: /models that accept exploreMode: /,
		},
		{
			title: 'a seed for a model without one',
			item: { json: { model: 'veo-3.1', text_prompt: 'A city', seed: 7 } },
			field: 'seed 7',
			allowed: /models that accept seed: /,
		},
		{
			title: 'a video asset for a model without video inputs',
			item: {
				json: {
					model: 'gen4.5',
					text_prompt: 'A city',
					videoAssetId: asset('first@runway.test', '0b7c1d2e-0000-4000-8000-000000000004'),
				},
			},
			field: 'videoAssetId',
			allowed: /its video slots: none/,
		},
		{
			title: 'a prompt for a model that takes none',
			item: {
				json: {
					model: 'wan-2.2-animate',
					text_prompt: 'Dance',
					imageAssetId1: FIRST_IMAGE,
					videoAssetId: asset('first@runway.test', '0b7c1d2e-0000-4000-8000-000000000005'),
				},
			},
			field: 'text_prompt',
			allowed: /models that accept text_prompt: /,
		},
		// Broken expressions' results.
		{
			title: 'a model from an expression that gives nothing',
			item: { json: { text_prompt: 'A city' } },
			field: 'model',
			allowed: /use one of .*gen4\.5/,
		},
		{
			title: 'a model that does not exist',
			item: { json: { model: 'gen-5', text_prompt: 'A city' } },
			field: 'model "gen-5"',
			allowed: /is unknown: use one of .*gen4\.5/,
		},
		{
			title: 'a prompt referring to an image that is not supplied',
			item: {
				json: { model: 'seedance-2', text_prompt: 'Animate @IMG_2', imageAssetId1: FIRST_IMAGE },
			},
			field: 'text_prompt references @IMG_2',
			allowed: /but imageAssetId2 is not supplied$/,
		},
		{
			title: 'a prompt referring to more images than the model takes',
			item: {
				json: { model: 'seedance-2', text_prompt: 'Blend @IMG_12', imageAssetId1: FIRST_IMAGE },
			},
			field: 'text_prompt references @IMG_12',
			allowed: /seedance-2 prompts may use @IMG_1\.\.@IMG_11$/,
		},
		// Oversized prompts and references.
		{
			title: 'a prompt over the model limit',
			item: {
				json: { model: 'wan-2.6-flash', text_prompt: 'z'.repeat(1501), imageAssetId1: FIRST_IMAGE },
			},
			field: 'text_prompt',
			allowed: /is 1501 characters long; the limit is 1500$/,
		},
		{
			title: 'a replyRef over 1024 characters',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', replyRef: 'r'.repeat(1100) } },
			field: 'replyRef',
			allowed: /the limit is 1024$/,
		},
		// Malformed ids and accounts.
		{
			title: 'an image asset id that is a file name',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', imageAssetId1: 'photo.png' } },
			field: 'imageAssetId1',
			allowed: /user:<number>-runwayml:<account email>-asset:<uuid>/,
		},
		{
			title: 'an image asset id that is a task id',
			item: {
				json: {
					model: 'gen4.5',
					text_prompt: 'A city',
					imageAssetId1:
						'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-000000000009',
				},
			},
			field: 'imageAssetId1',
			allowed: /user:<number>-runwayml:<account email>-asset:<uuid>/,
		},
		{
			title: 'an end frame without a start frame',
			item: {
				json: { model: 'kling-o3-pro', text_prompt: 'A city', endFrameAssetId: FIRST_IMAGE },
			},
			field: 'endFrameAssetId',
			allowed: /needs startFrameAssetId/,
		},
		{
			title: 'assets of two Runway accounts in one generation',
			item: {
				json: {
					model: 'gen4.5',
					text_prompt: 'A city',
					imageAssetId1: FIRST_IMAGE,
					imageAssetId2: SECOND_IMAGE,
				},
			},
			field: 'imageAssetId2',
			allowed: /the assets of one generation must be on one account$/,
		},
		{
			title: 'an email that is not the account holding the assets',
			item: {
				json: {
					model: 'gen4.5',
					text_prompt: 'A city',
					imageAssetId1: FIRST_IMAGE,
					email: 'second@runway.test',
				},
			},
			field: 'email "second@runway.test"',
			allowed: /a generation runs on the account that holds its assets$/,
		},
	],
};
