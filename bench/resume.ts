/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- bench tooling that prints to the terminal */
import { resumeMemory } from './figures/resumeMemory';

// npm run bench:resume: peak RSS while 5 executions of 20 items resume with 50 MB videos, against tiny videos.

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const size = (bytes: number) =>
	bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${mb(bytes)} MB`;

async function main(): Promise<void> {
	const [tiny, large] = await resumeMemory();
	console.log('| run | video size | videos | downloads | baseline RSS | peak RSS | peak − baseline | time |');
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of [tiny, large]) {
		console.log(
			`| ${row.label} | ${size(row.videoBytes)} | ${row.videos} | ${row.downloads} | ${mb(row.baselineRss)} MB | ${mb(row.peakRss)} MB | ${mb(row.peakRss - row.baselineRss)} MB | ${(row.elapsedMs / 1000).toFixed(1)} s |`,
		);
	}
	console.log(
		`\nPeak RSS growth from tiny to ${size(large.videoBytes)} videos: ${mb(large.peakRss - tiny.peakRss)} MB for ${mb(large.storedBytes)} MB stored.`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
