import { node, startNode, workflow, type RunWorkflowInput } from '../../harness';
import { NODE_TYPES } from '../../support/environment';
import { startEnvironment, type Environment } from '../../support/environment';
import * as runware from '../runware-video/setup';
import * as runway from '../runway-video/setup';

/** A finished video downloaded by each video node (the result URL is served under the emulator's `files` route). */
const NODES: ReadonlyArray<{ node: string; run: () => RunWorkflowInput }> = [
	{
		node: runware.NODE_NAME,
		run: () =>
			runware.videoRun({
				model: runware.model('klingai:5@3'),
				positivePrompt: 'A koi pond in the rain, slow motion',
				duration: 5,
				waitMode: 'wait',
				downloadVideo: true,
			}),
	},
	{
		node: runway.NODE_NAME,
		run: () =>
			runway.videoRun({
				model: 'gen4.5',
				text_prompt: 'A lighthouse in a storm at night',
				waitMode: 'wait',
				downloadVideo: true,
			}),
	},
];

/** Redirects of the result URL to addresses that are not http(s): the download fails at once. */
const FOREIGN_SCHEMES = [
	{ target: 'ftp://127.0.0.1/video.mp4', scheme: 'ftp' },
	{ target: 'file:///etc/passwd', scheme: 'file' },
	{ target: 'data:video/mp4;base64,AAAAGGZ0eXA=', scheme: 'data' },
	{ target: 'gopher://127.0.0.1:70/1', scheme: 'gopher' },
];

describe('result downloads follow redirects only to http(s)', () => {
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment({}, { binaryMode: 'filesystem' });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	describe.each(NODES.map((entry): [string, (typeof NODES)[number]] => [entry.node, entry]))(
		'%s',
		(_name, { node, run }) => {
			it.each(FOREIGN_SCHEMES.map((entry): [string, string] => [entry.scheme, entry.target]))(
				'fails the item at once, without retries, when the video redirects to a %s address',
				async (scheme, target) => {
					env.emulator.injectFaults({ route: 'files', redirectTo: target, times: 10 });
					const result = await env.harness.runWorkflow(run());
					expect(result.error?.message).toBe(
						`The video could not be downloaded: it redirects to a ${scheme} address, not http(s)`,
					);
					expect(env.emulator.requestsTo('files')).toHaveLength(1);
				},
			);

			it('follows a redirect to another http address', async () => {
				env.emulator.injectFaults({ route: 'files', redirectTo: '?bytes=65536' });
				const result = await env.harness.runWorkflow(run());
				expect(result.error).toBeUndefined();
				const [item] = result.output(node);
				expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileSize: '65.5 kB' });
				const files = env.emulator.requestsTo('files');
				expect(files).toHaveLength(2);
				expect(files[1].query).toEqual({ bytes: '65536' });
			});
		},
	);

	describe('Upload Asset', () => {
		const upload = (url: string) =>
			workflow([
				startNode([{ json: {} }]),
				node(
					'Upload Asset',
					NODE_TYPES.uploadAsset,
					{ provider: 'runware', operation: 'upload', source: 'url', url },
					{ credentials: ['runwareApi'] },
				),
			]);

		it.each(FOREIGN_SCHEMES.map((entry): [string, string] => [entry.scheme, entry.target]))(
			'fails the item at once, without retries, when the file redirects to a %s address',
			async (scheme, target) => {
				const url = `${env.emulator.url}/files/frame.png`;
				env.emulator.injectFaults({ route: 'files', redirectTo: target, times: 10 });
				const result = await env.harness.runWorkflow(upload(url));
				expect(result.error?.message).toBe(
					`The file at ${url} could not be fetched: it redirects to a ${scheme} address, not http(s)`,
				);
				expect(env.emulator.requestsTo('files')).toHaveLength(1);
				expect(env.emulator.requestsTo('runware')).toEqual([]);
			},
		);
	});
});
