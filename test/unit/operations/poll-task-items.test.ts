import { readPollTasks } from '../../../nodes/PollTask/actions/tasks';
import { ItemOutcomes } from '../../../nodes/shared/execution/outcomes';
import { useApiAssetId, uuidOf } from '../../support/ids';
import { executeContext, type ItemSpec } from './context';

const RUNWARE_TASK = uuidOf('task-1');
const RUNWAY_TASK = useApiAssetId('first@runway.test', 'task-1').replace('-asset:', '-task:');
const RUNWAY_ASSET = useApiAssetId('first@runway.test', 'asset-1');

/** Reads the items' tasks with Continue On Fail, so that every item gives its task or its error. */
function read(provider: 'runware' | 'runway', items: ItemSpec[]) {
	const ctx = executeContext(items, true);
	const outcomes = new ItemOutcomes(ctx, items.length);
	const tasks = readPollTasks(ctx, outcomes, provider);
	for (const { itemIndex } of tasks) outcomes.succeed(itemIndex, [{ json: {} }]);
	const errors = outcomes.toOutput().flatMap((item) => {
		const error = item.json.error;
		return error === undefined ? [] : [{ item: item.pairedItem, message: String(error) }];
	});
	return { tasks, errors };
}

describe('Poll Task: reading the items’ tasks', () => {
	it('takes the Runware task UUID and, from a Submit Only item of that task, its model and result count', () => {
		const { tasks, errors } = read('runware', [
			{
				json: {
					taskUUID: RUNWARE_TASK,
					model: 'openai:3@1',
					numberResults: 2,
					outputFormat: 'MP4',
				},
				parameters: { taskUUID: RUNWARE_TASK },
			},
		]);
		expect(errors).toEqual([]);
		expect(tasks).toEqual([
			{
				itemIndex: 0,
				taskId: RUNWARE_TASK,
				details: {
					numberResults: 2,
					model: 'openai:3@1',
					outputFormat: 'MP4',
					replyRef: undefined,
				},
			},
		]);
	});

	it.each([
		['the option when set', { numberResults: 3 }, 2, 3],
		["the item's numberResults otherwise", {}, 2, 2],
		['1 when neither says', {}, undefined, 1],
	])('Runware results per task: %s', (_, runwareOptions, carried, expected) => {
		const { tasks } = read('runware', [
			{
				json: { taskUUID: RUNWARE_TASK, numberResults: carried },
				parameters: { taskUUID: RUNWARE_TASK, runwareOptions },
			},
		]);
		expect(tasks[0]?.details.numberResults).toBe(expected);
	});

	it('refuses more than 4 results per task (a task makes at most 4)', () => {
		const { tasks, errors } = read('runware', [
			{ parameters: { taskUUID: RUNWARE_TASK, runwareOptions: { numberResults: 5 } } },
		]);
		expect(tasks).toEqual([]);
		expect(errors).toHaveLength(1);
	});

	it('takes details only from an item that is the output of that very task', () => {
		const { tasks } = read('runway', [
			{
				json: { taskId: 'another', model: 'gen4.5', replyRef: 'ref-1' },
				parameters: { taskId: RUNWAY_TASK },
			},
		]);
		expect(tasks[0]?.details).toEqual({});
	});

	it('gives an error item for each unusable ID and reads the other items', () => {
		const { tasks, errors } = read('runway', [
			{ parameters: { taskId: RUNWAY_ASSET } },
			{ parameters: { taskId: '' } },
			{ parameters: { taskId: ` ${RUNWAY_TASK} ` } },
			{ parameters: { taskId: 'not-an-id' } },
		]);
		expect(tasks.map(({ itemIndex, taskId }) => [itemIndex, taskId])).toEqual([[2, RUNWAY_TASK]]);
		expect(errors.map(({ message }) => message)).toEqual([
			expect.stringContaining('is a Runway asset ID, not a task ID'),
			expect.stringContaining('No taskId'),
			expect.stringContaining('is not a useapi.net Runway task ID'),
		]);
	});

	it('refuses an ID that is not a Runware task UUID', () => {
		const { errors } = read('runware', [{ parameters: { taskUUID: 12345 } }]);
		expect(errors.map(({ message }) => message)).toEqual([
			expect.stringContaining('taskUUID "12345" is not a Runware task UUID'),
		]);
	});
});
