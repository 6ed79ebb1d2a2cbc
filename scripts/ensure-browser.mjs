#!/usr/bin/env node
// Make sure the end-to-end tests have a Chromium: Playwright's own when installed, else Debian's
// /usr/bin/chromium, installed with apt-get when missing and we are root (as on CI and our dev machines).
// Playwright's browser download (`npx playwright install`) cannot reach its host from our machines.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const has = (path) => {
  try {
    return existsSync(path);
  } catch {
    return false;
  }
};
const bundled = (() => {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
})();

if (process.env.PLAYWRIGHT_CHROMIUM_PATH || has(bundled) || systemPaths.some(has)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('/usr/bin/apt-get')) {
  console.log('ensure-browser: no Chromium found; installing Debian chromium with apt-get…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  process.exit(0);
}
console.error(
  'ensure-browser: no Chromium for the end-to-end tests. Install one (Debian: `sudo apt-get install -y chromium`)\n' +
    'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome binary.',
);
process.exit(1);
