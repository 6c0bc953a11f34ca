/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: '<rootDir>/test/support/jest-node-environment.ts',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type checking is done once by `npm run typecheck`; jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
};
