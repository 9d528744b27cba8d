import { defineConfig } from 'vitest/config';

// Two projects so that the PostgreSQL cluster (globalSetup) starts only when server tests run, once per run.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/{shared,electron,renderer,cli}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'test/server/**/*.test.ts'],
          globalSetup: ['test/server/postgres-setup.ts'],
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
