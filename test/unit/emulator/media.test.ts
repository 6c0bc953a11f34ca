/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { Emulator } from '../../emulator';
import { sampleMp4, startEmulator } from '../../emulator';
import { runware, videoTask } from './helpers';

/** Top-level MP4 boxes as [type, size] (64-bit sizes read as numbers). */
function boxes(file: Buffer): Array<[string, number]> {
	const found: Array<[string, number]> = [];
	let offset = 0;
	while (offset + 8 <= file.length) {
		let size = file.readUInt32BE(offset);
		const type = file.subarray(offset + 4, offset + 8).toString('latin1');
		if (size === 1) size = Number(file.readBigUInt64BE(offset + 8));
		found.push([type, size]);
		offset += size;
	}
	return found;
}

describe('emulator result files', () => {
	let emulator: Emulator;
	let videoURL: string;

	beforeAll(async () => {
		emulator = await startEmulator({ knobs: { runware: { generationMs: 10 } } });
		const task = videoTask();
		await runware(emulator, [task]);
		emulator.forceOutcome(task.taskUUID as string, 'success', { immediately: true });
		const polled = await runware(emulator, [{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
		videoURL = polled.body.data[0].videoURL;
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('commits a small real MP4 sample', () => {
		const sample = sampleMp4();
		expect(sample.length).toBeLessThan(50 * 1024);
		expect(boxes(sample).map(([type]) => type)).toEqual(
			expect.arrayContaining(['ftyp', 'moov', 'mdat']),
		);
	});

	it('serves the bare sample by default, without asking for credentials', async () => {
		const response = await fetch(videoURL);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('video/mp4');
		expect(Buffer.from(await response.arrayBuffer())).toEqual(sampleMp4());
	});

	it('pads to the requested size with a trailing free box, starting with ftyp', async () => {
		const bytes = 123_457;
		const response = await fetch(`${videoURL}?bytes=${bytes}`);
		expect(response.headers.get('content-length')).toBe(String(bytes));
		const file = Buffer.from(await response.arrayBuffer());
		expect(file.length).toBe(bytes);
		expect(file.subarray(4, 8).toString('latin1')).toBe('ftyp');
		const found = boxes(file);
		expect(found[found.length - 1]).toEqual(['free', bytes - sampleMp4().length]);
		expect(found.reduce((sum, [, size]) => sum + size, 0)).toBe(bytes);
	});

	it('uses a 64-bit free box beyond 4 GiB (checked on the first bytes only)', async () => {
		const bytes = 5 * 1024 ** 3;
		const head = await fetch(`${videoURL}?bytes=${bytes}`, { method: 'HEAD' });
		expect(head.headers.get('content-length')).toBe(String(bytes));
		const controller = new AbortController();
		const response = await fetch(`${videoURL}?bytes=${bytes}`, { signal: controller.signal });
		const reader = response.body!.getReader();
		const chunks: Buffer[] = [];
		let length = 0;
		while (length < sampleMp4().length + 16) {
			const { value } = await reader.read();
			chunks.push(Buffer.from(value!));
			length += value!.length;
		}
		controller.abort();
		const start = Buffer.concat(chunks).subarray(sampleMp4().length, sampleMp4().length + 16);
		expect(start.readUInt32BE(0)).toBe(1);
		expect(start.subarray(4, 8).toString('latin1')).toBe('free');
		expect(Number(start.readBigUInt64BE(8))).toBe(bytes - sampleMp4().length);
	});

	it('streams a large file without buffering it', async () => {
		const bytes = 200 * 1024 * 1024;
		const before = process.memoryUsage().rss;
		const response = await fetch(`${videoURL}?bytes=${bytes}`);
		let received = 0;
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			received += chunk.length;
		}
		expect(received).toBe(bytes);
		expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
	});

	it('uses the per-task size knob and records download headers', async () => {
		emulator.setKnobs({ runware: { resultBytes: 4096 * 10 } });
		const task = videoTask();
		await runware(emulator, [task]);
		emulator.forceOutcome(task.taskUUID as string, 'success', { immediately: true });
		const polled = await runware(emulator, [{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
		const url = polled.body.data[0].videoURL;
		const file = await fetch(url, { headers: { 'x-trace': 'download-1' } });
		expect((await file.arrayBuffer()).byteLength).toBe(40_960);
		const download = emulator
			.requestsTo('files')
			.find((record) => record.headers['x-trace'] === 'download-1');
		expect(download).toEqual(expect.objectContaining({ method: 'GET', status: 200 }));
		expect(download!.headers.authorization).toBeUndefined();
	});

	it('answers 404 for an unknown file', async () => {
		const response = await fetch(`${emulator.url}/files/nothing.mp4`);
		expect(response.status).toBe(404);
	});
});
