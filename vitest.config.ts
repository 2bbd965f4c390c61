import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The real-daemon network runs after the rest (vitest.realnet.config.ts), never beside it.
    exclude: [...configDefaults.exclude, 'test/realnet/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Reports show local time with its zone: one zone for every machine keeps golden files stable.
    env: { TZ: 'Europe/Amsterdam' },
  },
});
