import type { INodeParameters } from 'n8n-workflow';

import type { RunWorkflowInput } from '../../harness';
import { startEnvironment, type Environment } from '../../support/environment';
import * as runware from '../runware-video/setup';
import * as runway from '../runway-video/setup';

/** The video nodes, each with a valid request; `settings` are merged over it. */
const NODES: ReadonlyArray<[string, (settings: INodeParameters) => RunWorkflowInput]> = [
	[
		runware.NODE_NAME,
		(settings) =>
			runware.videoRun({
				model: runware.model('klingai:5@3'),
				positivePrompt: 'A koi pond in the rain, slow motion',
				waitMode: 'wait',
				...settings,
			}),
	],
	[
		runway.NODE_NAME,
		(settings) =>
			runway.videoRun({
				model: 'gen4.5',
				text_prompt: 'A lighthouse in a storm at night',
				waitMode: 'wait',
				...settings,
			}),
	],
];

/** Node-level settings given by expressions: read as they are or refused, before any request. */
const SETTINGS: ReadonlyArray<{ title: string; settings: INodeParameters; message: string }> = [
	{
		title: 'a Return As that is not one of its choices',
		settings: { returnAs: '={{ "file" }}' },
		message: 'Return As "file" is not one of the choices: allowed binary, url',
	},
	{
		title: 'a timeout in exponent notation',
		settings: { waitingOptions: { timeoutMinutes: '={{ "1e1" }}' } },
		message: 'Timeout (Minutes) "1e1" is not a plain decimal number: allowed a number from 0',
	},
	{
		title: 'a first check delay that is Infinity',
		settings: { waitingOptions: { firstPollSeconds: '={{ "Infinity" }}' } },
		message:
			'First Check After (Seconds) "Infinity" is not a plain decimal number: allowed a number from 0',
	},
	{
		title: 'a negative longest interval',
		settings: { waitingOptions: { maxPollSeconds: '={{ -5 }}' } },
		message: 'Longest Interval (Seconds) -5 is out of range: allowed a number from 0',
	},
	{
		title: 'an output field that is an object',
		settings: { returnAs: 'binary', binaryPropertyName: '={{ { name: "video" } }}' },
		message: 'Put Output File in Field must be text, not an object',
	},
];

describe('waiting and download settings of the video nodes', () => {
	let env: Environment;

	beforeAll(async () => {
		env = await startEnvironment();
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	describe.each(NODES)('%s', (_node, run) => {
		it.each(SETTINGS.map((entry): [string, (typeof SETTINGS)[number]] => [entry.title, entry]))(
			'refuses %s before any request',
			async (_title, { settings, message }) => {
				const result = await env.harness.runWorkflow(run(settings));
				expect(result.error?.message).toBe(message);
				expect(env.emulator.requests).toEqual([]);
			},
		);
	});
});
