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
	parameters: { ...FIELDS_FROM_JSON, waitMode: 'wait', returnAs: 'url' },
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
			field: 'Duration (duration) "ten"',
			allowed: /is not a plain decimal number: allowed a number$/,
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
			field: 'Aspect Ratio (aspect_ratio)',
			allowed: /must be text, not 1\.78$/,
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
		// Explicit values outside the range are refused, never taken for "not set".
		...(
			[
				['seed', 0, /a whole number from 1 to 4294967294$/],
				['maxJobs', 0, /a whole number from 1 to 10$/],
				['seed', -1, /a whole number from 1 to 4294967294$/],
			] as const
		).map(([name, value, allowed]) => ({
			title: `an explicit ${name} of ${value}`,
			item: { json: { model: 'gen4.5', text_prompt: 'A city', [name]: value } },
			field: `${name} ${value}`,
			allowed,
		})),
		// Numbers only as plain decimals.
		...(
			[
				['Duration', 'duration', '0x0A'],
				['Duration', 'duration', '1e1'],
				['Duration', 'duration', ' 5 '],
				['Duration', 'duration', 'Infinity'],
				['Duration', 'duration', '5s'],
				['Seed', 'seed', '0x0A'],
				['Max Jobs', 'maxJobs', '2e0'],
			] as const
		).map(([displayName, name, value]) => ({
			title: `a ${name} of ${JSON.stringify(value)}`,
			item: { json: { model: 'gen4.5', text_prompt: 'A city', [name]: value } },
			field: `${displayName} (${name}) ${JSON.stringify(value)}`,
			allowed: /is not a plain decimal number: allowed a number$/,
		})),
		{
			title: 'a duration that is a list',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', duration: [5] } },
			field: 'Duration (duration) a list of 1 item',
			allowed: /allowed a number$/,
		},
		// Text fields refuse objects and lists (no "[object Object]" or "a,b" sent).
		...(
			[
				['Text Prompt', 'text_prompt', { scene: 'city' }, 'an object'],
				['Text Prompt', 'text_prompt', ['a', 'b'], 'a list of 2 items'],
				['Text Prompt', 'text_prompt', 42, '42'],
				['Model', 'model', { id: 'gen4.5' }, 'an object'],
				['Reply Reference', 'replyRef', { ref: 1 }, 'an object'],
				['Reply URL', 'replyUrl', ['http://127.0.0.1:9/hook'], 'a list of 1 item'],
				['Runway Account Name or ID', 'email', { email: 'first@runway.test' }, 'an object'],
				['Image 1', 'imageAssetId1', [FIRST_IMAGE], 'a list of 1 item'],
				['Aspect Ratio', 'aspect_ratio', { ratio: '16:9' }, 'an object'],
			] as const
		).map(([displayName, name, value, shown]) => ({
			title: `a ${name} that is ${shown}`,
			item: { json: { model: 'gen4.5', text_prompt: 'A city', [name]: value } },
			field: `${displayName} (${name})`,
			allowed: new RegExp(`must be text, not ${shown}$`),
		})),
		// Fixed choices given by an expression are one of them or refused.
		{
			title: 'an audio choice that is neither on nor off',
			item: { json: { model: 'veo-3.1', text_prompt: 'A city', audio: 'yes' } },
			field: 'Audio (audio) "yes"',
			allowed: /allowed true or false$/,
		},
		{
			title: 'an explore mode that is not true or false',
			item: { json: { model: 'gen4.5', text_prompt: 'A city', exploreMode: 'on' } },
			field: 'Explore Mode (exploreMode) "on"',
			allowed: /allowed true or false$/,
		},
		{
			title: 'a multishot duration in hexadecimal',
			parameters: {
				multishot: {
					shots: [
						{ prompt: 'A city at dawn', duration: '={{ "0x03" }}' },
						{ prompt: 'A city at dusk', duration: 3 },
					],
				},
			},
			item: { json: { model: 'kling-3.0-pro' } },
			field: 'Shot 1 Duration (multishot_duration_1) "0x03"',
			allowed: /allowed a number$/,
		},
		{
			title: 'a multishot prompt that is an object',
			parameters: {
				multishot: {
					shots: [
						{ prompt: '={{ { scene: 1 } }}', duration: 3 },
						{ prompt: 'A city at dusk', duration: 3 },
					],
				},
			},
			item: { json: { model: 'kling-3.0-pro' } },
			field: 'Shot 1 Prompt (multishot_prompt_1)',
			allowed: /must be text, not an object$/,
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
