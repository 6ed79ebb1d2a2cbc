import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tools/chromium.ts';

const port = Number(process.env['ATLAS_E2E_PORT'] ?? 4321);

/**
 * End-to-end tests run against the built site in `dist/` (build first: `npm run build`), served by a plain static server (tools/serve-cli.ts).
 * When Playwright's own Chromium is not installed (it cannot be downloaded here), Debian's /usr/bin/chromium is used.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() }, testIgnore: /(?:lighthouse|every-page-type)\.spec\.ts$/ },
    // Lighthouse's performance score depends on CPU time, so it runs alone, after every other spec has finished.
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['desktop'] },
    // The page types only a bigger corpus makes (authors, a later papers page, a two-level map), on a fixture atlas
    // built and served by the spec itself; last, since it runs Lighthouse too.
    { name: 'every page type', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() }, testMatch: /every-page-type\.spec\.ts$/, dependencies: ['lighthouse'] },
  ],
  webServer: {
    command: `node tools/serve-cli.ts dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
