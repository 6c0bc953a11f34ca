import { redactSecrets } from '../../../nodes/shared/http/secrets';

const KEY = 'user:1-0123456789abcdef';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('redactSecrets', () => {
	it.each([
		['as sent', `Authorization: Bearer ${KEY}`],
		['URL-encoded', `authorization=Bearer%20${encodeURIComponent(KEY)}`],
		['in base64', `key ${base64(KEY)}`],
		['as a base64 Authorization value', `auth ${base64(`Bearer ${KEY}`)}`],
	])('takes the key out of a text that has it %s', (_name, text) => {
		const redacted = redactSecrets(text, [KEY]);
		expect(redacted).toContain('[redacted]');
		expect(redacted).not.toContain(KEY);
		expect(redacted).not.toContain(encodeURIComponent(KEY));
		expect(redacted).not.toContain(base64(KEY));
	});

	it('takes the key out of every string and key of parsed JSON, and leaves the rest as it was', () => {
		const body = {
			errors: [{ code: 'invalidApiKey', message: `Bad key ${KEY}`, nested: { [KEY]: [KEY, 3] } }],
			count: 2,
			ok: null,
		};
		expect(redactSecrets(body, [KEY])).toEqual({
			errors: [
				{
					code: 'invalidApiKey',
					message: 'Bad key [redacted]',
					nested: { '[redacted]': ['[redacted]', 3] },
				},
			],
			count: 2,
			ok: null,
		});
		expect(body.errors[0].message).toBe(`Bad key ${KEY}`);
	});

	it('leaves buffers, and texts without secrets, as they are', () => {
		const buffer = Buffer.from(KEY);
		expect(redactSecrets({ buffer }, [KEY]).buffer).toBe(buffer);
		expect(redactSecrets('nothing secret', [KEY, undefined, ''])).toBe('nothing secret');
	});
});
