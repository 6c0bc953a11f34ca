import { useEmulator, useN8nApp } from './support/fixtures';
import { useNodeOnNewWorkflow } from './support/node-on-workflow';
import { provisionedCredential } from './support/state';

/**
 * The nodes' fields in the real editor: the video nodes' follow the chosen model (display rules, per-model option
 * lists, option loaders that run in n8n against the emulator's model schemas); Poll Task's and Upload Asset's follow
 * the chosen credential.
 */

// One browser for the file; the emulator serves the account lists and the model schemas the option loaders read.
const app = useN8nApp();
useEmulator();

const slug = (text: string) => text.replace(/\W+/g, '-').toLowerCase();

describe('Runway Video: fields follow the model', () => {
	const node = useNodeOnNewWorkflow(app, 'Runway Video', 'useApiApi');

	it('Veo 3.1: durations exactly 4, 6 and 8 s, and no explore mode', async () => {
		const { details } = node();
		await details.setParameter('model', 'Veo 3.1');
		const visible = await details.visibleParameters();
		const durations = await details.dropdownOptions('duration');
		await app().screenshot('fields-runway-veo-3.1');
		expect(durations).toEqual(['Model Default (4 s)', '4 s', '6 s', '8 s']);
		expect(visible).toEqual(expect.arrayContaining(['duration', 'aspect_ratio', 'resolution']));
		expect(visible).not.toContain('exploreMode');
		expect(visible).not.toContain('seed');
	});

	it('Seedance 2.0: eleven image and three video reference slots, and keyframes', async () => {
		const { details } = node();
		await details.setParameter('model', 'Seedance 2.0');
		const visible = await details.visibleParameters();
		await app().screenshot('fields-runway-seedance-2');
		const imageSlots = Array.from({ length: 11 }, (_, index) => `imageAssetId${index + 1}`);
		expect(visible).toEqual(
			expect.arrayContaining([
				...imageSlots,
				'videoAssetId',
				'videoAssetId2',
				'videoAssetId3',
				'startFrameAssetId',
				'endFrameAssetId',
			]),
		);
		expect(visible).not.toContain('imageAssetId12');
	});

	it('Kling 3.0 Motion Control: no duration or aspect ratio (they come from the input)', async () => {
		const { details } = node();
		await details.setParameter('model', 'Kling 3.0 Motion Control');
		const visible = await details.visibleParameters();
		await app().screenshot('fields-runway-kling-3.0-motion-control');
		expect(visible).not.toContain('duration');
		expect(visible).not.toContain('aspect_ratio');
		expect(visible).toEqual(
			expect.arrayContaining(['imageAssetId1', 'videoAssetId', 'characterOrientation']),
		);
		expect(visible).not.toContain('imageAssetId2');
	});
});

