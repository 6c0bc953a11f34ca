import type { Emulator, Fault } from '../emulator';
import { UploadAsset } from '../../nodes/UploadAsset/UploadAsset.node';
import { fileItem } from './bad-input/types';
import { storeRunwareMedia, uploadRunwayAssets } from './support/api';
import { ECHOED, echoingKnobs } from './support/echo';
import { FIRST_ACCOUNT, SECRETS, TYPES } from './support/env';
import {
	casesFor,
	ITEMS,
	oneNodeWorkflow,
	runFaultCase,
	type FaultCase,
	type FaultSubject,
} from './support/runner';
import { cancelMidWaitCase } from './support/special-cases';

type Operation = 'upload' | 'delete';
type Provider = 'runware' | 'runway';

const OPERATIONS: readonly Operation[] = ['upload', 'delete'];

const PROVIDERS = {
	runware: {
		credential: 'runwareApi',
		routes: { upload: 'runware.mediaStorage', delete: 'runware.mediaStorage' },
		idField: 'mediaUUID',
		store: async (emulator: Parameters<typeof storeRunwareMedia>[0]) =>
			await storeRunwareMedia(emulator, ITEMS),
	},
	runway: {
		credential: 'useApiApi',
		routes: { upload: 'useapi.assets.upload', delete: 'useapi.assets.delete' },
		idField: 'assetId',
		store: async (emulator: Parameters<typeof uploadRunwayAssets>[0]) =>
			await uploadRunwayAssets(emulator, ITEMS, FIRST_ACCOUNT),
	},
} as const;

const PAID_ROUTES = ['runware.videoInference', 'useapi.create'];

/**
 * Upload Asset: two files of the input items uploaded, or two stored files deleted. Uploads and deletions are safe
 * to repeat (a repeated upload stores a second copy, nothing paid starts), so the node retries them; a request is
 * repeated only when a fault hid its answer.
 */
function assetSubject(provider: Provider): FaultSubject<Operation> {
	const { credential, idField, store } = PROVIDERS[provider];
	const target = { name: 'Upload Asset', type: TYPES.uploadAsset, credentials: [credential] };
	return {
		type: TYPES.uploadAsset,
		name: target.name,
		nodeType: new UploadAsset(),
		credentialEmail: FIRST_ACCOUNT,
		async prepare(env, operation) {
			if (operation === 'upload') {
				return Array.from({ length: ITEMS }, (_, index) =>
					fileItem(4096, 'image/png', `frame-${index + 1}.png`),
				);
			}
			return (await store(env.emulator)).map((id) => ({ json: { [idField]: id } }));
		},
		workflow: (operation, items, options) =>
			oneNodeWorkflow(target, items, { provider, operation, source: 'binary' }, options),
		expectNoTaskCreatedTwice(env, itemCount, since) {
			const run = env.emulator.requests.slice(since);
			expect(run.filter((request) => PAID_ROUTES.includes(request.route))).toEqual([]);
			const answered = run.filter(
				(request) => request.fault === undefined && request.status === 200,
			);
			expect(answered.length).toBeLessThanOrEqual(itemCount);
		},
	};
}

const KEY_ECHO: Record<Provider, Omit<Fault, 'route'>> = {
	runware: {
		status: 401,
		body: { errors: [{ code: 'invalidApiKey', message: `Bad key ${SECRETS.runware}` }] },
	},
	runway: { status: 401, body: { error: `Bad token ${SECRETS.useapi}`, code: 401 } },
};

function cases(provider: Provider, operation: Operation): Array<FaultCase<Operation>> {
	const route = PROVIDERS[provider].routes[operation];
	const fault = (
		name: string,
		injected: Omit<Fault, 'route'>,
		expected: FaultCase['expected'],
	) => ({
		name,
		modes: [operation],
		arrange: (emulator: Emulator) => emulator.injectFaults({ route, ...injected }),
		expected,
	});
	const notJson =
		provider === 'runware'
			? /^Runware answered HTTP 200 with a body that is not valid JSON/
			: /^useapi.net answered with a body that is not valid JSON/;
	const unknownAfterRepeat =
		provider === 'runware' ? /^Runware error / : /^useapi.net does not know the asset /;
	return [
		fault('429 burst', { status: [429, 429] }, 'success'),
		fault('500, 502, 503 burst', { status: [500, 502, 503] }, 'success'),
		fault('connection dropped before the request was handled', { drop: 'before' }, 'success'),
		// A deletion repeated after its answer was lost finds nothing left to delete.
		fault(
			'connection dropped after the request was handled',
			{ drop: 'after' },
			operation === 'upload' ? 'success' : [unknownAfterRepeat, 'success'],
		),
		fault('slow answers', { delayMs: 1500, times: 2 }, 'success'),
		fault('malformed JSON answering', { malformed: true }, [notJson, 'success']),
		fault('an error answer that repeats the API key', KEY_ECHO[provider], [
			provider === 'runware'
				? /^Runware error invalidApiKey: Bad key \[redacted\]$/
				: /^useapi.net rejected the API token: Bad token \[redacted\]$/,
			'success',
		]),
		...[400, 401, 403].map((status) => ({
			...fault(`the key echoed in a ${status} answer`, { status }, [ECHOED, 'success']),
			knobs: echoingKnobs(),
		})),
		...(provider === 'runware'
			? [
					fault('Runware error inside HTTP 200', { code: 'noAvailableServer' }, [
						/^Runware error noAvailableServer: /,
						'success',
					]),
					{
						...fault(
							'the key echoed in a Runware error inside HTTP 200',
							{ code: 'invalidRequest' },
							[ECHOED, 'success'],
						),
						knobs: echoingKnobs(),
					},
				]
			: []),
	];
}

describe.each(['runware', 'runway'] as const)('Upload Asset faults (%s)', (provider) => {
	const subject = assetSubject(provider);

	describe.each(OPERATIONS)('%s', (operation) => {
		it.concurrent.each(casesFor(cases(provider, operation), operation))(
			'%s',
			async (_name, fault) => {
				await runFaultCase(subject, fault, operation);
			},
		);
	});

	it.concurrent('stops at the cancel signal while an upload waits to be retried', async () => {
		const busy = assetSubject(provider);
		const route = PROVIDERS[provider].routes.upload;
		const prepare = busy.prepare.bind(busy);
		busy.prepare = async (env, operation) => {
			env.emulator.injectFaults({ route, status: 503, times: 4 });
			return await prepare(env, operation);
		};
		await cancelMidWaitCase(busy, 'upload', { route, knobs: {} });
	});
});
