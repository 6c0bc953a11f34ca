import {
	claimResume,
	isClaimed,
	settleClaim,
	waitKey,
} from '../../../nodes/shared/execution/callbackStates';

const RESUME_URL = 'http://127.0.0.1:5678/webhook-waiting/7?signature=0f1e2d';

describe('resume claims', () => {
	it('gives the claim of a wait to exactly one of the calls that ask for it', () => {
		const key = waitKey(RESUME_URL, ['task-a', 'task-b']);
		expect([claimResume(key), claimResume(key)]).toEqual([true, false]);
		expect(isClaimed(key)).toBe(true);
	});

	it('keeps a resumed wait claimed: a callback just after the resume does not resume again', () => {
		const key = waitKey(RESUME_URL, ['task-f']);
		expect(claimResume(key)).toBe(true);
		settleClaim(key, true);
		expect(isClaimed(key)).toBe(true);
		expect(claimResume(key)).toBe(false);
	});

	it('frees the wait when the resume failed, so a later callback resumes it', () => {
		const key = waitKey(RESUME_URL, ['task-c']);
		expect(claimResume(key)).toBe(true);
		settleClaim(key, false);
		expect(isClaimed(key)).toBe(false);
		expect(claimResume(key)).toBe(true);
	});

	it('keeps waits of other executions and other tasks apart', () => {
		const key = waitKey(RESUME_URL, ['task-d']);
		expect(waitKey(RESUME_URL.replace('0f1e2d', '9a8b7c'), ['task-d'])).not.toBe(key);
		expect(waitKey(RESUME_URL, ['task-e'])).not.toBe(key);
		expect(waitKey(RESUME_URL, ['task-d'])).toBe(key);
	});
});
