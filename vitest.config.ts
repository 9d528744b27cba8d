import path from 'node:path';
import { defineConfig } from 'vitest/config';

const standIn = (name: string) => path.resolve(import.meta.dirname, 'test/support/stand-ins', `${name}.ts`);

// Two projects so that the PostgreSQL cluster (globalSetup) starts only when server tests run, once per run.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/{shared,electron,renderer}/**/*.test.ts'] },
      },
      {
        extends: true,
        // RxDB's test utils (test/server/rxdb-base-suite.test.ts) import two packages not installed here: they go
        // through Vite (inline) so that the aliases give them the stand-ins in test/support/stand-ins.
        resolve: { alias: { 'async-test-util': standIn('async-test-util'), clone: standIn('clone') } },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'test/server/**/*.test.ts'],
          globalSetup: ['test/server/postgres-setup.ts'],
          hookTimeout: 180_000,
          server: { deps: { inline: [/rxdb\/dist\/esm\/plugins\/test-utils\//] } },
        },
      },
    ],
  },
});
