import { test, expect } from '@playwright/test';
import { findBrokenLinks } from './support/crawl.ts';

test('every internal link and asset of the built site resolves', async () => {
  const { pages, links, broken } = await findBrokenLinks('dist');
  expect(pages).toBeGreaterThan(119);
  expect(links).toBeGreaterThan(1000);
  expect(broken).toEqual([]);
});

test('every paper page is at /papers/<slug>/ and is linked from a page of the papers list', async ({ page }) => {
  const hrefs: (string | null)[] = [];
  let next: string | null = '/papers/';
  while (next !== null) {
    await page.goto(next);
    hrefs.push(...(await page.locator('[data-list-items] h3 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))));
    next = await page.locator('[data-list-pages] a[rel="next"]').first().getAttribute('href', { timeout: 1000 }).catch(() => null);
  }
  expect(hrefs).toHaveLength(119);
  expect(new Set(hrefs).size).toBe(119);
  for (const href of hrefs) expect(href).toMatch(/^\/papers\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
});

test('followed links land on real pages, not the 404 page', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((anchors) => [...new Set(anchors.map((a) => a.getAttribute('href')!))]);
  for (const href of hrefs.slice(0, 60)) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
  }
});
