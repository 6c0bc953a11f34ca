import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';
import { acceptsField, runwayModels } from '../../../nodes/shared/providers/runway/catalogue';
import { RUNWAY_CREATE_FIELDS } from '../../../nodes/shared/providers/runway/body';

const { description } = new RunwayVideo();

/** The properties the editor shows for a model, as n8n decides it from their displayOptions. */
function shown(model: string): INodeProperties[] {
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter({ model, waitMode: 'wait' }, property, null, description),
	);
}

function field(model: string, name: string): INodeProperties | undefined {
	const matches = shown(model).filter((property) => property.name === name);
	expect(matches.length).toBeLessThanOrEqual(1);
	return matches[0];
}

/** An option of the Options collection as the editor offers it for a model. */
function option(model: string, name: string): INodeProperties | undefined {
	const options = (field(model, 'options')?.options ?? []) as INodeProperties[];
	return options.find(
		(candidate) =>
			candidate.name === name &&
			NodeHelpers.displayParameter({}, candidate, null, description, { model }),
	);
}

/** The choices of an options field, without "Model Default". */
function choices(model: string, name: string): unknown[] | undefined {
	return field(model, name)
		?.options?.map((option) => ('value' in option ? option.value : undefined))
		.filter((value) => value !== '');
}

/** Node parameter of each request field (the shots are entered as the `multishot` list). */
const PARAMETER: Record<string, string> = { shots: 'multishot' };
const ALWAYS_SHOWN = new Set(['email', 'replyUrl', 'replyRef', 'maxJobs']);
/** Request fields entered in the Options collection. */
const OPTIONS = new Set(['seed']);

describe('Runway Video: fields follow the model', () => {
	it('is the runwayVideo node, usable as a tool, on the useApiApi credential', () => {
		expect(description).toMatchObject({
			name: 'runwayVideo',
			displayName: 'Runway Video',
			usableAsTool: true,
			credentials: [{ name: 'useApiApi', required: true }],
		});
	});

	it('offers all 18 models with their description', () => {
		const model = description.properties.find((property) => property.name === 'model');
		expect(model?.options).toHaveLength(18);
		expect(model?.options).toEqual(
			runwayModels.map((entry) =>
				expect.objectContaining({ value: entry.id, description: entry.description }),
			),
		);
	});

	it.each(runwayModels.map((model) => [model.id, model] as const))(
		'%s shows exactly the fields it accepts',
		(id, model) => {
			const names = new Set(shown(id).map((property) => property.name));
			for (const requestField of RUNWAY_CREATE_FIELDS) {
				if (ALWAYS_SHOWN.has(requestField)) continue;
				const name = PARAMETER[requestField] ?? requestField;
				const offered = OPTIONS.has(name) ? option(id, name) !== undefined : names.has(name);
				expect({ field: requestField, shown: offered }).toEqual({
					field: requestField,
					shown: acceptsField(model, requestField),
				});
			}
		},
	);

	it('offers the durations, ratios and resolutions of the seed', () => {
		expect(choices('veo-3.1', 'duration')).toEqual([4, 6, 8]);
		expect(field('veo-3.1', 'exploreMode')).toBeUndefined();
		expect(choices('gen4.5', 'duration')).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(choices('seedance-2', 'duration')).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
		expect(choices('happyhorse-1.0', 'duration')).toHaveLength(13);
		expect(choices('sora-2', 'duration')).toEqual([4, 8, 12]);
		expect(choices('kling-2.6-pro', 'duration')).toEqual([5, 10]);
		expect(field('kling-3.0-motion-control', 'duration')).toBeUndefined();
		expect(field('kling-3.0-motion-control', 'aspect_ratio')).toBeUndefined();
		expect(choices('kling-3.0-motion-control', 'resolution')).toEqual(['720p', '1080p']);
		expect(choices('kling-3.0-motion-control', 'characterOrientation')).toEqual(['image', 'video']);
		expect(field('wan-2.2-animate', 'duration')).toBeUndefined();
		expect(field('wan-2.2-animate', 'text_prompt')).toBeUndefined();
		expect(choices('veo-3.1', 'aspect_ratio')).toEqual(['16:9', '9:16']);
		expect(choices('happyhorse-1.0', 'aspect_ratio')).toEqual([
			'16:9',
			'9:16',
			'1:1',
			'4:3',
			'3:4',
		]);
		expect(choices('seedance-2', 'resolution')).toEqual(['480p', '720p', '1080p']);
		expect(field('kling-o3-pro', 'resolution')).toBeUndefined();
		expect(choices('gen4', 'resolution')).toEqual(['720p']);
		expect(field('sora-2', 'audio')).toBeUndefined();
		expect(option('gen4', 'seed')).toBeDefined();
		expect(option('veo-3.1', 'seed')).toBeUndefined();
	});

	it('starts every optional choice at "Model Default", which sends nothing', () => {
		for (const name of ['duration', 'aspect_ratio', 'resolution', 'audio']) {
			const property = field('gen4.5', name) ?? field('seedance-2', name);
			expect(property?.default).toBe('');
		}
		expect(field('veo-3.1', 'duration')?.options?.[0]).toMatchObject({
			name: 'Model Default (4 s)',
			value: '',
		});
	});

	it('marks the inputs a model requires', () => {
		expect(field('gen4', 'text_prompt')?.required).toBe(true);
		expect(field('gen4.5', 'text_prompt')?.required).toBe(false);
		expect(field('gen4', 'imageAssetId1')?.required).toBe(true);
		expect(field('wan-2.2-animate', 'videoAssetId')?.required).toBe(true);
		expect(field('kling-o3-pro', 'videoAssetId')?.required).toBe(false);
		expect(field('seedance-2', 'imageAssetId11')?.description).toContain('@IMG_11');
		expect(field('kling-3.0-pro', 'multishot')?.description).toContain('2 to 5 shots');
		expect(field('kling-o3-4k', 'multishot')?.description).toContain('2 to 6 shots');
	});

	it('marks both inputs Kling 3.0 Motion Control requires', () => {
		expect(field('kling-3.0-motion-control', 'imageAssetId1')?.required).toBe(true);
		expect(field('kling-3.0-motion-control', 'videoAssetId')?.required).toBe(true);
	});

	it('shows in every asset field the form of its value and where it comes from', () => {
		const assetFields = description.properties.filter((property) =>
			/AssetId\d*$/.test(property.name),
		);
		expect(assetFields.length).toBeGreaterThan(16);
		for (const property of assetFields) {
			expect(property.placeholder).toBe(
				'e.g. data, or user:12345-runwayml:you@example.com-asset:<uuid>',
			);
			expect(property.hint).toMatch(
				/binary field of the input item.*Upload Asset's assetId output/,
			);
		}
		expect(field('gen4', 'imageAssetId1')?.displayName).toBe('Image 1');
		expect(field('wan-2.2-animate', 'videoAssetId')?.displayName).toBe('Video');
	});
});
