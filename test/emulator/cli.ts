/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { parseArgs } from 'node:util';

import { startEmulator } from './index';

const USAGE = `Usage: npm run emulator -- [--host 127.0.0.1] [--port 8787] [--generation-ms 300] [--quiet]
Environment: EMULATOR_HOST, EMULATOR_PORT, EMULATOR_GENERATION_MS.`;

function numberOption(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0)
		throw new Error(`${name} must be a whole number, got ${value}`);
	return parsed;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			host: { type: 'string' },
			port: { type: 'string' },
			'generation-ms': { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const generationMs = numberOption(
		values['generation-ms'] ?? process.env.EMULATOR_GENERATION_MS,
		'generation-ms',
	);
	const emulator = await startEmulator({
		host: values.host ?? process.env.EMULATOR_HOST ?? '127.0.0.1',
		port: numberOption(values.port ?? process.env.EMULATOR_PORT, 'port') ?? 8787,
		knobs:
			generationMs === undefined
				? undefined
				: { runware: { generationMs }, useapi: { generationMs } },
	});
	console.log(`AI video API emulator listening on ${emulator.url}
  Runware      Base URL          ${emulator.runwareUrl}
               Model Schema URL  ${emulator.schemaUrl}
               API key           ${emulator.runwareApiKey}
  useapi.net   Base URL          ${emulator.useApiUrl}
               API token         ${emulator.useApiToken}
               Runway accounts   ${emulator.accounts.map((a) => `${a.email} (maxJobs ${a.maxJobs})`).join(', ')}
  Files        ${emulator.url}/files/<id>.mp4 (?bytes=N for any size)
Press Ctrl+C to stop.`);

	if (!values.quiet) {
		let shown = 0;
		const timer = setInterval(() => {
			for (const record of emulator.requests.slice(shown)) {
				if (record.status === undefined && !record.fault) break;
				console.log(
					`${record.method} ${record.path} → ${record.status ?? 'dropped'} (${record.route})`,
				);
				shown++;
			}
		}, 250);
		timer.unref();
	}

	process.once('SIGINT', () => {
		void emulator.close().then(() => {
			console.log('Emulator stopped.');
			process.exit(0);
		});
	});
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
