import { LoggerProxy } from 'n8n-workflow';

import { prepareN8nEnvironment } from '../../harness/environment';
import { Container, Logger } from '../../harness/n8n-core-services';

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

let lines: string[] | undefined;

function line(level: string, message: unknown, meta: unknown): string {
	const seen = new WeakSet<object>();
	const metaText = JSON.stringify(meta ?? {}, (_key, value: unknown) => {
		if (value instanceof Error) {
			return { ...value, message: value.message, stack: value.stack };
		}
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[circular]';
			seen.add(value);
		}
		return value;
	});
	return `${level}: ${String(message)} ${metaText}`;
}

/**
 * Records every log line n8n writes, whatever the log level: its root logger (what `this.logger` of a node and n8n's
 * services use) and the LoggerProxy of n8n-workflow (what the execution engine uses) both write here.
 * Installed once per test file; returns the live list.
 */
export function captureLogs(): readonly string[] {
	if (lines) return lines;
	prepareN8nEnvironment();
	const captured: string[] = [];
	const root = Container.get(Logger) as unknown as Record<string, unknown>;
	for (const level of LEVELS) {
		root[level] = (message: unknown, meta?: unknown) => captured.push(line(level, message, meta));
	}
	LoggerProxy.init(root as unknown as Parameters<typeof LoggerProxy.init>[0]);
	lines = captured;
	return captured;
}
