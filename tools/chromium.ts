import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
// Without these, Chromium tries to reach Google's update and metrics hosts, which this network refuses.
const QUIET_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'];

/**
 * Launch options for Playwright: its own Chromium when installed, else the system's Chromium.
 * `PLAYWRIGHT_CHROMIUM_PATH` overrides both.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const override = process.env['PLAYWRIGHT_CHROMIUM_PATH'];
  if (override) return { executablePath: override, args: QUIET_FLAGS };
  if (hasBundledChromium()) return { args: QUIET_FLAGS };
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path));
  return system ? { executablePath: system, args: QUIET_FLAGS } : { args: QUIET_FLAGS };
}

function hasBundledChromium(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
