import type { INodeParameters } from 'n8n-workflow';

import type { NodeOptions, RunWorkflowInput } from '../../harness';
import { startEnvironment, type Environment } from '../../support/environment';
import * as runware from '../runware-video/setup';
import * as runway from '../runway-video/setup';

export interface DownloadingNode {
	node: string;
	run: () => RunWorkflowInput;
}

/**
 * A finished video downloaded by each video node (the result URL is served under the emulator's `files` route),
 * with `extra` parameters and node options, as `describe.each` rows.
 */
export function downloadingNodes(
	extra: INodeParameters = {},
	options: NodeOptions = {},
): Array<[string, DownloadingNode]> {
	const nodes: DownloadingNode[] = [
		{
			node: runware.NODE_NAME,
			run: () =>
				runware.videoRun(
					{
						model: runware.model('klingai:5@3'),
						positivePrompt: 'A koi pond in the rain, slow motion',
						duration: 5,
						waitMode: 'wait',
						returnAs: 'binary',
						...extra,
					},
					[{ json: {} }],
					options,
				),
		},
		{
			node: runway.NODE_NAME,
			run: () =>
				runway.videoRun(
					{
						model: 'gen4.5',
						text_prompt: 'A lighthouse in a storm at night',
						waitMode: 'wait',
						returnAs: 'binary',
						...extra,
					},
					[{ json: {} }],
					options,
				),
		},
	];
	return nodes.map((entry) => [entry.node, entry]);
}

/** One environment for the file's tests, binary data on the filesystem, the emulator reset after each test. */
export function downloadEnvironment(): () => Environment {
	let env: Environment | undefined;
	beforeAll(async () => {
		env = await startEnvironment({}, { binaryMode: 'filesystem' });
	});
	afterAll(async () => await env?.close());
	afterEach(async () => await env?.emulator.reset());
	return () => {
		if (!env) throw new Error('the environment is not started');
		return env;
	};
}
