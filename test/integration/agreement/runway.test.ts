import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createBodyError } from '../../emulator/useapi/validate';
import { ASSET_FIELDS, RUNWAY_MODELS } from '../../emulator/useapi/rules';
import {
	FIELDS_FROM_JSON,
	FIRST,
	NODE_NAME,
	sentCreates,
	setup,
	uploadAsset,
	videoRun,
	type Setup,
} from '../runway-video/setup';
import { runwayCases, SHOT_LISTS, type AssetIds } from './runway-cases';
import { compareVerdicts, expectAgreement, type AgreementCase, type Comparison } from './verdicts';

/*
 * The node's verdict (refuse before sending, or send) must be the emulator's verdict on the same
 * request, for every documented rule of every model. The emulator states the rules from the seed,
 * independently of the node, so a rule the node gets wrong shows up here as a disagreement.
 */

async function uploadAll(env: Setup): Promise<AssetIds> {
	const ids: AssetIds = {};
	for (const field of ASSET_FIELDS) {
		ids[field] = await uploadAsset(
			env.emulator,
			FIRST,
			field.startsWith('video') ? 'video' : 'image',
		);
	}
	return ids;
}

/** Runs every case as one item of one workflow (Submit Only, continue on fail) and compares verdicts. */
async function compare(
	env: Setup,
	cases: AgreementCase[],
	multishot: INodeParameters = {},
	shotWire: IDataObject = {},
): Promise<Comparison> {
	const tag = (index: number) => `#${index}|`;
	const items = cases.map((entry, index) => {
		const ref = entry.body.replyRef as string | undefined;
		const replyRef = ref === undefined ? tag(index) : (tag(index) + ref).slice(0, ref.length);
		return { json: { ...entry.body, replyRef } };
	});
	const before = env.emulator.requestsTo('useapi.create').length;
	const result = await env.harness.runWorkflow(
		videoRun({ ...FIELDS_FROM_JSON, waitMode: 'submit', multishot }, items, {
			onError: 'continueRegularOutput',
		}),
	);
	const sent = sentCreates(env.emulator, before);
	const output = result.output(NODE_NAME);
	expect(output).toHaveLength(cases.length);
	return compareVerdicts(cases, (index) => ({
		sent: sent.some((body) => String(body.replyRef).startsWith(tag(index))),
		itemError: output[index].json.error as string | undefined,
		refusal: createBodyError({ ...items[index].json, ...shotWire }),
	}));
}

describe('Runway Video and the useapi.net emulator agree on every documented rule', () => {
	let env: Setup;
	let ids: AssetIds;

	beforeAll(async () => {
		env = await setup({
			accounts: [{ email: FIRST, maxJobs: 1000 }],
			knobs: { useapi: { generationMs: 1 } },
		});
		ids = await uploadAll(env);
	});
	afterAll(async () => await env.close());

	it('for each model field, input and combination', async () => {
		const cases = runwayCases(ids);
		expect(cases.length).toBeGreaterThan(18 * 40);
		expectAgreement(await compare(env, cases));
	});

	it.each(SHOT_LISTS.map((list) => [list.name, list] as const))(
		'for multishot lists: %s',
		async (_, list) => {
			const prompt = (index: number) =>
				list.promptLength ? 's'.repeat(list.promptLength) : `Shot ${index + 1}`;
			const multishot = {
				shots: list.durations.map((duration, index) => ({ prompt: prompt(index), duration })),
			};
			const shotWire = Object.fromEntries(
				list.durations.flatMap((duration, index) => [
					[`multishot_prompt_${index + 1}`, prompt(index)],
					[`multishot_duration_${index + 1}`, duration],
				]),
			);
			const cases = Object.keys(RUNWAY_MODELS).map((model) => ({
				name: `${model}: ${list.name}`,
				body: {
					model,
					...(RUNWAY_MODELS[model].prompt?.required ? { text_prompt: 'A prompt' } : {}),
				},
			}));
			const comparison = await compare(env, cases, multishot, shotWire);
			expect(comparison.disagreements).toEqual([]);
			expect(comparison.refusedButSent).toBe(0);
		},
	);
});
