import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Servers, child processes and Chromium are real; two cores do not gain from more workers.
    maxWorkers: 2,
    reporters: ['default'],
  },
})
