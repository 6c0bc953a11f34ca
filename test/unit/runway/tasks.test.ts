import { parseRunwayTask, runwayTaskJson } from '../../../nodes/shared/providers/runway/tasks';

const TASK_ID = 'user:1-runwayml:first@runway.test-task:0b7c1d2e-0000-4000-8000-000000000001';

/** GET /v1/runwayml/tasks/{taskId} as useapi.net documents it: progressRatio and fileSize are strings. */
const DOCUMENTED = {
	taskId: TASK_ID,
	id: '0b7c1d2e-0000-4000-8000-000000000001',
	taskType: 'gen4.5',
	options: { seconds: 5, text_prompt: 'A city', seed: 1, exploreMode: false },
	status: 'SUCCEEDED',
	error: null,
	progressText: null,
	progressRatio: '1',
	artifacts: [
		{
			assetId: 'asset-1',
			filename: 'video.mp4',
			url: 'https://cdn.example.test/video.mp4',
			fileSize: '12345678',
			previewUrls: ['https://cdn.example.test/preview.jpg'],
			metadata: { frameRate: 24, duration: 5.209, dimensions: [1280, 768] },
		},
	],
};

describe('Runway task answers', () => {
	it('reads the documented task, numbers sent as strings included', () => {
		expect(parseRunwayTask(DOCUMENTED)).toEqual({
			taskId: TASK_ID,
			status: 'SUCCEEDED',
			taskType: 'gen4.5',
			progress: 100,
			artifacts: [
				{
					url: 'https://cdn.example.test/video.mp4',
					fileName: 'video.mp4',
					fileSize: 12345678,
					assetId: 'asset-1',
					previewUrl: 'https://cdn.example.test/preview.jpg',
					duration: 5.209,
					frameRate: 24,
					width: 1280,
					height: 768,
				},
			],
			failure: undefined,
			replyRef: undefined,
			seed: 1,
			createdAt: undefined,
			updatedAt: undefined,
		});
	});

	it.each([
		['a string', '0.5', 50],
		['a number', 0.25, 25],
		['empty', '', undefined],
		['not a number', 'half', undefined],
	])('reads progressRatio given as %s', (_, progressRatio, progress) => {
		const task = parseRunwayTask({ taskId: TASK_ID, status: 'RUNNING', progressRatio });
		expect(task?.progress).toBe(progress);
	});

	it('reads the create answer, whose task comes as {task: {...}}', () => {
		const task = parseRunwayTask({ task: { taskId: TASK_ID, status: 'pending', artifacts: [] } });
		expect(task).toMatchObject({ taskId: TASK_ID, status: 'PENDING', artifacts: [] });
	});

	it('reads nothing from an answer without a task ID', () => {
		expect(parseRunwayTask({ status: 'RUNNING' })).toBeUndefined();
		expect(parseRunwayTask([DOCUMENTED])).toBeUndefined();
	});

	it('reads the moderation of a failed task from its error object', () => {
		const task = parseRunwayTask({
			taskId: TASK_ID,
			status: 'FAILED',
			error: { reason: 'SAFETY.INPUT.TEXT', moderation_category: 'violence', message: 'Refused' },
		});
		expect(task?.failure).toEqual({
			message: 'Refused',
			reason: 'SAFETY.INPUT.TEXT',
			moderationCategory: 'violence',
			moderated: true,
		});
	});

	it('outputs the task without the fields the answer did not have', () => {
		const task = parseRunwayTask(DOCUMENTED);
		if (!task) throw new Error('the documented task was not read');
		const json = runwayTaskJson(task);
		expect(json).toMatchObject({
			taskId: TASK_ID,
			status: 'SUCCEEDED',
			model: 'gen4.5',
			videoURL: 'https://cdn.example.test/video.mp4',
			seed: 1,
		});
		expect(Object.values(json)).not.toContain(undefined);
		expect(json).not.toHaveProperty('progress');
	});
});
