import type { IDataObject } from 'n8n-workflow';

import { prepareItem } from '../../../nodes/RunwayVideo/actions/generate.operation';
import { readRunwayRequest } from '../../../nodes/RunwayVideo/actions/readRequest';
import { executeContext } from './context';

/**
 * Runway Video reads each item's parameters, checks them and builds the POST /videos/create body. Expected bodies and refusals are
 * written from useapi.net's document for the endpoint (../shared/seeds/useapi-runway-videos-create.txt).
 */

const ASSET = 'user:12345-runwayml:jane@example.com-asset:0f8e2c1a-1111-4222-8333-444455556666';
const NO_RESUME = { credentialEmail: '' };

function prepare(
	parameters: IDataObject,
	run: { credentialEmail: string; resumeUrl?: string } = NO_RESUME,
	binary?: string[],
) {
	const files = binary
		? Object.fromEntries(binary.map((name) => [name, { data: '', mimeType: 'image/png' }]))
		: undefined;
	const ctx = executeContext([{ parameters, binary: files }]);
	return prepareItem(ctx, 0, readRunwayRequest(ctx, 0), run);
}

describe('Runway Video: one item read, checked and built into its create', () => {
	it('sends duration as the number the document lists, also when an expression gives it as text', () => {
		// "Veo 3.1: 4,6,8"
		const { create } = prepare({ model: 'veo-3.1', text_prompt: 'a fox', duration: '6' });
		expect(create.body).toEqual({ model: 'veo-3.1', text_prompt: 'a fox', duration: 6 });
	});

	it.each([
		['veo-3.1', 5, 'allowed values are 4, 6, 8 seconds'],
		['sora-2', 10, 'allowed values are 4, 8, 12 seconds'],
		['gen4.5', 11, 'whole seconds from 2 to 10'],
	])('refuses %s with duration %d before anything is sent (%s)', (model, duration, allowed) => {
		expect(() => prepare({ model, text_prompt: 'a fox', duration })).toThrow(
			expect.objectContaining({
				message: `duration ${duration} is not allowed for ${model}: ${allowed}`,
				description: 'Nothing was sent.',
			}),
		);
	});

	it('refuses duration where the document says it is not accepted (Kling 3.0 Motion Control)', () => {
		expect(() =>
			prepare({
				model: 'kling-3.0-motion-control',
				imageAssetId1: ASSET,
				videoAssetId: ASSET,
				duration: 5,
			}),
		).toThrow(/duration/);
	});

	it('refuses a duration that is not a plain number, naming the field and the value', () => {
		expect(() => prepare({ model: 'veo-3.1', duration: '6s' })).toThrow(
			'Duration (duration) "6s" is not a plain decimal number',
		);
	});

	it('leaves out what is not set: blank fields, the "Model Default" audio, exploreMode false', () => {
		const { create } = prepare({
			model: ' gen4.5 ',
			text_prompt: 'a fox',
			aspect_ratio: '',
			audio: '',
			exploreMode: false,
			imageAssetId1: `  ${ASSET}  `,
		});
		expect(create.body).toEqual({ model: 'gen4.5', text_prompt: 'a fox', imageAssetId1: ASSET });
	});

	it('sends seed only in its documented range 1–4294967294', () => {
		expect(
			prepare({ model: 'gen4.5', text_prompt: 'a fox', options: { seed: 4294967294 } }).create.body
				.seed,
		).toBe(4294967294);
		expect(() => prepare({ model: 'gen4.5', text_prompt: 'a fox', options: { seed: 0 } })).toThrow(
			/seed/,
		);
	});

	it('refuses seed on a model the document does not give it to (Veo 3.1)', () => {
		expect(() => prepare({ model: 'veo-3.1', text_prompt: 'a fox', options: { seed: 7 } })).toThrow(
			/seed/,
		);
	});

	it('requires text_prompt where the document requires it (Gen-4)', () => {
		expect(() => prepare({ model: 'gen4', imageAssetId1: ASSET })).toThrow(/text_prompt/);
	});

	it('refuses exploreMode on Veo 3.1 ("will return 400 if set to true")', () => {
		expect(() => prepare({ model: 'veo-3.1', text_prompt: 'a fox', exploreMode: true })).toThrow(
			/exploreMode/,
		);
	});

	it('refuses maxJobs outside 1–10', () => {
		expect(() =>
			prepare({ model: 'veo-3.1', text_prompt: 'a fox', options: { maxJobs: 11 } }),
		).toThrow(/maxJobs/);
	});

	it('names every problem of the item in one error', () => {
		let error: { message: string; description?: string } | undefined;
		try {
			prepare({
				model: 'veo-3.1',
				text_prompt: 'a fox',
				duration: 5,
				exploreMode: true,
				options: { maxJobs: 0 },
			});
		} catch (caught) {
			error = caught as typeof error;
		}
		const text = `${error?.message} ${error?.description}`;
		for (const field of ['duration 5', 'exploreMode', 'maxJobs']) expect(text).toContain(field);
		expect(error?.description).toMatch(/^Also: .*\. Nothing was sent\.$/);
	});

	it('sends the execution resume URL as replyUrl in Resume on Webhook, and refuses a replyUrl of the user’s there', () => {
		const run = { credentialEmail: '', resumeUrl: 'http://127.0.0.1:5678/webhook-waiting/1' };
		expect(prepare({ model: 'veo-3.1', text_prompt: 'a fox' }, run).create.body.replyUrl).toBe(
			run.resumeUrl,
		);
		expect(() =>
			prepare(
				{
					model: 'veo-3.1',
					text_prompt: 'a fox',
					options: { replyUrl: 'https://hooks.example.test/x' },
				},
				run,
			),
		).toThrow(/replyUrl cannot be set with "Resume on Webhook"/);
	});

	it('sends the credential’s default account as email when no asset pins one', () => {
		const { create } = prepare(
			{ model: 'gen4.5', text_prompt: 'a fox' },
			{ credentialEmail: 'team@example.com' },
		);
		expect(create.body.email).toBe('team@example.com');
		expect(create.account).toBe('team@example.com');
	});

	it('runs on the account holding the assets (useapi.net picks it: no email is sent)', () => {
		const { create } = prepare(
			{ model: 'gen4.5', text_prompt: 'a fox', imageAssetId1: ASSET },
			{ credentialEmail: 'team@example.com' },
		);
		expect(create.body.email).toBeUndefined();
		expect(create.account).toBe('jane@example.com');
	});

	it('refuses assets of two accounts in one generation', () => {
		const other = ASSET.replace('jane@example.com', 'joe@example.com');
		expect(() =>
			prepare({
				model: 'gen4.5',
				text_prompt: 'a fox',
				imageAssetId1: ASSET,
				imageAssetId2: other,
			}),
		).toThrow(/must be on one account/);
	});

	it('takes an asset field naming one of the item’s files as a file to upload, not as an ID', () => {
		const request = prepare(
			{ model: 'gen4.5', text_prompt: 'a fox', imageAssetId1: 'photo' },
			NO_RESUME,
			['photo'],
		);
		expect(request.namedFiles).toEqual([{ field: 'imageAssetId1', propertyName: 'photo' }]);
		expect(request.create.body.imageAssetId1).toBe('photo');
	});

	it('keeps replyRef with the task for the output', () => {
		const { context } = prepare({
			model: 'veo-3.1',
			text_prompt: 'a fox',
			options: { replyRef: 'order-42' },
		});
		expect(context).toEqual({ model: 'veo-3.1', replyRef: 'order-42' });
	});
});
