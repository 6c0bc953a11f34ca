/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type checking is done once by `npm run typecheck`; jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
	// Node 20 keeps every test file's vm context (and with it that file's whole module registry) alive until the
	// worker ends, about 15 MB a file here; a worker grown past this is replaced between files. Without it a worker
	// ends holding ~750 MB, whose teardown can outlast jest's 500 ms grace and be reported as "failed to exit".
	workerIdleMemoryLimit: '512MB',
};
