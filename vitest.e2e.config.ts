// End-to-end suites: the built extension (dist-test/) in real Chromium and Firefox.
// One file at a time: two browsers on two cores is already a full machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
