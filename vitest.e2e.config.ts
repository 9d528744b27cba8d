import { defineConfig } from 'vitest/config';

// End-to-end tests start a browser host and a Chromium each: one file at a time keeps a 2-core machine honest.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // A loaded CI machine is slower than a laptop: give the UI time before calling a wait a failure.
    expect: { poll: { timeout: 8_000, interval: 50 } },
  },
});
