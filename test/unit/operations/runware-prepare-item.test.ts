import type { IDataObject } from 'n8n-workflow';

import {
	pendingTask,
	prepareItem,
	type PreparedItem,
} from '../../../nodes/RunwareVideo/actions/generate.operation';
import { readRunwareRequest } from '../../../nodes/RunwareVideo/actions/readRequest';
import { findRunwareModel } from '../../../nodes/shared/providers/runware/catalogue';
import type { WaitMode } from '../../../nodes/shared/descriptions/waiting';
import { executeContext } from './context';

/**
 * Runware Video reads an item, checks it against its model and builds its videoInference task. Expectations come
 * from Runware's video inference document (../shared/seeds/runware-video-inference-api.txt) and, for Google Veo 2
 * (google:2@0), from its model page: durations 5, 6, 7 or 8 s (5 by default), 1280x720 or 720x1280, 24 fps.
 */

const VEO_2 = 'google:2@0';

function prepare(parameters: IDataObject, waitMode: WaitMode = 'wait'): PreparedItem {
	const ctx = executeContext([{ parameters }]);
	const item = readRunwareRequest(ctx, 0);
	return prepareItem(ctx, 0, item, findRunwareModel(item.request.model), waitMode);
}

function task(parameters: IDataObject, webhookURL?: string): IDataObject {
	const item = prepare(parameters);
	return pendingTask(item, item.request, webhookURL).task;
}

describe('Runware Video: one item read, checked against its model and built into its task', () => {
	it('sends duration, size and frame rate as the numbers the task takes, also when given as text', () => {
		const built = task({
			model: VEO_2,
			positivePrompt: 'a fox in the snow',
			duration: '7',
			dimensions: '720 x 1280',
			videoOptions: { fps: '24' },
		});
		expect(built).toMatchObject({
			taskType: 'videoInference',
			model: VEO_2,
			positivePrompt: 'a fox in the snow',
			duration: 7,
			width: 720,
			height: 1280,
			fps: 24,
		});
		expect(built.taskUUID).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
	});

	it('sends the model’s default duration when none is set ("duration … required")', () => {
		expect(task({ model: VEO_2, positivePrompt: 'a fox in the snow' }).duration).toBe(5);
	});

	it.each([4, 9, 6.5])('refuses duration %p for Veo 2 before anything is sent', (duration) => {
		expect(() => prepare({ model: VEO_2, positivePrompt: 'a fox', duration })).toThrow(
			expect.objectContaining({ message: expect.stringMatching(/duration/i) }),
		);
	});

	it('refuses a size the model does not make', () => {
		expect(() =>
			prepare({ model: VEO_2, positivePrompt: 'a fox', dimensions: '1920x1080' }),
		).toThrow(/1920/);
	});

	it('refuses a malformed size, naming the field and the value', () => {
		expect(() =>
			prepare({ model: VEO_2, positivePrompt: 'a fox', dimensions: '1280 by 720' }),
		).toThrow('dimensions "1280 by 720" is not valid: write WIDTHxHEIGHT, e.g. 1280x720');
	});

	it('refuses a duration that is not a plain number, naming the field and the value', () => {
		expect(() => prepare({ model: VEO_2, positivePrompt: 'a fox', duration: '5s' })).toThrow(
			'Duration (duration) "5s" is not a plain decimal number',
		);
	});

	it.each([
		['numberResults', { numberResults: 5 }],
		['steps', { steps: 9 }],
		['CFGScale', { CFGScale: 51 }],
	])('refuses %s outside the document’s range', (field, options) => {
		expect(() => prepare({ model: VEO_2, positivePrompt: 'a fox', options })).toThrow(
			new RegExp(field),
		);
	});

	it('does not send seed 0 (the editor’s "random"): Runware picks one', () => {
		expect(
			task({ model: VEO_2, positivePrompt: 'a fox', options: { seed: 0 } }),
		).not.toHaveProperty('seed');
		expect(task({ model: VEO_2, positivePrompt: 'a fox', options: { seed: 42 } }).seed).toBe(42);
	});

	it('gives one video per item in Resume on Webhook, refusing Number of Results above 1', () => {
		expect(() =>
			prepare({ model: VEO_2, positivePrompt: 'a fox', options: { numberResults: 2 } }, 'webhook'),
		).toThrow('Resume on Webhook gives one video per item: set Number of Results to 1');
	});

	it('sends the webhook URL it is given with the task', () => {
		const url = 'http://127.0.0.1:5678/webhook-waiting/7';
		expect(task({ model: VEO_2, positivePrompt: 'a fox' }, url).webhookURL).toBe(url);
	});

	it('takes a frame image from a file of the item as a slot to resolve, not as a URL', () => {
		const item = prepare({
			model: VEO_2,
			positivePrompt: 'a fox',
			frameImages: {
				frameImage: [{ source: 'binary', binaryPropertyName: ' photo ', frame: 'first' }],
			},
		});
		expect(item.binarySlots).toEqual([{ field: 'frameImages', index: 0, propertyName: 'photo' }]);
	});

	it('refuses an empty media entry, naming where it is', () => {
		expect(() =>
			prepare({
				model: VEO_2,
				positivePrompt: 'a fox',
				frameImages: { frameImage: [{ source: 'text', inputImage: '  ' }] },
			}),
		).toThrow('frameImages[0]: the');
	});
});
