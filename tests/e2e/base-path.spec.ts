import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findBrokenLinks } from './support/crawl.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { runAstroBuild } from './support/fixture-site.ts';

/**
 * The atlas hosted under a sub-path (a GitHub Pages project site): built with ATLAS_BASE=/my-atlas/ and served by a
 * plain static server that only answers under /my-atlas/. Every link, asset, data file, search shard and map fetch
 * must stay under the base.
 */

const BASE = '/my-atlas/';
const SITE = 'https://example.org';
const outDir = resolve('test-results/base-dist');
let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Always rebuilt: a stale sub-path build from an earlier run would hide a regression.
  await rm(outDir, { recursive: true, force: true });
  const build = await runAstroBuild({ ATLAS_BASE: BASE, ATLAS_SITE: SITE, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: resolve('test-results/base-cache') });
  expect(build.status, build.output.slice(-4000)).toBe(0);
  site = await serveStatic(outDir, BASE);
});

test.afterAll(async () => {
  await site?.close();
});

/** Every response and failed request of the page, so a fetch that escapes the base shows up as a 404. */
function watchRequests(page: Page): string[] {
  const problems: string[] = [];
  page.on('requestfailed', (request) => problems.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === new URL(site.url).origin && !url.pathname.startsWith(BASE)) problems.push(`outside the base: ${url.pathname}`);
    if (response.status() >= 400) problems.push(`${response.status()} ${url.pathname}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test('every page, link and asset of the sub-path build resolves under the base', async () => {
  const { pages, links, broken } = await findBrokenLinks(outDir, BASE);
  expect(pages).toBeGreaterThan(100);
  expect(links).toBeGreaterThan(1000);
  expect(broken).toEqual([]);
});

test('canonical, Open Graph, sitemap, feed, robots and manifest URLs carry the site and the base', async ({ request }) => {
  const home = readFileSync(`${outDir}/index.html`, 'utf8');
  expect(home).toContain(`<link rel="canonical" href="${SITE}${BASE}">`);
  expect(home).toContain(`<meta property="og:url" content="${SITE}${BASE}">`);
  expect(home).toContain(`href="${BASE}manifest.webmanifest"`);
  const sitemap = await (await request.get(`${site.url}sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${SITE}${BASE}papers/</loc>`);
  expect(sitemap.match(/<loc>/g)?.length).toBeGreaterThan(119);
  expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].every((match) => match[1]!.startsWith(`${SITE}${BASE}`))).toBe(true);
  expect(await (await request.get(`${site.url}robots.txt`)).text()).toContain(`Sitemap: ${SITE}${BASE}sitemap.xml`);
  const feed = await (await request.get(`${site.url}feed.xml`)).text();
  expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${SITE}${BASE}feed.xml"/>`);
  const opml = await (await request.get(`${site.url}topics/feeds.opml`)).text();
  const topicFeedUrls = [...opml.matchAll(/xmlUrl="([^"]*)"/g)].map((match) => match[1]!);
  expect(topicFeedUrls.length).toBeGreaterThan(0);
  for (const url of topicFeedUrls) expect(url).toMatch(new RegExp(`^${SITE}${BASE}topics/[^/]+/feed\\.xml$`));
  const topicFeed = await (await request.get(topicFeedUrls[0]!.replace(`${SITE}${BASE}`, site.url))).text();
  expect(topicFeed).toContain(`<link rel="self" type="application/atom+xml" href="${topicFeedUrls[0]}"/>`);
  const manifest = (await (await request.get(`${site.url}manifest.webmanifest`)).json()) as { start_url: string; icons: { src: string }[] };
  expect(manifest.start_url).toBe(BASE);
  for (const icon of manifest.icons) expect((await request.get(new URL(icon.src, site.url).href)).status()).toBe(200);
});

test('search finds papers under the sub-path', async ({ page }) => {
  const problems = watchRequests(page);
  await page.goto(`${site.url}search/?q=agents`);
  const results = page.locator('main [data-search-results] > *');
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThan(0);
  const href = await results.first().locator('a').first().getAttribute('href');
  expect(href).toMatch(new RegExp(`^${BASE}papers/[a-z0-9-]+/$`));
  await page.goto(new URL(href!, site.url).href);
  await expect(page.locator('h1')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the map loads every paper under the sub-path', async ({ page }) => {
  const problems = watchRequests(page);
  const atlas = JSON.parse(readFileSync(`${outDir}/atlas.json`, 'utf8')) as { papers: unknown[] };
  await page.goto(`${site.url}map/`);
  await expect(page.locator('[data-atlas-map]')).toHaveAttribute('data-points', String(atlas.papers.length), { timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('similar papers of a text load their worker and vector files under the sub-path', async ({ page }) => {
  const problems = watchRequests(page);
  await page.goto(`${site.url}similar/?text=${encodeURIComponent('agents trained with reinforcement learning from human feedback')}`);
  const results = page.locator('[data-similar-papers] > li');
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThanOrEqual(10);
  await expect(results.first().locator('a').first()).toHaveAttribute('href', new RegExp(`^${BASE}papers/[a-z0-9-]+/$`));
  await expect(page.locator('a[data-similar-map]')).toHaveAttribute('href', new RegExp(`^${BASE}map/\\?papers=`));
  expect(problems).toEqual([]);
});

test('an unknown address under the base shows the 404 page with working links', async ({ page }) => {
  const response = await page.goto(`${site.url}no-such-page/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All papers' }).click();
  await expect(page).toHaveURL(`${site.url}papers/`);
});
