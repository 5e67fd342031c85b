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
  // Simple specs take 20–30 s on a 2-core machine that is also running other work, and one that
  // restarts the host about twice that: 60 s cut such a run off (cross-account-pair, 2026-12-03).
  timeout: 120_000,
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
