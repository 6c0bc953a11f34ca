import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { PollTask } from '../../nodes/PollTask/PollTask.node';
import { RunwareVideo } from '../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../nodes/RunwayVideo/RunwayVideo.node';
import { UploadAsset } from '../../nodes/UploadAsset/UploadAsset.node';
import type { RequestRecord } from '../emulator';
import { node, startNode, workflow } from '../harness';
import { model, setup as runwareSetup, type Setup } from '../integration/runware-video/setup';
import { FIELDS_FROM_JSON } from '../integration/runway-video/setup';
import { runwareVideoBadInputs } from './bad-input/runware-video.cases';
import { fileItem } from './bad-input/types';
import { FIRST_ACCOUNT, startFaultEnv, TYPES, type FaultEnv } from './support/env';
import { secretLeaks } from './support/secrets';

/**
 * Values that reach a request path or query from an item (an expression over incoming data), made to leave their
 * path segment or query value: each must fail its item with an error naming the field before any request, or
 * reach exactly the intended endpoint with exactly the intended value.
 */

const TASK_ID = 'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-00000000000a';
const ASSET_ID = 'user:1-runwayml:first@runway.test-asset:0b7c1d2e-0000-4000-8000-00000000000b';
const UUID = '6f1c2a9e-0c1d-4f3e-9a55-2b7f3c1d8e40';
/** The issue's example: backslashes and dot segments that n8n's HTTP client turned into DELETE /accounts/… */
const ISSUE_EXAMPLE = 'user:1-runwayml:a@b.c-asset:x\\..\\..\\accounts\\victim@b.c';

/** Hostile spellings built on a well-formed `valid` value. */
function hostileValues(valid: string): Array<[string, string]> {
	return [
		['the issue example', ISSUE_EXAMPLE],
		['slash and dot segments', `${valid}/../../accounts`],
		['backslash and dot segments', `${valid}\\..\\..\\accounts`],
		['only a dot segment', '..'],
		['only a dot', '.'],
		['encoded dot segments', `${valid}%2e%2e`],
		['encoded dot segments with backslashes', `%2e%2e\\%2e%2e\\accounts\\${valid}`],
		['an encoded slash', `${valid}%2f..%2faccounts`],
		['a query', `${valid}?email=victim@b.c`],
		['an extra query parameter', `${valid}&limit=1000`],
		['a fragment', `${valid}#top`],
		['inner whitespace', `${valid.slice(0, 10)} ${valid.slice(10)}`],
		['a newline and a path', `${valid}\n/../accounts`],
		['a tab', `${valid}\tx`],
		['fullwidth solidi (U+FF0F)', `${valid}\uFF0F..\uFF0Faccounts`],
		['one dot leaders (U+2024)', `${valid}/\u2024\u2024/accounts`],
		['a Cyrillic look-alike letter', valid.replace('e', '\u0435')],
		['empty', ''],
		['surrounding whitespace and a newline', `  ${valid}\n`],
	];
}

interface PathTarget {
	/** Node and operation. */
	title: string;
	nodeType: INodeType;
	type: string;
	name: string;
	credentials: string[];
	/** How an error names the field. */
	field: string;
	valid: string;
	/** The node's parameters and input item when the field's value is `value` (from the item, by expression). */
	input(value: string): { parameters: INodeParameters; item: INodeExecutionData };
	/** Whether a request is exactly the intended one: endpoint path and, where the value goes in the query, it. */
	intended(request: RequestRecord): boolean;
}

const fromItem = (parameter: string, value: string, extra: INodeParameters = {}) => ({
	parameters: { ...extra, [parameter]: '={{ $json.value }}' },
	item: { json: { value } },
});

const exactly =
	(path: string, query: Record<string, string | undefined> = {}) =>
	(request: RequestRecord) =>
		request.path === path &&
		Object.entries(query).every(([key, value]) => request.query[key] === value);

