import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';

/**
 * Time from navigation start to the map's first render (`[data-atlas-map]` gets `data-points`) in Chromium,
 * serving `distDir` with a plain static server. A MutationObserver installed before any page script records the
 * moment the attribute appears, so the time does not depend on how often the test polls.
 */
export async function measureMapFirstRender(distDir: string): Promise<{ firstRenderMs: number; points: number }> {
  const site = await serveStatic(distDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const record = () => {
        const map = document.querySelector('[data-atlas-map][data-points]');
        if (map && (window as unknown as { __mapReadyMs?: number }).__mapReadyMs === undefined) {
          (window as unknown as { __mapReadyMs?: number }).__mapReadyMs = performance.now();
        }
      };
      new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
    });
    await page.goto(new URL('map/', site.url).href, { waitUntil: 'commit' });
    await page.waitForSelector('[data-atlas-map][data-points]', { timeout: 180_000 });
    const firstRenderMs = await page.evaluate(() => (window as unknown as { __mapReadyMs?: number }).__mapReadyMs ?? performance.now());
    const points = Number(await page.getAttribute('[data-atlas-map]', 'data-points'));
    return { firstRenderMs: Math.round(firstRenderMs), points };
  } finally {
    await browser.close();
    await site.close();
  }
}
