import type { INodeType } from 'n8n-workflow';

import { PollTask } from '../../nodes/PollTask/PollTask.node';
import { RunwareVideo } from '../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../nodes/RunwayVideo/RunwayVideo.node';
import { UploadAsset } from '../../nodes/UploadAsset/UploadAsset.node';
import { node, startNode, workflow } from '../harness';
import { pollTaskBadInputs } from './bad-input/poll-task.cases';
import { runwareVideoBadInputs } from './bad-input/runware-video.cases';
import { runwayVideoBadInputs } from './bad-input/runway-video.cases';
import type { BadInput, BadInputTable } from './bad-input/types';
import { uploadAssetBadInputs } from './bad-input/upload-asset.cases';
import { startFaultEnv, TYPES, type FaultEnv } from './support/env';
import { secretLeaks } from './support/secrets';

const NODE_TYPES: Record<BadInputTable['node'], INodeType> = {
	runwareVideo: new RunwareVideo(),
	runwayVideo: new RunwayVideo(),
	pollTask: new PollTask(),
	uploadAsset: new UploadAsset(),
};

const tables = [
	runwareVideoBadInputs,
	runwayVideoBadInputs,
	pollTaskBadInputs,
	uploadAssetBadInputs,
];

it('has at least 60 bad inputs across the four nodes', () => {
	expect(tables.map((table) => table.node)).toEqual(Object.keys(NODE_TYPES));
	expect(tables.flatMap((table) => table.cases).length).toBeGreaterThanOrEqual(60);
});

describe.each(tables.map((table): [string, BadInputTable] => [table.name, table]))(
	'bad input: %s',
	(_name, table) => {
		let env: FaultEnv;

		beforeAll(async () => {
			env = await startFaultEnv({ nodeTypes: { [TYPES[table.node]]: NODE_TYPES[table.node] } });
		});
		afterAll(async () => await env.close());
		afterEach(async () => await env.emulator.reset());

		it.each(table.cases.map((bad): [string, BadInput] => [bad.title, bad]))(
			'%s fails its item before any request',
			async (_title, bad) => {
				const result = await env.harness.runWorkflow(
					workflow([
						startNode([bad.item ?? table.item]),
						node(
							table.name,
							TYPES[table.node],
							{ ...table.parameters, ...bad.parameters },
							{ credentials: table.credentials, onError: 'continueRegularOutput' },
						),
					]),
				);
				expect(result.status).toBe('success');
				const output = result.output(table.name);
				expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
				const { error, description } = output[0].json;
				expect(error).toEqual(expect.stringContaining(bad.field));
				const said = [String(error), String(description ?? '')];
				expect(said.find((text) => bad.allowed.test(text)) ?? said).toMatch(bad.allowed);
				expect(env.emulator.requests.map((request) => request.route)).toEqual([]);
				expect(secretLeaks(env, [result])).toEqual([]);
			},
		);
	},
);

// A node-level choice (one for every item) from a workflow written by hand: the run stops before any request.
describe.each([runwareVideoBadInputs, runwayVideoBadInputs])(
	'bad node-level input: $name',
	(table) => {
		let env: FaultEnv;
		beforeAll(async () => {
			env = await startFaultEnv({ nodeTypes: { [TYPES[table.node]]: NODE_TYPES[table.node] } });
		});
		afterAll(async () => await env.close());

		it('refuses a waiting mode the node does not have, sending nothing', async () => {
			const result = await env.harness.runWorkflow(
				workflow([
					startNode([table.item]),
					node(
						table.name,
						TYPES[table.node],
						{ ...table.parameters, waitMode: 'poll' },
						{ credentials: table.credentials },
					),
				]),
			);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				'Waiting "poll" is not one of the choices: allowed wait, submit, webhook',
			);
			expect(env.emulator.requests).toEqual([]);
		});
	},
);
