import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The property and fuzz tests run hundreds of cases: a few seconds alone, more on a loaded
    // CI machine. No test here is timed; this only stops a slow machine from failing them.
    testTimeout: 30_000,
  },
});
