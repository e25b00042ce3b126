import { defineConfig } from 'vitest/config'

const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
}

export default defineConfig({
  test: {
    // Servers, child processes and Chromium are real; two cores do not gain from more workers.
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit-and-integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Two Chromiums at once on two cores starve each other; browser files take turns.
          fileParallelism: false,
        },
      },
    ],
  },
})
