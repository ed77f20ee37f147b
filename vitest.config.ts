import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database tests create their own database per file; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
