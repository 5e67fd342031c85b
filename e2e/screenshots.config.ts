import { defineConfig } from '@playwright/test';

/** `npm run screenshots`: the README's pictures, taken from the running app (not part of npm test). */
export default defineConfig({
  testDir: './screenshots',
  testMatch: '*.shot.ts',
  outputDir: '../test-results/screenshots',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  projects: [{ name: 'browser', use: {} }],
});
