/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as path from 'node:path';

/** Pinned versions: the install cache is keyed on them. See /work/shared/reference/real-n8n-locally.md. */
export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

/**
 * The registry snapshot this project builds against lacks some of n8n's newest transitive releases; these
 * overrides resolve the gaps. They live only in the n8n app folder: the package's own package.json must not have
 * an `overrides` field (community lint rule `no-overrides-field`).
 */
export const N8N_OVERRIDES = {
	linkedom: '0.18.14',
	langchain: {
		'@langchain/langgraph': { '.': '1.4.18', '@langchain/langgraph-sdk': '1.12.4' },
	},
};

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_ROOT = path.join(REPO_ROOT, '.n8n-local');

export const localPaths = {
	nodeDir: path.join(LOCAL_ROOT, `node-${NODE_VERSION}`),
	/** Downloads and build products reused across installs (packed tarball, compiled sqlite3 binding). */
	cacheDir: path.join(LOCAL_ROOT, 'cache'),
	logsDir: path.join(LOCAL_ROOT, 'logs'),
	/** An empty folder for N8N_CUSTOM_EXTENSIONS, so n8n does not scan ~/.n8n/custom. */
	emptyExtensionsDir: path.join(LOCAL_ROOT, 'no-custom-extensions'),
};

/** Where one n8n version is installed (its own npm project). */
export function n8nAppDir(version: string): string {
	return path.join(LOCAL_ROOT, `n8n-${version}`);
}

/** `N8N_USER_FOLDER` of one instance; n8n keeps its data in `<folder>/.n8n`. */
export function n8nDataDir(userFolder: string): string {
	return path.join(userFolder, '.n8n');
}

/**
 * The one folder an instance's workflows may read and write files in (`N8N_RESTRICT_FILE_ACCESS_TO`, which n8n 2
 * enforces). n8n runs in it, so a relative file name (as in the schedule example) lands there.
 */
export function filesFolder(userFolder: string): string {
	return path.join(userFolder, 'files');
}
