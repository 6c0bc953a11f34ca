import { createHash } from 'node:crypto';

/** A UUID of its own for each `name`, the same in every run. */
export function uuidOf(name: string): string {
	return createHash('sha256')
		.update(name)
		.digest('hex')
		.slice(0, 32)
		.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** A well-formed useapi.net asset ID named `name` on `email`'s Runway account, as useapi.net gives them. */
export function useApiAssetId(email: string, name: string): string {
	return `user:1-runwayml:${email}-asset:${uuidOf(name)}`;
}
