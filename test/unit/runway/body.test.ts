import {
	buildRunwayCreateBody,
	isGiven,
	RUNWAY_CREATE_FIELDS,
} from '../../../nodes/shared/providers/runway/body';

describe('buildRunwayCreateBody', () => {
	it('sends only the fields that are set', () => {
		expect(buildRunwayCreateBody({ model: 'gen4.5', text_prompt: 'A harbour at dawn' })).toEqual({
			model: 'gen4.5',
			text_prompt: 'A harbour at dawn',
		});
	});

	it('treats empty and blank strings as unset but keeps false and 0', () => {
		const body = buildRunwayCreateBody({
			model: 'seedance-2',
			text_prompt: '',
			email: '   ',
			imageAssetId1: '',
			audio: false,
			exploreMode: false,
			seed: 0,
			replyRef: 'ref-7',
		});
		expect(body).toEqual({
			model: 'seedance-2',
			audio: false,
			exploreMode: false,
			seed: 0,
			replyRef: 'ref-7',
		});
	});

	it('flattens shots to multishot_prompt_N / multishot_duration_N numbered from 1', () => {
		const body = buildRunwayCreateBody({
			model: 'kling-3.0-pro',
			shots: [
				{ prompt: 'Wide shot of a valley', duration: 5 },
				{ prompt: 'Close-up of a hiker', duration: 4 },
				{ prompt: 'Drone pull-back', duration: 6 },
			],
		});
		expect(body).toEqual({
			model: 'kling-3.0-pro',
			multishot_prompt_1: 'Wide shot of a valley',
			multishot_duration_1: 5,
			multishot_prompt_2: 'Close-up of a hiker',
			multishot_duration_2: 4,
			multishot_prompt_3: 'Drone pull-back',
			multishot_duration_3: 6,
		});
		expect(body).not.toHaveProperty('shots');
	});

	it('keeps a shot at its position and leaves out its unset parts', () => {
		const body = buildRunwayCreateBody({
			model: 'kling-o3-pro',
			shots: [{ prompt: 'First', duration: 5 }, { prompt: '' }, { duration: 3 }],
		});
		expect(body).toEqual({
			model: 'kling-o3-pro',
			multishot_prompt_1: 'First',
			multishot_duration_1: 5,
			multishot_duration_3: 3,
		});
	});

	it('sends no multishot fields for an empty shot list', () => {
		expect(buildRunwayCreateBody({ model: 'kling-3.0-pro', shots: [] })).toEqual({
			model: 'kling-3.0-pro',
		});
	});

	it('sends every asset slot and option under its API name', () => {
		const body = buildRunwayCreateBody({
			model: 'seedance-2',
			imageAssetId11: 'img-11',
			videoAssetId3: 'vid-3',
			startFrameAssetId: 'start',
			endFrameAssetId: 'end',
			characterOrientation: 'video',
			aspect_ratio: '21:9',
			resolution: '1080p',
			duration: 15,
			maxJobs: 10,
			replyUrl: 'https://example.test/hook',
		});
		expect(body).toEqual({
			model: 'seedance-2',
			imageAssetId11: 'img-11',
			videoAssetId3: 'vid-3',
			startFrameAssetId: 'start',
			endFrameAssetId: 'end',
			characterOrientation: 'video',
			aspect_ratio: '21:9',
			resolution: '1080p',
			duration: 15,
			maxJobs: 10,
			replyUrl: 'https://example.test/hook',
		});
	});
});

describe('isGiven', () => {
	it.each([
		[undefined, false],
		[null, false],
		['', false],
		[' \t', false],
		[[], false],
		['x', true],
		[0, true],
		[false, true],
		[[{}], true],
	])('isGiven(%p) is %p', (value, expected) => {
		expect(isGiven(value)).toBe(expected);
	});
});

describe('RUNWAY_CREATE_FIELDS', () => {
	it('lists every request field but model once', () => {
		expect(new Set(RUNWAY_CREATE_FIELDS).size).toBe(RUNWAY_CREATE_FIELDS.length);
		expect(RUNWAY_CREATE_FIELDS).not.toContain('model');
		expect(RUNWAY_CREATE_FIELDS).toHaveLength(29);
	});
});
