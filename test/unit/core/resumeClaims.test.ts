/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { isClaimed, resumeOnce, waitKey } from '../../../nodes/shared/execution/resumeClaims';

const RESUME_URL = 'http://127.0.0.1:5678/webhook-waiting/7?signature=0f1e2d';

describe('resume claims', () => {
	it('lets exactly one of the calls that arrive together resume a wait', async () => {
		const key = waitKey(RESUME_URL, ['task-a', 'task-b']);
		let runs = 0;
		const resume = async () => {
			runs++;
			await new Promise((resolve) => setImmediate(resolve));
			return 'items';
		};
		const results = await Promise.all([resumeOnce(key, resume), resumeOnce(key, resume)]);
		expect(results).toEqual(['items', undefined]);
		expect(runs).toBe(1);
		// The resumed wait stays claimed: a callback just after the resume is not run again.
		expect(isClaimed(key)).toBe(true);
		await expect(resumeOnce(key, resume)).resolves.toBeUndefined();
	});

	it('frees the wait when the resume failed, so a later callback resumes it', async () => {
		const key = waitKey(RESUME_URL, ['task-c']);
		await expect(
			resumeOnce(key, async () => await Promise.reject(new Error('download failed'))),
		).rejects.toThrow('download failed');
		expect(isClaimed(key)).toBe(false);
		await expect(resumeOnce(key, async () => await Promise.resolve('items'))).resolves.toBe(
			'items',
		);
	});

	it('keeps waits of other executions and other tasks apart', () => {
		const key = waitKey(RESUME_URL, ['task-d']);
		expect(waitKey(RESUME_URL.replace('0f1e2d', '9a8b7c'), ['task-d'])).not.toBe(key);
		expect(waitKey(RESUME_URL, ['task-e'])).not.toBe(key);
		expect(waitKey(RESUME_URL, ['task-d'])).toBe(key);
	});
});
