import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ItemOutcomes } from '../../../nodes/shared/execution/outcomes';

const node: INode = {
	id: 'node-id',
	name: 'Video',
	type: 'n8n-nodes-ai-video.runwareVideo',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The two things ItemOutcomes asks of an execution context. */
const context = (continueOnFail: boolean) =>
	({ getNode: () => node, continueOnFail: () => continueOnFail }) as unknown as IExecuteFunctions;

const sharedError = () =>
	new NodeApiError(
		node,
		{ code: 'invalidApiKey' },
		{
			message: 'Runware error invalidApiKey: Invalid API key',
			description: 'Check the API key',
			httpCode: '401',
		},
	);

describe('ItemOutcomes', () => {
	it('throws an error shared by several items for the first of them', () => {
		const outcomes = new ItemOutcomes(context(false), 2);
		const error = sharedError();
		outcomes.fail(0, error);
		outcomes.fail(1, error);
		let thrown: unknown;
		try {
			outcomes.toOutput();
		} catch (caught) {
			thrown = caught;
		}
		expect(thrown).toBe(error);
		expect(error.context.itemIndex).toBe(0);
	});

	it('gives each further item of a shared error a copy naming that item', () => {
		const outcomes = new ItemOutcomes(context(true), 3);
		const error = sharedError();
		outcomes.fail(2, error);
		outcomes.fail(0, error);
		outcomes.succeed(1, [{ json: { videoURL: 'https://example.test/v.mp4' } }]);
		expect(outcomes.toOutput()).toEqual([
			{
				json: { error: error.message, description: 'Check the API key' },
				pairedItem: { item: 0 },
			},
			{ json: { videoURL: 'https://example.test/v.mp4' }, pairedItem: { item: 1 } },
			{
				json: { error: error.message, description: 'Check the API key' },
				pairedItem: { item: 2 },
			},
		]);
		expect(error.context.itemIndex).toBe(2);
	});

	it('copies keep the class, message, description and stack of the error', () => {
		const outcomes = new ItemOutcomes(context(false), 2);
		const error = sharedError();
		outcomes.fail(1, error);
		outcomes.fail(0, error);
		let thrown: NodeApiError | undefined;
		try {
			outcomes.toOutput();
		} catch (caught) {
			thrown = caught as NodeApiError;
		}
		expect(thrown).not.toBe(error);
		expect(thrown).toBeInstanceOf(NodeApiError);
		expect(thrown).toMatchObject({
			message: error.message,
			description: error.description,
			httpCode: '401',
			stack: error.stack,
			context: { itemIndex: 0 },
		});
		expect(error.context.itemIndex).toBe(1);
	});
});