describe('Runware Video: fields follow the model', () => {
	const node = useNodeOnNewWorkflow(app, 'Runware Video', 'runwareApi');

	beforeAll(async () => {
		const { details } = node();
		await details.setParameter('model', 'klingai:5@2');
	});

	it('KlingAI 2.1 Pro (klingai:5@2): its durations, sizes and frame rate, no provider settings', async () => {
		const { details } = node();
		expect(await details.parameterValue('model')).toContain('klingai:5@2');
		const durations = await details.dropdownOptions('duration');
		const dimensions = await details.dropdownOptions('dimensions');
		const settings = await details.collectionOptions('videoOptions');
		const collections = await details.visibleCollections();
		const options = await details.collectionOptions('options');
		await app().screenshot('fields-runware-klingai-5-2');
		expect(durations).toEqual(['Shortest (5 s)', '5 s', '10 s']);
		expect(dimensions).toEqual([
			'Model Default',
			'1920x1080 (16:9)',
			'1080x1080 (1:1)',
			'1080x1920 (9:16)',
			'1280x720 (16:9)',
			'720x720 (1:1)',
			'720x1280 (9:16)',
		]);
		// Its section of Runware's KlingAI provider page names sizes (no resolution) and no provider settings.
		expect(settings).toEqual(['Frame Rate (FPS)']);
		expect(collections).toContain('options');
		expect(collections).not.toContain('providerSettings');
		expect(options).toContain('Seed (0 = Random)');
	});

	it('Lightricks LTX-2 Pro (lightricks:2@0): other durations, sizes and frame rates, no seed', async () => {
		const { details } = node();
		await details.setParameter('model', 'lightricks:2@0');
		await details.addCollectionOption('videoOptions', 'Frame Rate (FPS)');
		const durations = await details.dropdownOptions('duration');
		const dimensions = await details.dropdownOptions('dimensions');
		const frameRates = await details.dropdownOptions('fps');
		const providers = await details.collectionOptions('providerSettings');
		const options = await details.collectionOptions('options');
		await app().screenshot('fields-runware-lightricks-2-0');
		expect(durations).toEqual([expect.stringMatching(/^Model Default/), '6 s', '8 s', '10 s']);
		expect(dimensions).toEqual([
			'Model Default',
			'1920x1080 (16:9)',
			'2560x1440 (16:9)',
			'3840x2160 (16:9)',
		]);
		expect(frameRates).toEqual([expect.stringMatching(/^Model Default/), '25 fps', '50 fps']);
		expect(providers).toEqual(['Lightricks']);
		expect(options).not.toContain('Seed (0 = Random)');
		// Its section of Runware's Lightricks provider page names no negative prompt.
		expect(options).not.toContain('Negative Prompt');
	});

	it('ByteDance OmniHuman 1.5 (bytedance:5@2): no frame images for an audio-driven avatar', async () => {
		const { details } = node();
		await details.setParameter('model', 'bytedance:5@2');
		const lists = await details.visibleFixedCollections();
		await app().screenshot('fields-runware-bytedance-5-2');
		expect(lists).not.toContain('frameImages');
		expect(lists).toEqual(expect.arrayContaining(['referenceImages', 'inputAudios']));
	});

	it('names the chosen model under the node on the canvas', async () => {
		const { editor, details } = node();
		await details.close();
		expect(await editor.nodeSubtitle('Runware Video')).toBe('Generate · OmniHuman 1.5');
	});
});

/**
 * Each credential type shows only for its provider, so n8n's editor takes Provider for the nodes' "main auth field":
 * it does not show it, and the credential chosen sets it.
 */
describe('Poll Task and Upload Asset: the chosen credential sets the provider', () => {
	const runware = provisionedCredential('runwareApi');
	const useApi = provisionedCredential('useApiApi');
	async function parametersPerCredential(
		nodeName: string,
		action: string,
	): Promise<Record<string, string[]>> {
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode(nodeName, action);
		const shown: Record<string, string[]> = {};
		for (const credential of [runware, useApi]) {
			await details.selectCredential(credential);
			shown[credential] = await details.visibleParameters();
			await app().screenshot(`fields-${slug(nodeName)}-${slug(credential)}`);
		}
		return shown;
	}

	it('Poll Task: a task UUID with Runware, a task ID with useapi.net', async () => {
		const shown = await parametersPerCredential('Poll Task', 'Wait until tasks are done');
		expect(shown[runware]).toContain('taskUUID');
		expect(shown[runware]).not.toContain('taskId');
		expect(shown[useApi]).toContain('taskId');
		expect(shown[useApi]).not.toContain('taskUUID');
		expect([...shown[runware], ...shown[useApi]]).not.toContain('provider');
	});

	it('Upload Asset: the image upload switch with Runware, the account with useapi.net', async () => {
		const shown = await parametersPerCredential('Upload Asset', 'Upload a file');
		expect(shown[runware]).toContain('imageUpload');
		expect(shown[runware]).not.toContain('email');
		expect(shown[useApi]).toEqual(expect.arrayContaining(['email', 'assetName']));
		expect(shown[useApi]).not.toContain('imageUpload');
	});
});
