/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';

/** Parent of every process on the machine, from /proc (Linux). */
function parentsByPid(): Map<number, number> {
	const parents = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (stat) parents.set(Number(entry), stat.ppid);
	}
	return parents;
}

/** State letter and parent of a process; undefined once it is gone. */
function readStat(pid: number): { state: string; ppid: number } | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (command) state ppid …": the command may hold spaces and parentheses.
		const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state, ppid: Number(ppid) };
	} catch {
		return undefined;
	}
}

/** The process and all its descendants, whatever process group or session they moved to. */
export function processTree(root: number): number[] {
	const parents = parentsByPid();
	const tree = [root];
	for (let index = 0; index < tree.length; index++) {
		for (const [pid, ppid] of parents) if (ppid === tree[index]) tree.push(pid);
	}
	return tree;
}

/** Whether the process still runs (a zombie has ended; only its exit status waits to be read). */
export function isRunning(pid: number): boolean {
	const stat = readStat(pid);
	return stat !== undefined && stat.state !== 'Z';
}

export function commandLine(pid: number): string {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '';
	}
}
