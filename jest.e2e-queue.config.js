/**
 * End-to-end tests in queue mode (`npm run test:e2e:queue`): the packed package on n8n main and two workers with
 * Postgres and Redis, started once by the global setup; the browser fixtures of the e2e tests drive it.
 */
const e2e = require('./jest.e2e.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...e2e,
	roots: ['<rootDir>/test/e2e-queue'],
	globalSetup: '<rootDir>/test/e2e-queue/global-setup.ts',
};
