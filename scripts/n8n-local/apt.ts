/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { step } from './log';
import { REPO_ROOT } from './paths';
import { run } from './process';

/** How long apt-get waits for another apt-get (or dpkg) on the machine to release its lock. */
const LOCK_TIMEOUT_S = 600;

let listsUpdated = false;

/**
 * Installs Debian packages with apt-get (as root, or through `sudo -n`), for the system tools the local stack needs
 * on a fresh machine. The package lists are refreshed once per process.
 */
export async function aptInstall(packages: readonly string[], logName: string): Promise<void> {
	await step(`Installing ${packages.join(', ')} with apt-get (first run only)`, async () => {
		const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const apt = async (args: string[]) => {
			const [command, ...rest] = [
				...asRoot,
				'apt-get',
				'-o',
				`DPkg::Lock::Timeout=${LOCK_TIMEOUT_S}`,
				...args,
			];
			await run(command, rest, { cwd: REPO_ROOT, env, logName });
		};
		if (!listsUpdated) {
			await apt(['update']);
			listsUpdated = true;
		}
		await apt(['install', '-y', '--no-install-recommends', ...packages]);
	});
}
