/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench tooling: reads a schema fixture */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Harness, NodeMethodRequest } from '../../test/harness';
import { benchHarness, FIRST_ACCOUNT, TYPES, type BenchEnv, startBenchEnv } from '../env';
import type { Figure, Measure } from '../report';
import { median, percentile, progress } from '../report';

const CALLS = 100;
const CATALOGUE_MODEL = 'klingai:5@3';
/** A model with a schema fixture at the emulator. */
const SCHEMA_MODEL = 'openai:3@2';
const CATALOGUE_LOADERS = [
	'getDurations',
	'getFrameRates',
	'getDimensions',
	'getResolutions',
	'getVoices',
];
const SCHEMA_FIXTURE = join(
	__dirname,
	'..',
	'..',
	'test',
	'emulator',
	'schemas',
	'openai-sora-2-pro.json',
);

interface Timing {
	medianMs: number;
	p95Ms: number;
}

async function time(calls: number, call: (index: number) => Promise<unknown>): Promise<Timing> {
	const samples: number[] = [];
	for (let index = 0; index < calls; index++) {
		const started = performance.now();
		await call(index);
		samples.push(performance.now() - started);
	}
	return { medianMs: median(samples), p95Ms: percentile(samples, 0.95) };
}

const rl = (air: string) => ({ __rl: true, mode: 'list', value: air });

const runwareLoader = (methodName: string, air: string): NodeMethodRequest => ({
	nodeType: TYPES.runwareVideo,
	methodName,
	parameters: { model: rl(air) },
	credentials: ['runwareApi'],
});

const reference = (methodName: string, provider = 'runware'): NodeMethodRequest => ({
	nodeType: TYPES.reference,
	methodName,
	parameters: { provider, model: SCHEMA_MODEL },
	credentials: [provider === 'runware' ? 'runwareApi' : 'useApiApi'],
});

async function timeLoader(harness: Harness, request: NodeMethodRequest): Promise<Timing> {
	await harness.loadOptions(request);
	return await time(CALLS, async () => await harness.loadOptions(request));
}

interface Row {
	label: string;
	ours: Timing;
	reference: Timing;
}

/** Figure 6: how long each option loader takes to answer, catalogue and cached-schema paths. */
export async function editorResponsiveness(): Promise<Figure> {
	const env: BenchEnv = await startBenchEnv({}, { schemas: true, credentialEmail: FIRST_ACCOUNT });
	const catalogueOnly = await benchHarness(env.emulator, { credentialEmail: FIRST_ACCOUNT });
	try {
		progress(`figure 6: option loaders, ${CALLS} calls each`);
		const ideal = await timeLoader(env.harness, reference('getFixed'));
		const naiveSchema = await timeLoader(env.harness, reference('getDurations'));
		const naiveAccounts = await timeLoader(env.harness, reference('getAccounts', 'runway'));

		// The first call for a model reads its schema: a fresh model each time, served like the fixture.
		const fixture: unknown = JSON.parse(readFileSync(SCHEMA_FIXTURE, 'utf8'));
		for (let index = 0; index < CALLS; index++)
			env.emulator.registerSchema(fixture, `acme:bench${index}@1`);
		const firstRead = await time(
			CALLS,
			async (index) =>
				await env.harness.loadOptions(runwareLoader('getDurations', `acme:bench${index}@1`)),
		);

		const rows: Row[] = [];
		for (const method of CATALOGUE_LOADERS) {
			rows.push({
				label: `Runware ${method}, catalogue`,
				ours: await timeLoader(catalogueOnly, runwareLoader(method, CATALOGUE_MODEL)),
				reference: naiveSchema,
			});
		}
		rows.push(
			{
				label: 'Runware getDurations, cached schema',
				ours: await timeLoader(env.harness, runwareLoader('getDurations', SCHEMA_MODEL)),
				reference: naiveSchema,
			},
			{ label: 'Runware getDurations, first schema read', ours: firstRead, reference: naiveSchema },
			{
				label: 'Runware model search (list)',
				ours: await time(CALLS, async () =>
					env.harness.listSearch({ ...runwareLoader('searchModels', ''), filter: 'kling 2' }),
				),
				reference: naiveSchema,
			},
			{
				label: 'Runway getAccounts (reads the API)',
				ours: await timeLoader(env.harness, {
					nodeType: TYPES.runwayVideo,
					methodName: 'getAccounts',
					credentials: ['useApiApi'],
				}),
				reference: naiveAccounts,
			},
			{
				label: 'Upload Asset getUploadAccounts (reads the API)',
				ours: await timeLoader(env.harness, {
					nodeType: TYPES.uploadAsset,
					methodName: 'getUploadAccounts',
					parameters: { provider: 'runway', operation: 'upload' },
					credentials: ['useApiApi'],
				}),
				reference: naiveAccounts,
			},
		);
		const measures: Measure[] = rows.map((row) => ({
			label: row.label,
			unit: 'ms',
			ours: row.ours.medianMs,
			reference: row.reference.medianMs,
			ideal: ideal.medianMs,
		}));
		return {
			id: 6,
			title: 'Editor responsiveness (option loaders)',
			setup: `Median time of ${CALLS} calls of each loader through n8n's LoadOptionsContext (real time, not scaled; APIs on loopback). Reference: a loader that asks the API on every call (the model schema, or the account list); ideal: a loader returning a fixed list.`,
			measures,
			notes: [
				'Catalogue path: no schema URL in the credential. Cached schema: the model schema was read once in the last 5 minutes. First schema read: a model asked for the first time.',
				'The account loaders read useapi.net on every call, as the reference does: a list of accounts has no local source.',
			],
			details: {
				p95Ms: Object.fromEntries([
					...rows.map((row) => [row.label, row.ours.p95Ms]),
					['reference schema read', naiveSchema.p95Ms],
					['reference accounts read', naiveAccounts.p95Ms],
					['fixed list', ideal.p95Ms],
				]),
			},
		};
	} finally {
		await catalogueOnly.close();
		await env.close();
	}
}
