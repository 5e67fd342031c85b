import { defineConfig } from '@playwright/test';
import { electronAvailability } from './fixtures/electron-binary';

const electron = electronAvailability();
if (!electron.available) console.log(`[e2e] electron project skipped: ${electron.reason}`);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'browser',
      // The keyward fixture launches Debian's Chromium itself (never a downloaded browser).
      use: {},
    },
    { name: 'electron', use: {} },
  ],
});
