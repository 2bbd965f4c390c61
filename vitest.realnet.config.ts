import { defineConfig } from 'vitest/config';

// The real-daemon network runs on its own, after the rest of the suite: its pass under load keeps both
// cores busy, which must not slow the other tests into their timeouts.
export default defineConfig({
  test: {
    include: ['test/realnet/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // One real-daemon network at a time: a second one built beside the loaded pass would skew its timings.
    fileParallelism: false,
  },
});
