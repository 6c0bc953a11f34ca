/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/n8n-local/paths';
import { assertPortFree, freePort } from '../../scripts/n8n-local/ports';
import { ARTIFACTS_DIR } from './support/browser';
import { commandLine, isRunning, processTree } from './support/processes';

/**
 * `npm start` as a user runs it, stopped by a signal to the npm process alone (as `kill` or a process manager
 * sends it, not Ctrl-C to the whole terminal's process group): everything it started must end and free its ports.
 */

// A first build and n8n boot take 2–5 minutes on a busy 2-core machine.
const READY_TIMEOUT_MS = 480_000;
const STOP_TIMEOUT_MS = 60_000;

interface NpmStart {
	npm: ChildProcess;
	ports: { n8n: number; broker: number; emulator: number };
	output: () => string;
	exited: Promise<void>;
}

/** A port whose next port is free too (n8n's task-runner broker takes N8N_LOCAL_PORT + 1). */
async function freePortPair(): Promise<number> {
	for (;;) {
		const port = await freePort();
		const nextIsFree = await assertPortFree(port + 1, 'broker').then(
			() => true,
			() => false,
		);
		if (nextIsFree) return port;
	}
}

/**
 * `npm start` on free ports with its own user folder, as a user runs it (not yet ready). `build`: it builds the
 * package even where CI says dist/ is built already.
 */
async function launchNpmStart(userFolder: string, build = false): Promise<NpmStart> {
	const n8n = await freePortPair();
	const emulator = await freePort();
	const environment: NodeJS.ProcessEnv = {
		...process.env,
		N8N_LOCAL_PORT: String(n8n),
		N8N_LOCAL_EMULATOR_PORT: String(emulator),
		N8N_LOCAL_USER_FOLDER: userFolder,
	};
	// As a user's shell has it: jest sets NODE_ENV=test.
	delete environment.NODE_ENV;
	if (build) delete environment.N8N_LOCAL_PACKAGE_BUILT;
	const npm = spawn('npm', ['start'], {
		cwd: REPO_ROOT,
		env: environment,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
	return { npm, ports: { n8n, broker: n8n + 1, emulator }, output: () => output, exited };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return true;
}

/** Waits until one of the processes `npm start` started runs a command matching `pattern`. */
async function waitForCommand(run: NpmStart, pattern: RegExp, timeoutMs: number): Promise<void> {
	const seen = await waitUntil(
		() =>
			run.npm.exitCode === null &&
			processTree(run.npm.pid ?? 0).some((pid) => pattern.test(commandLine(pid))),
		timeoutMs,
	);
	if (!seen) throw new Error(`npm start ran no ${pattern} in time:\n${run.output()}`);
}

/**
 * Sends the signal to the npm process alone and reports whether npm and every process it had started then
 * ended; whatever is left is killed, so the next test starts clean. The output goes to test-artifacts/.
 */
async function stopWith(run: NpmStart, signal: NodeJS.Signals, artifact: string) {
	const pid = run.npm.pid ?? 0;
	const tree = processTree(pid);
	process.kill(pid, signal);
	let timer: NodeJS.Timeout | undefined;
	const npmEnded = await Promise.race([
		run.exited.then(() => true),
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS))),
	]);
	clearTimeout(timer);
	const allEnded = await waitUntil(() => tree.every((member) => !isRunning(member)), 20_000);
	const survivors = tree.filter(isRunning).map((member) => `${member} ${commandLine(member)}`);
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS_DIR, `${artifact}.log`), run.output());
	for (const member of tree.filter(isRunning)) process.kill(member, 'SIGKILL');
	return { npmEnded, allEnded, survivors };
}

describe('npm start', () => {
	let userFolder: string;
	beforeAll(() => {
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-e2e-'));
	});
	afterAll(() => {
		fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it.each([['SIGTERM'], ['SIGINT']] as const)(
		'stops n8n, its task runner and the emulator when the npm process receives %s',
		async (signal) => {
			const run = await launchNpmStart(userFolder);
			await waitForCommand(run, /n8n\/bin\/n8n start/, READY_TIMEOUT_MS);
			const ready = await waitUntil(() => /Ready in [\d.]+ s/.test(run.output()), READY_TIMEOUT_MS);

			const stopped = await stopWith(run, signal, `npm-start-${signal}`);
			expect(ready).toBe(true);
			expect(stopped).toEqual({ npmEnded: true, allEnded: true, survivors: [] });
			expect(run.output()).toContain('Stopping n8n and the emulator');
			for (const [purpose, port] of Object.entries(run.ports))
				await expect(assertPortFree(port, purpose)).resolves.toBeUndefined();
		},
		2 * READY_TIMEOUT_MS + STOP_TIMEOUT_MS,
	);

	it(
		'stops the package build it is running when the npm process receives SIGTERM',
		async () => {
			const run = await launchNpmStart(userFolder, true);
			await waitForCommand(run, /n8n-node build/, READY_TIMEOUT_MS);

			const stopped = await stopWith(run, 'SIGTERM', 'npm-start-SIGTERM-while-building');
			expect(stopped).toEqual({ npmEnded: true, allEnded: true, survivors: [] });
			expect(run.output()).not.toContain('Ready in');
		},
		READY_TIMEOUT_MS + STOP_TIMEOUT_MS,
	);
});
