import {
	acceptsField,
	aspectRatioChoices,
	durationChoices,
	findRunwayModel,
	imageSlots,
	modelsAccepting,
	parseRunwayCatalogue,
	resolutionChoices,
	runwayModels,
	videoSlots,
	type RunwayModel,
} from '../../../nodes/shared/providers/runway/catalogue';
import { runwayModelEntries } from '../../../nodes/shared/providers/runway/catalogue/models';
import type { RunwayCreateField } from '../../../nodes/shared/providers/runway/body';
import { API_DOCUMENT } from './apiDocument';

function model(id: string): RunwayModel {
	const found = findRunwayModel(id);
	if (!found) throw new Error(`catalogue lacks ${id}`);
	return found;
}

describe('Runway catalogue', () => {
	it('parses and holds exactly the 18 models of the seed, in seed order', () => {
		expect(runwayModels.map((entry) => entry.id)).toEqual(Object.keys(API_DOCUMENT));
		expect(runwayModels).toHaveLength(18);
	});

	it('gives every model a display name and a one-line description', () => {
		for (const entry of runwayModels) {
			expect(entry.name.length).toBeGreaterThan(0);
			expect(entry.description).not.toContain('\n');
			expect(entry.description.length).toBeLessThanOrEqual(100);
		}
	});

	it('returns undefined for an unknown model', () => {
		expect(findRunwayModel('gen3a_turbo')).toBeUndefined();
	});

	describe.each(Object.entries(API_DOCUMENT))('%s', (id, seed) => {
		const entry = model(id);

		it('offers the seed durations and defaults to the first one', () => {
			expect(durationChoices(entry)).toEqual(seed.durations);
			const duration = entry.duration;
			const defaultDuration =
				duration.kind === 'set' || duration.kind === 'range' ? duration.default : undefined;
			expect(defaultDuration).toBe(seed.defaultDuration);
			expect(acceptsField(entry, 'duration')).toBe(seed.durations.length > 0);
		});

		it('offers the seed aspect ratios per mode', () => {
			expect(aspectRatioChoices(entry, 'textToVideo')).toEqual(seed.textToVideoRatios);
			expect(aspectRatioChoices(entry, 'imageToVideo')).toEqual(seed.imageToVideoRatios);
			expect(aspectRatioChoices(entry)).toEqual(seed.imageToVideoRatios);
			expect(acceptsField(entry, 'aspect_ratio')).toBe(seed.imageToVideoRatios.length > 0);
		});

		it('offers the seed resolutions and default', () => {
			expect(resolutionChoices(entry)).toEqual(seed.resolutions);
			const resolution = entry.resolution;
			expect(resolution.kind === 'values' ? resolution.default : undefined).toBe(
				seed.defaultResolution,
			);
			expect(acceptsField(entry, 'resolution')).toBe(seed.resolutions.length > 0);
		});

		it('has the seed image and video slots', () => {
			expect(imageSlots(entry)).toEqual(seed.images);
			expect(entry.images.min).toBe(seed.requiredImages);
			expect(videoSlots(entry)).toEqual(seed.videos);
			expect(entry.videos.min).toBe(seed.requiredVideos);
		});

		it('has the seed prompt, audio, seed, explore mode and keyframe support', () => {
			expect(entry.prompt.requirement).toBe(seed.prompt);
			expect(entry.prompt.maxLength).toBe(seed.promptMax);
			expect(entry.audio.kind).toBe(seed.audio);
			expect(acceptsField(entry, 'audio')).toBe(seed.audio === 'toggle');
			expect(acceptsField(entry, 'seed')).toBe(seed.seed);
			expect(acceptsField(entry, 'exploreMode')).toBe(seed.exploreMode);
			expect(acceptsField(entry, 'text_prompt')).toBe(seed.prompt !== 'unsupported');
			expect(acceptsField(entry, 'startFrameAssetId')).toBe(seed.keyframes);
			expect(acceptsField(entry, 'endFrameAssetId')).toBe(seed.keyframes);
			expect(entry.promptReferences).toEqual(seed.promptReferences);
		});

		it('has the seed multishot shot counts', () => {
			expect(acceptsField(entry, 'shots')).toBe(seed.shots !== undefined);
			if (!seed.shots) return;
			expect([entry.multishot?.minShots, entry.multishot?.maxShots]).toEqual(seed.shots);
			expect(entry.multishot).toMatchObject({
				shotSeconds: { min: 3, max: 12 },
				maxTotalSeconds: 15,
				maxPromptLength: 512,
			});
		});

		it('always accepts the account and callback fields', () => {
			const common: RunwayCreateField[] = ['email', 'replyUrl', 'replyRef', 'maxJobs'];
			for (const field of common) expect(acceptsField(entry, field)).toBe(true);
		});
	});

	it('carries the special workflows of the seed', () => {
		expect(model('kling-o3-pro').editVideo).toEqual({
			supported: true,
			maxReferenceImages: 4,
			maxSourceSeconds: 10,
		});
		expect(model('kling-o3-standard').editVideo?.supported).toBe(true);
		expect(model('kling-o3-4k').editVideo?.supported).toBe(false);
		expect(model('kling-3.0-motion-control').characterOrientation).toEqual({
			values: ['image', 'video'],
			default: 'image',
		});
		expect(model('seedance-2').combinedReferences).toEqual({ max: 11, maxVideos: 3 });
		expect(model('seedance-2').keyframes).toEqual({ withReferences: 'exclusive' });
		expect(model('kling-o3-4k').keyframes).toEqual({ withReferences: 'startFrameOnly' });
		for (const id of ['gen4.5', 'kling-3.0-pro', 'kling-3.0-standard', 'veo-3.1']) {
			expect(model(id).images.endFrameSlot).toBe('imageAssetId2');
		}
	});

	it('names the models that accept a field', () => {
		expect(modelsAccepting('seed')).toEqual(['gen4.5', 'gen4', 'gen4-turbo']);
		expect(modelsAccepting('videoAssetId2')).toEqual(['seedance-2']);
		expect(modelsAccepting('characterOrientation')).toEqual(['kling-3.0-motion-control']);
		expect(modelsAccepting('shots')).toEqual([
			'kling-o3-4k',
			'kling-o3-pro',
			'kling-o3-standard',
			'kling-3.0-pro',
			'kling-3.0-standard',
		]);
	});

	describe('parseRunwayCatalogue', () => {
		const [seedance] = runwayModelEntries;

		it('throws naming the entry when an entry breaks the schema', () => {
			const badDefault = { ...seedance, duration: { kind: 'range', min: 4, max: 15, default: 5 } };
			expect(() => parseRunwayCatalogue([badDefault])).toThrow(/entry #1 \(seedance-2\).*duration/);
			const badSlot = { ...seedance, images: { slots: ['imageAssetId12'], min: 0 } };
			expect(() => parseRunwayCatalogue([badSlot])).toThrow(/images\.slots/);
			const unknownKey = { ...seedance, colour: 'red' };
			expect(() => parseRunwayCatalogue([unknownKey])).toThrow(/colour/);
			const tooManyReferences = { ...seedance, promptReferences: { images: 12, videos: 3 } };
			expect(() => parseRunwayCatalogue([tooManyReferences])).toThrow(/promptReferences/);
		});

		it('throws on a duplicate model ID', () => {
			expect(() => parseRunwayCatalogue([seedance, seedance])).toThrow(/seedance-2.*twice/);
		});
	});
});
