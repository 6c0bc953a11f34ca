/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';

import { filesFolder } from '../../../scripts/n8n-local/paths';
import { commandLine } from '../../e2e/support/processes';
import { userFolders } from './stack';

/** An n8n process of the stack: `main`, `worker-1`, `worker-2`… */
export interface StackProcess {
	name: string;
	pid: number;
}

function cwdOf(pid: number): string | undefined {
	try {
		return fs.readlinkSync(`/proc/${pid}/cwd`);
	} catch {
		return undefined;
	}
}

/**
 * The stack's n8n main and worker processes (not their task runners), found in /proc by the folder each runs in:
 * its user folder's files folder.
 */
export function stackProcesses(): StackProcess[] {
	const folders = new Map(
		[...userFolders()].map(([name, userFolder]) => [filesFolder(userFolder), name]),
	);
	const found: StackProcess[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		const name = folders.get(cwdOf(pid) ?? '');
		if (name && /\/bin\/n8n (start|worker)$/.test(commandLine(pid))) found.push({ name, pid });
	}
	return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Sets the process's peak resident set size back to its current one (Linux ≥ 4.0, `clear_refs` value 5). */
export function resetPeakRss(pid: number): void {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
	if (kilobytes === undefined) throw new Error(`No ${field} in /proc/${pid}/status`);
	return Math.round(Number(kilobytes) / 1024);
}

/** The process's resident set size now (`VmRSS`), in MB. */
export function rssMb(pid: number): number {
	return statusMb(pid, 'VmRSS');
}

/** The process's peak resident set size since its start or last reset (`VmHWM`), in MB. */
export function peakRssMb(pid: number): number {
	return statusMb(pid, 'VmHWM');
}
