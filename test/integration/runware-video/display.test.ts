import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { runwareModels } from '../../../nodes/shared/providers/runware/catalogue';
import { model, sentTasks, setup, videoRun } from './setup';
import { shown, visiblePaths } from './shown';

const allPaths = shown('acme:video@1');

describe('Runware Video: fields follow the chosen model', () => {
	it('shows every field for a model outside the catalogue', () => {
		expect(allPaths).toEqual(visiblePaths({}));
		expect([...allPaths]).toEqual(
			expect.arrayContaining([
				'frameImages',
				'referenceImages',
				'referenceVideos',
				'inputAudios',
				'speech',
				'duration',
				'dimensions',
				'videoOptions.fps',
				'videoOptions.resolution',
				'options.seed',
				'advanced.CFGScale',
				'advanced.webhookURL',
				'providerSettings.google.generateAudio',
				'providerSettings.pixverse.effect',
			]),
		);
	});

	it('shows every field for a model given by an expression', () => {
		expect(shown('={{ $json.model }}')).toEqual(allPaths);
	});

	it('hides what a catalogued model does not take', () => {
		const lipSync = shown('pixverse:lipsync@1');
		expect(lipSync.has('frameImages')).toBe(false);
		expect(lipSync.has('dimensions')).toBe(false);
		expect([...lipSync]).toEqual(
			expect.arrayContaining(['referenceVideos', 'inputAudios', 'speech']),
		);

		expect(shown('klingai:6@0').has('dimensions')).toBe(false);
		expect(shown('klingai:6@0').has('duration')).toBe(true);
		expect(shown('lightricks:2@0').has('options.seed')).toBe(false);
		expect(shown('klingai:5@3').has('options.seed')).toBe(true);
	});

	it('names, for a catalogued model, the inputs it cannot run without', () => {
		const notices = (air: string) =>
			[...shown(air)].filter((path) => path.startsWith('requirementsNotice'));
		const notice = (air: string) =>
			new RunwareVideo().description.properties.find(
				(property) => property.name === notices(air)[0],
			)?.displayName;
		expect(notice('klingai:5@1')).toBe('KlingAI 2.1 Standard requires a frame image');
		expect(notice('pixverse:lipsync@1')).toBe(
			'PixVerse LipSync requires a reference video and an input audio or speech',
		);
		expect(notice('vidu:4@2')).toBe('Vidu Q3 Turbo requires Dimensions');
		// One notice at most, and none for a model without requirements, typed by hand or an expression.
		expect(notices('klingai:5@1')).toHaveLength(1);
		for (const air of ['klingai:5@3', 'acme:video@1', '={{ $json.model }}']) {
			expect(notices(air)).toEqual([]);
		}
	});

	it("shows only the model's own provider settings, and of those only the accepted ones", () => {
		const veo = [...shown('google:3@2')].filter((path) => path.startsWith('providerSettings.'));
		expect(veo).toEqual(['providerSettings.google', 'providerSettings.google.generateAudio']);
		// A Google model the catalogue does not know: every Google setting, no other provider's.
		const newVeo = [...shown('google:veo@9')].filter((path) =>
			path.startsWith('providerSettings.'),
		);
		expect(newVeo).toEqual(expect.arrayContaining(['providerSettings.google.resizeMode']));
		expect(newVeo.every((path) => /^providerSettings(\.google|$)/.test(path))).toBe(true);
	});

	it('hides the webhook URL option when the node uses its own', () => {
		expect(shown('klingai:5@3', { waitMode: 'webhook' }).has('advanced.webhookURL')).toBe(false);
	});

	it('hides, for every catalogued model, exactly the top-level inputs it does not take', () => {
		for (const entry of runwareModels) {
			const paths = shown(entry.air);
			expect({ air: entry.air, frameImages: paths.has('frameImages') }).toEqual({
				air: entry.air,
				frameImages: entry.frameImages !== false,
			});
			expect({ air: entry.air, referenceVideos: paths.has('referenceVideos') }).toEqual({
				air: entry.air,
				referenceVideos: entry.referenceVideos !== 0,
			});
		}
	});

	it('does not send a hidden field left over from another model', async () => {
		const env = await setup();
		try {
			const result = await env.harness.runWorkflow(
				videoRun({
					model: model('lightricks:2@0'),
					positivePrompt: 'Waves breaking on black sand',
					options: { seed: 7 },
					returnAs: 'url',
				}),
			);
			expect(result.error).toBeUndefined();
			expect(sentTasks(env.emulator)[0]).not.toHaveProperty('seed');
		} finally {
			await env.close();
		}
	});
});
