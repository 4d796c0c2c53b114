import { defineConfig } from 'vitest/config';

/**
 * Three tiers, each a vitest project (`npm run test:unit`, `test:http`, `test:browser`):
 * - unit: services and repositories over an in-memory database, no server;
 * - http: the app through supertest (`*-http.test.ts`), and the CLI and the server in a
 *   child process (`test/cli`, `*-cli.test.ts`, `test/reliability`);
 * - browser: journeys in a real Chromium (`test/browser`).
 * `npm test` runs the fast tiers first and the browser journeys after them.
 */
const httpTier = ['test/**/*-http.test.ts', 'test/**/*-cli.test.ts', 'test/cli/**/*.test.ts', 'test/reliability/**/*.test.ts'];
const browserTier = ['test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent' },
    setupFiles: ['test/helpers/fast-check-seed.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...httpTier, ...browserTier] } },
      { extends: true, test: { name: 'http', include: httpTier } },
      { extends: true, test: { name: 'browser', include: browserTier } },
    ],
  },
});