/** The JSON objects of a request body (Runware's array of tasks, or useapi.net's one object). */
function bodyObjects(request: RequestRecord): Array<Record<string, unknown>> {
	const value = request.body?.kind === 'json' ? request.body.value : undefined;
	const list = Array.isArray(value) ? value : [value];
	return list.filter(
		(entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
	);
}

/** A request to `path` whose body gives `field` only as `valid` (or not at all). */
const exactlyInBody = (path: string, field: string, valid: string) => (request: RequestRecord) =>
	request.path === path &&
	bodyObjects(request).every((entry) => [valid, undefined].includes(entry[field] as string));

const pollTask = { nodeType: new PollTask(), type: TYPES.pollTask, name: 'Poll Task' };
const uploadAsset = { nodeType: new UploadAsset(), type: TYPES.uploadAsset, name: 'Upload Asset' };
const runwayVideo = { nodeType: new RunwayVideo(), type: TYPES.runwayVideo, name: 'Runway Video' };
const runwareVideo = {
	nodeType: new RunwareVideo(),
	type: TYPES.runwareVideo,
	name: 'Runware Video',
};
const AIR = 'klingai:5@3';

const POLLED = {
	runway: {
		label: 'Runway',
		credential: 'useApiApi',
		field: 'taskId',
		valid: TASK_ID,
		intended: exactly(`/useapi/v1/runwayml/tasks/${TASK_ID}`),
	},
	runware: {
		label: 'Runware',
		credential: 'runwareApi',
		field: 'taskUUID',
		valid: UUID,
		intended: exactlyInBody('/runware/v1', 'taskUUID', UUID),
	},
};

/** Poll Task reading the task ID of `provider` from the item. */
const pollTarget = (provider: keyof typeof POLLED, operation: string): PathTarget => {
	const { label, credential, field, valid, intended } = POLLED[provider];
	return {
		...pollTask,
		title: `Poll Task, ${label}, ${operation}: ${field}`,
		credentials: [credential],
		field,
		valid,
		input: (value) =>
			fromItem(field, value, {
				provider,
				operation,
				returnAs: 'url',
				waitingOptions: { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 0.05 },
			}),
		intended,
	};
};

/**
 * Upload Asset's requests to `/v1/runwayml/assets/` that take an item value as the query parameter `parameter`.
 * An empty value means none (every account's assets, the credential's default account, every media type).
 */
const assetsQueryTarget = (
	operation: string,
	field: string,
	parameter: string,
	valid: string,
	input: PathTarget['input'],
): PathTarget => ({
	...uploadAsset,
	title: `Upload Asset, Runway, ${operation}`,
	credentials: ['useApiApi'],
	field,
	valid,
	input,
	intended: (request) =>
		request.path === '/useapi/v1/runwayml/assets/' &&
		[valid, undefined].includes(request.query[parameter]),
});

/** Runway Video in Submit Only mode, `field` of the create request from the item. */
const runwayVideoTarget = (field: string, valid: string): PathTarget => ({
	...runwayVideo,
	title: `Runway Video, submit: ${field}`,
	credentials: ['useApiApi'],
	field,
	valid,
	input: (value) => ({
		parameters: { ...FIELDS_FROM_JSON, waitMode: 'submit', returnAs: 'url' },
		item: { json: { model: 'gen4.5', text_prompt: 'A lighthouse', [field]: value } },
	}),
	intended: exactlyInBody('/useapi/v1/runwayml/videos/create', field, valid),
});

const TARGETS: PathTarget[] = [
	pollTarget('runway', 'check'),
	pollTarget('runway', 'wait'),
	pollTarget('runware', 'check'),
	pollTarget('runware', 'wait'),
	{
		...uploadAsset,
		title: 'Upload Asset, Runway, delete: assetId',
		credentials: ['useApiApi'],
		field: 'assetId',
		valid: ASSET_ID,
		input: (value) => fromItem('assetId', value, { provider: 'runway', operation: 'delete' }),
		intended: exactly(`/useapi/v1/runwayml/assets/${ASSET_ID}`),
	},
	{
		...uploadAsset,
		title: 'Upload Asset, Runware, delete: mediaUUID',
		credentials: ['runwareApi'],
		field: 'mediaUUID',
		valid: UUID,
		input: (value) => fromItem('mediaUUID', value, { provider: 'runware', operation: 'delete' }),
		intended: exactlyInBody('/runware/v1', 'media', UUID),
	},
	assetsQueryTarget('list: account email', 'listAccount', 'email', FIRST_ACCOUNT, (value) =>
		fromItem('listAccount', value, { provider: 'runway', operation: 'list', returnAll: true }),
	),
	assetsQueryTarget('list: mediaType', 'Media Type', 'mediaType', 'video', (value) =>
		fromItem('mediaType', value, { provider: 'runway', operation: 'list', returnAll: true }),
	),
	assetsQueryTarget(
		'upload: account email',
		'Runway Account (email)',
		'email',
		FIRST_ACCOUNT,
		(value) => ({
			parameters: {
				provider: 'runway',
				operation: 'upload',
				source: 'binary',
				binaryPropertyName: 'data',
				email: '={{ $json.value }}',
			},
			item: fileItem(1024, 'image/png', 'frame.png', 'data', { value }),
		}),
	),
	{
		...runwareVideo,
		title: 'Runware Video, submit: model',
		credentials: ['runwareApi'],
		field: 'model',
		valid: AIR,
		input: (value) => ({
			parameters: {
				...runwareVideoBadInputs.parameters,
				model: { __rl: true, mode: 'id', value: '={{ $json.value }}' },
				waitMode: 'submit',
			},
			item: { json: { ...runwareVideoBadInputs.item.json, value } },
		}),
		intended: exactlyInBody('/runware/v1', 'model', AIR),
	},
	runwayVideoTarget('email', FIRST_ACCOUNT),
	runwayVideoTarget('imageAssetId1', ASSET_ID),
];

describe.each(TARGETS.map((target): [string, PathTarget] => [target.title, target]))(
	'hostile path values: %s',
	(_title, target) => {
		let env: FaultEnv;

		beforeAll(async () => {
			env = await startFaultEnv({ nodeTypes: { [target.type]: target.nodeType } });
		});
		afterAll(async () => await env.close());
		afterEach(async () => await env.emulator.reset());

		it.each(hostileValues(target.valid))('%s', async (_name, value) => {
			const { parameters, item } = target.input(value);
			const result = await env.harness.runWorkflow(
				workflow([
					startNode([item]),
					node(target.name, target.type, parameters, {
						credentials: target.credentials,
						onError: 'continueRegularOutput',
					}),
				]),
			);
			expect(result.status).toBe('success');
			const output = result.output(target.name);
			// Every output comes from the one item (a list of no assets has none).
			expect(output.map((entry) => entry.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
			const requests = env.emulator.requests;
			const strayed = requests.filter((request) => !target.intended(request));
			expect(
				strayed.map(
					(request) => `${request.method} ${request.path} ${JSON.stringify(request.body)}`,
				),
			).toEqual([]);
			if (requests.length === 0) {
				// Refused before any request: the error names the field, and the value when there is one.
				expect(output).toHaveLength(1);
				const error = String(output[0].json.error);
				expect(error).toContain(target.field);
				const shown = [value, value.trim()].map((text) => JSON.stringify(text));
				if (value.trim() !== '')
					expect(shown.filter((text) => error.includes(text))).not.toEqual([]);
			}
			expect(secretLeaks(env, [result])).toEqual([]);
		});
	},
);

describe('hostile path values: Runware Video, model option loaders: model', () => {
	let env: Setup;

	beforeAll(async () => {
		env = await runwareSetup({ schemas: true });
	});
	afterAll(async () => await env.close());
	afterEach(async () => await env.emulator.reset());

	it.each(hostileValues(AIR))('%s', async (_name, value) => {
		await env.harness.loadOptions({
			nodeType: TYPES.runwareVideo,
			methodName: 'getDurations',
			parameters: { model: model(value) },
			credentials: ['runwareApi'],
			path: 'parameters.duration',
		});
		// The public schema of the model, or nothing: a value that is no AIR is not looked up.
		const paths = env.emulator.requests.map((request) => request.path);
		expect(paths.filter((path) => path !== `/runware-schemas/resolve/${AIR}`)).toEqual([]);
	});
});
