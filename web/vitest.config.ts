import { defineConfig } from 'vitest/config';

// Unit tests of the pure TypeScript (src/**/*.test.ts). The browser journeys in e2e/ are
// Playwright's, not vitest's. TZ is pinned so a test that forgot to pass the shop's zone
// fails the same way on every machine.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
