import { test, expect } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pageTypes } from './support/page-types.ts';

/** What search engines and link previews read: meta tags, JSON-LD, sitemap, feed, robots.txt, manifest. */

test('every page type has a title, description, canonical URL, Open Graph and Twitter card tags', async ({ page, request }) => {
  for (const type of await pageTypes(request)) {
    await page.goto(type.path);
    const head = page.locator('head');
    await expect(page).toHaveTitle(/Research Atlas/);
    for (const selector of [
      'meta[name="description"]',
      'link[rel="canonical"]',
      'meta[property="og:title"]',
      'meta[property="og:description"]',
      'meta[property="og:url"]',
      'meta[property="og:image"]',
      'meta[name="twitter:card"]',
      'link[rel="manifest"]',
      'link[rel="icon"]',
    ]) {
      await expect(head.locator(selector), `${type.name}: ${selector}`).toHaveCount(1);
    }
    expect(await head.locator('link[rel="canonical"]').getAttribute('href'), type.name).toMatch(/^https?:\/\//);
    // Every site page links the site's feed, a topic page its own too; paper pages link none (SeoMeta, `feed`).
    const feeds = await head.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const siteFeed = type.name === 'paper' ? [] : ['/feed.xml'];
    expect(feeds, type.name).toEqual(type.name === 'topic' ? [...siteFeed, `/${type.path}feed.xml`] : siteFeed);
    if (type.name !== 'paper') await expect(head.locator('link[rel="alternate"][title="Research Atlas: newest papers"]'), type.name).toHaveCount(1);
  }
  // iOS fetches the home-screen icon from the root by name, so a site at the root links none (SeoMeta).
  const icon = await request.get('apple-touch-icon.png');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/png');
});

test('a paper page describes itself as a ScholarlyArticle in JSON-LD', async ({ page, request }) => {
  const paper = (await pageTypes(request)).find((type) => type.name === 'paper')!;
  await page.goto(paper.path);
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const jsonLd = JSON.parse((await scripts.textContent()) ?? '{}') as Record<string, unknown>;
  expect(jsonLd['@type']).toBe('ScholarlyArticle');
  // The full title is the headline (a title over 110 characters is shortened there and given whole as `name`).
  expect(jsonLd['name'] ?? jsonLd['headline']).toBe((await page.locator('h1').textContent())?.trim());
  // The abstract is the page's own text, not copied into the JSON-LD (README, "Page weight").
  expect(jsonLd['abstract']).toBeUndefined();
  expect(jsonLd['url']).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
});

test('the sitemap lists every paper and topic page and /trends/ once, and robots.txt points to it', async ({ request }) => {
  const atlas = (await (await request.get('atlas.json')).json()) as { papers: { slug: string }[]; topics: { slug: string }[] };
  const sitemap = await request.get('sitemap.xml');
  expect(sitemap.headers()['content-type']).toContain('xml');
  const xml = await sitemap.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  expect(new Set(locs).size).toBe(locs.length);
  for (const paper of atlas.papers) expect(locs).toContain(`/papers/${paper.slug}/`);
  for (const topic of atlas.topics) expect(locs).toContain(`/topics/${topic.slug}/`);
  expect(locs).toContain('/trends/');
  expect(locs).not.toContain('/404/');
  expect(await (await request.get('robots.txt')).text()).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
});

test('the Atom feed is valid XML with entries that link to paper pages', async ({ request }) => {
  const xml = await (await request.get('feed.xml')).text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed as { entry: { id: string; title: { '#text': string } }[] };
  expect(feed.entry.length).toBeGreaterThan(0);
  expect(feed.entry.length).toBeLessThanOrEqual(50);
  for (const entry of feed.entry.slice(0, 5)) {
    const response = await request.get(new URL(entry.id).pathname.slice(1));
    expect(response.status(), entry.id).toBe(200);
    expect(await response.text()).toContain('<h1');
  }
});

test('the web app manifest names the site and its icons exist', async ({ request }) => {
  const manifest = (await (await request.get('manifest.webmanifest')).json()) as { name: string; start_url: string; icons: { src: string }[] };
  expect(manifest.name).toBe('Research Atlas');
  expect(manifest.start_url).toBe('/');
  for (const icon of manifest.icons) expect((await request.get(icon.src.slice(1))).status(), icon.src).toBe(200);
});
