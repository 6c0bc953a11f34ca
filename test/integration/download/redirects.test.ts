import { node, startNode, workflow } from '../../harness';
import { NODE_TYPES } from '../../support/environment';
import { downloadEnvironment, downloadingNodes } from './nodes';

/** Redirects of the result URL to addresses that are not http(s): the download fails at once. */
const FOREIGN_SCHEMES = [
	{ target: 'ftp://127.0.0.1/video.mp4', scheme: 'ftp' },
	{ target: 'file:///etc/passwd', scheme: 'file' },
	{ target: 'data:video/mp4;base64,AAAAGGZ0eXA=', scheme: 'data' },
	{ target: 'gopher://127.0.0.1:70/1', scheme: 'gopher' },
];

describe('result downloads follow redirects only to http(s)', () => {
	const environment = downloadEnvironment();

	describe.each(downloadingNodes())('%s', (_name, { node, run }) => {
		it.each(FOREIGN_SCHEMES.map((entry): [string, string] => [entry.scheme, entry.target]))(
			'fails the item at once, without retries, when the video redirects to a %s address',
			async (scheme, target) => {
				environment().emulator.injectFaults({ route: 'files', redirectTo: target, times: 10 });
				const result = await environment().harness.runWorkflow(run());
				expect(result.error?.message).toBe(
					`The video could not be downloaded: it redirects to a ${scheme} address, not http(s)`,
				);
				expect(environment().emulator.requestsTo('files')).toHaveLength(1);
			},
		);

		it('follows a redirect to another http address', async () => {
			environment().emulator.injectFaults({ route: 'files', redirectTo: '?bytes=65536' });
			const result = await environment().harness.runWorkflow(run());
			expect(result.error).toBeUndefined();
			const [item] = result.output(node);
			expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileSize: '65.5 kB' });
			const files = environment().emulator.requestsTo('files');
			expect(files).toHaveLength(2);
			expect(files[1].query).toEqual({ bytes: '65536' });
		});
	});

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
				const url = `${environment().emulator.url}/files/frame.png`;
				environment().emulator.injectFaults({ route: 'files', redirectTo: target, times: 10 });
				const result = await environment().harness.runWorkflow(upload(url));
				expect(result.error?.message).toBe(
					`The file at ${url} could not be fetched: it redirects to a ${scheme} address, not http(s)`,
				);
				expect(environment().emulator.requestsTo('files')).toHaveLength(1);
				expect(environment().emulator.requestsTo('runware')).toEqual([]);
			},
		);
	});
});
