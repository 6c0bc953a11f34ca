/* eslint-disable @n8n/community-nodes/require-node-api-error */
import type { EmulatorEndpoints, LiveKeys, PlannedCredential } from './credentials';
import { planCredentials } from './credentials';
import type { ImportedExample } from './examples';
import { importExamples } from './examples';
import type { N8nInstall } from './n8n-install';
import { ensureN8nInstalled } from './n8n-install';
import type { N8nServer } from './n8n-server';
import { startN8n } from './n8n-server';
import type { NodeRuntime } from './node-runtime';
import { ensureNodeRuntime } from './node-runtime';
import { buildAndPackPackage, installPackageTarball } from './package-install';
import type { OwnerAccount, StoredCredential } from './provision';
import { signInAsOwner, upsertCredentials } from './provision';
import { N8nRest } from './rest';

export interface PreparedInstall {
	runtime: NodeRuntime;
	n8n: N8nInstall;
	/** The package, packed as for publishing. */
	tarball: string;
}

/**
 * Makes sure Node 24 and n8n (the pinned version unless told otherwise) are installed (first run only) while the
 * package is built and packed.
 */
export async function prepareInstall(n8nVersion?: string): Promise<PreparedInstall> {
	const [{ runtime, n8n }, tarball] = await Promise.all([
		ensureNodeRuntime().then(async (runtime) => ({
			runtime,
			n8n: await ensureN8nInstalled(runtime, n8nVersion),
		})),
		buildAndPackPackage(),
	]);
	return { runtime, n8n, tarball };
}

export interface LaunchOptions {
	userFolder: string;
	port: number;
	runnerBrokerPort: number;
	logFile: string;
	owner: OwnerAccount;
	emulator: EmulatorEndpoints;
	live: LiveKeys;
	/** More n8n settings, e.g. queue mode's. */
	env?: NodeJS.ProcessEnv;
}

export interface LocalInstance {
	server: N8nServer;
	/** Logged in as the owner. */
	rest: N8nRest;
	/** As stored, with where each points and the data it was given (secrets: keep out of logs). */
	credentials: Array<StoredCredential & Pick<PlannedCredential, 'target' | 'data'>>;
	examples: ImportedExample[];
}

/**
 * Installs the packed package into the instance's user folder, starts n8n and provisions it: owner account, one
 * credential per provider, every example workflow.
 */
export async function launchInstance(
	prepared: PreparedInstall,
	options: LaunchOptions,
): Promise<LocalInstance> {
	await installPackageTarball(prepared.tarball, options.userFolder);
	const server = await startInstanceServer(prepared, options);
	try {
		const rest = new N8nRest(server.url);
		await signInAsOwner(rest, options.owner);
		const planned = planCredentials(options.emulator, options.live);
		const stored = await upsertCredentials(rest, planned);
		const credentials = stored.map((credential, index) => ({
			...credential,
			target: planned[index].target,
			data: planned[index].data,
		}));
		const examples = await importExamples(rest, options.userFolder, stored);
		return { server, rest, credentials, examples };
	} catch (error) {
		await server.stop();
		throw error;
	}
}

/**
 * Starts the n8n process of an instance; launchInstance provisions it the first time, and a restarted one (`again`:
 * its log goes on) finds everything in its database.
 */
export async function startInstanceServer(
	prepared: PreparedInstall,
	options: LaunchOptions,
	again = false,
): Promise<N8nServer> {
	return await startN8n({
		runtime: prepared.runtime,
		n8n: prepared.n8n,
		userFolder: options.userFolder,
		port: options.port,
		runnerBrokerPort: options.runnerBrokerPort,
		logFile: options.logFile,
		appendLog: again,
		env: options.env,
	});
}
