/**
 * Render public/favicon.svg into the PNG icons that launchers and link previews need
 * (public/icon-192.png, icon-512.png, apple-touch-icon.png), with the Chromium the e2e tests use.
 * Run after changing the favicon: `node scripts/render-icons.ts`.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.ts';

const svg = await readFile('public/favicon.svg', 'utf8');
// Apple draws its own rounded mask, so the touch icon is the full square without the SVG's corner radius.
const targets = [
  { file: 'public/icon-192.png', sizePx: 192, square: false },
  { file: 'public/icon-512.png', sizePx: 512, square: false },
  { file: 'public/apple-touch-icon.png', sizePx: 180, square: true },
];
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const target of targets) {
    const page = await browser.newPage({ viewport: { width: target.sizePx, height: target.sizePx } });
    const markup = target.square ? svg.replace(/ rx="[^"]*"/, '') : svg;
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${target.sizePx}" height="${target.sizePx}" `)}</body></html>`);
    await page.screenshot({ path: target.file, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
