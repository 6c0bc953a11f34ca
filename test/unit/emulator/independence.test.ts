/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const EMULATOR_DIR = join(__dirname, '..', '..', 'emulator');

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

describe('the emulator is an oracle independent of the code under test', () => {
	it('imports nothing from nodes/ or credentials/', () => {
		const importsOfNodeCode = sourceFiles(EMULATOR_DIR).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)]
				.map((match) => match[1] ?? match[2])
				.filter((path) => /(^|\/)(nodes|credentials)\//.test(path))
				.map((path) => `${relative(EMULATOR_DIR, file)}: ${path}`),
		);
		expect(importsOfNodeCode).toEqual([]);
	});
});
