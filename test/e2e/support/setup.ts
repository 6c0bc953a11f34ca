/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type {
	LaunchOptions,
	LocalInstance,
	PreparedInstall,
} from '../../../scripts/n8n-local/instance';
import { prepareInstall } from '../../../scripts/n8n-local/instance';
import { step } from '../../../scripts/n8n-local/log';
import { freePort } from '../../../scripts/n8n-local/ports';
import { LOCAL_OWNER } from '../../../scripts/n8n-local/provision';
import { startEmulator } from '../../emulator';
import { ensureChromium } from './chromium';
import { rememberRunning } from './server-handle';
import type { E2eState } from './state';
import { publishE2eState } from './state';

/** What a global setup launched: the n8n the tests drive, how to stop it all, and what else tests must know. */
export interface LaunchedForE2e {
	instance: LocalInstance;
	/** The main's `N8N_USER_FOLDER`. */
	userFolder: string;
	stop(): Promise<void>;
	queue?: E2eState['queue'];
}

/** Settings every e2e instance gets; the launcher adds its user folder and log file. */
export type E2eLaunchOptions = Omit<LaunchOptions, 'userFolder' | 'logFile'>;

/**
 * Once per run: Chromium, the n8n install and the packed package (in parallel), then the launcher's n8n with owner,
 * credentials pointing at an emulator port and every example workflow. Tests start the emulator on that port
 * themselves, so each test file controls its own emulator state.
 */
export async function setUpE2e(
	title: string,
	launch: (prepared: PreparedInstall, options: E2eLaunchOptions) => Promise<LaunchedForE2e>,
): Promise<void> {
	const [chromiumPath, prepared] = await Promise.all([
		ensureChromium(),
		// E2E_N8N_VERSION runs the tests on another n8n than the pinned one (e.g. a newer patch).
		prepareInstall(process.env.E2E_N8N_VERSION || undefined),
	]);
	const emulator = await startEmulator();
	try {
		const launched = await step(title, async () =>
			launch(prepared, {
				port: await freePort(),
				runnerBrokerPort: await freePort(),
				owner: LOCAL_OWNER,
				emulator,
				// Tests never touch the real services, whatever keys the environment holds.
				live: {},
			}),
		);
		rememberRunning(launched);
		const { instance } = launched;
		publishE2eState({
			n8nUrl: instance.server.url,
			userFolder: launched.userFolder,
			owner: LOCAL_OWNER,
			emulatorPort: Number(new URL(emulator.url).port),
			credentials: instance.credentials.map(({ id, name, type }) => ({ id, name, type })),
			examples: instance.examples,
			chromiumPath,
			tarball: prepared.tarball,
			queue: launched.queue,
		});
	} finally {
		await emulator.close();
	}
}
