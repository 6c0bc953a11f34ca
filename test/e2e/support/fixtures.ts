import type { Emulator, EmulatorOptions } from '../../emulator';
import { startEmulator } from '../../emulator';
import { N8nApp } from '../pages/n8n-app';
import type { BrowserSession } from './browser';
import { openBrowser } from './browser';
import { e2eState } from './state';

/** One signed-in browser for the test file (opened before its tests, closed after). */
export function useN8nApp(): () => N8nApp {
	let session: BrowserSession | undefined;
	let app: N8nApp | undefined;
	beforeAll(async () => {
		const state = e2eState();
		session = await openBrowser(state);
		app = new N8nApp(session.page, state);
		await app.signIn();
	});
	afterAll(async () => {
		await session?.close();
	});
	return () => {
		if (!app) throw new Error('The browser is not open (useN8nApp works inside a describe block)');
		return app;
	};
}

/** The API emulator for the test file, on the port the provisioned credentials point at. */
export function useEmulator(options: Omit<EmulatorOptions, 'port'> = {}): () => Emulator {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator({ ...options, port: e2eState().emulatorPort });
	});
	afterAll(async () => {
		await emulator?.close();
	});
	return () => {
		if (!emulator)
			throw new Error('The emulator is not running (useEmulator works inside a describe block)');
		return emulator;
	};
}
