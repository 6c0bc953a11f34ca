import { USEAPI_USER_ID } from './accounts';

export type UseApiIdKind = 'task' | 'asset';

/** `user:<user>-runwayml:<email>-task:<uuid>` (or `-asset:`): the account is part of the ID. */
export function useApiId(kind: UseApiIdKind, email: string, uuid: string): string {
	return `user:${USEAPI_USER_ID}-runwayml:${email}-${kind}:${uuid}`;
}

const ID_PATTERN = /^user:(\d+)-runwayml:(.+)-(task|asset):([0-9a-f-]{36})$/;

export function parseUseApiId(
	id: string,
): { kind: UseApiIdKind; email: string; uuid: string } | undefined {
	const match = ID_PATTERN.exec(id);
	if (!match || match[1] !== USEAPI_USER_ID) return undefined;
	return { kind: match[3] as UseApiIdKind, email: match[2], uuid: match[4] };
}
