/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { TestEnvironment } from 'jest-environment-node';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A jest worker runs about half the test files and ends on its own once idle, but Node frees its heap, garbage
// included, before the process is gone. Left to V8, a worker ended with ~600 MB of dead test files and took
// 300–500 ms to go, past jest's 500 ms grace ("a worker process has failed to exit gracefully"). Collecting
// after each file keeps it near 100 MB. `--expose-gc` set at run time makes `gc` available to new contexts only.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** jest's Node environment, collecting the test file's garbage once it is torn down. */
export default class CollectingNodeEnvironment extends TestEnvironment {
	async teardown(): Promise<void> {
		await super.teardown();
		collectGarbage();
	}
}
