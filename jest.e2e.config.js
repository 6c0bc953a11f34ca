/**
 * End-to-end tests (`npm run test:e2e`): the packed package inside a real n8n, driven through headless Chromium.
 * The global setup installs n8n on first run (minutes), hence no limit on it; tests share one instance, in band.
 * Files are named `*.e2e.ts` so the unit/integration config (`*.test.ts`) never picks them up.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	testTimeout: 180000,
	maxWorkers: 1,
};
