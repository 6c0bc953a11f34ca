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
	// Node 20 keeps each test file's vm context, and with it the file's module registry, alive until the worker ends
	// (~15 MB a file here). Tearing down a worker that ran half the suite (~700 MB) took ~500 ms after its exit event,
	// past jest's 500 ms grace: the "failed to exit gracefully" warning. A worker grown past this is replaced between
	// files, so each ends small.
	workerIdleMemoryLimit: '300MB',
};
