/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as path from 'node:path';

import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { readPackageManifest } from '../../../scripts/n8n-local/package-install';
import { REPO_ROOT } from '../../../scripts/n8n-local/paths';

/**
 * The nodes and credentials the built package registers in package.json (`n8n.nodes`, `n8n.credentials`), loaded
 * from dist/ as n8n loads them. Tests derive what they expect from these, so new nodes are covered as they land.
 */
export function packageNodes(): INodeTypeDescription[] {
	return readPackageManifest().n8n.nodes.map(
		(file) => instantiate<INodeType>(file, (value) => 'description' in value).description,
	);
}

export function packageCredentials(): ICredentialType[] {
	return readPackageManifest().n8n.credentials.map((file) =>
		instantiate<ICredentialType>(file, (value) => 'properties' in value),
	);
}

/** n8n's rule: a file exports one class, named after the file (`X.node.js` exports `X`). */
function instantiate<T extends object>(file: string, looksRight: (value: object) => boolean): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join(REPO_ROOT, file)) as Record<string, new () => T>;
	const className = path.basename(file).split('.')[0];
	const type = module[className];
	if (typeof type !== 'function') throw new Error(`${file} does not export class ${className}`);
	const instance = new type();
	if (!looksRight(instance))
		throw new Error(`${file}: ${className} is not a node or credential type`);
	return instance;
}
