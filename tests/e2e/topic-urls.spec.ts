import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAndServeSite } from './support/fixture-site.ts';
import type { AtlasData } from '../../src/lib/topics/atlas-schema.ts';

/**
 * Topic URLs that last, on a real build: the bundled papers built again with a previous atlas (ATLAS_PREVIOUS_ATLAS)
 * made from the bundled build's own (dist/atlas.json) in which
 * - the first topic had another slug (`renamed-long-ago`): the new build must keep it;
 * - a few papers of the second topic formed a topic of their own (`vanished-topic`), which the new fit does not have:
 *   its URL must redirect to the second topic;
 * - an earlier build had already moved `from-an-earlier-build` to the first topic: that redirect must stay.
 */
let site: { outDir: string; url: string; close: () => Promise<void> };
let bundled: AtlasData;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  bundled = JSON.parse(readFileSync('dist/atlas.json', 'utf8')) as AtlasData;
  const [first, second] = bundled.topics;
  if (!first || !second) throw new Error('dist/atlas.json: the bundled build has fewer than two topics');
  const secondPapers = bundled.papers.filter((paper) => paper.topic === second.id);
  const splitOff = new Set(secondPapers.slice(0, Math.floor(secondPapers.length / 3)).map((paper) => paper.slug));
  expect(splitOff.size).toBeGreaterThan(0);
  const vanishedId = bundled.topics.length;
  const previous = {
    topics: [
      ...bundled.topics.map((topic) => ({ slug: topic.id === first.id ? 'renamed-long-ago' : topic.slug, keywords: topic.keywords, parent: topic.parent })),
      { slug: 'vanished-topic', keywords: ['words no topic has'], parent: null },
    ],
    papers: bundled.papers.map((paper) => ({ slug: paper.slug, topic: splitOff.has(paper.slug) ? vanishedId : paper.topic })),
    moved: [{ slug: 'from-an-earlier-build', to: 'renamed-long-ago' }],
  };
  mkdirSync('test-results', { recursive: true });
  const previousPath = resolve('test-results/topic-urls-previous-atlas.json');
  writeFileSync(previousPath, JSON.stringify(previous));
  site = await buildAndServeSite('topic-urls', { ATLAS_PREVIOUS_ATLAS: previousPath });
});

test.afterAll(async () => {
  await site?.close();
});

function builtAtlas(): AtlasData {
  return JSON.parse(readFileSync(join(site.outDir, 'atlas.json'), 'utf8')) as AtlasData;
}

test('a topic keeps the slug the previous atlas gave it, and the others keep theirs', async ({ page }) => {
  const atlas = builtAtlas();
  expect(atlas.topics.length).toBe(bundled.topics.length);
  expect(atlas.topics.map((topic) => topic.slug)).toEqual(['renamed-long-ago', ...bundled.topics.slice(1).map((topic) => topic.slug)]);
  await page.goto(new URL('topics/renamed-long-ago/', site.url).href);
  await expect(page.locator('h1')).toHaveText(bundled.topics[0]!.label);
  const response = await page.request.get(new URL(`topics/${bundled.topics[0]!.slug}/`, site.url).href);
  expect(response.status(), 'the label slug is not a second page of the kept topic').toBe(404);
});

test('the URL of a topic that vanished redirects to the topic its papers went to', async ({ page, request }) => {
  const second = bundled.topics[1]!;
  await page.goto(new URL('topics/vanished-topic/', site.url).href);
  await expect(page).toHaveURL(new URL(`topics/${second.slug}/`, site.url).href);
  await expect(page.locator('h1')).toHaveText(second.label);

  const html = await (await request.get(new URL('topics/vanished-topic/', site.url).href)).text();
  expect(html).toContain('<meta name="robots" content="noindex">');
  expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/topics/${second.slug}/">`);
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/topics/${second.slug}/">`));
  // With refreshes turned off, the page still says where the topic went, accessibly in light and dark.
  const withoutRefresh = html.replace(/<meta http-equiv="refresh"[^>]*>/, '');
  await page.route('**/topics/vanished-topic/', (route) => route.fulfill({ contentType: 'text/html', body: withoutRefresh }));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(new URL('topics/vanished-topic/', site.url).href);
    await expect(page.getByRole('link', { name: second.label })).toHaveAttribute('href', `/topics/${second.slug}/`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => `${scheme}: ${violation.id} ${violation.help}`)).toEqual([]);
  }
});

test('a redirect of an earlier build is carried on, and atlas.json lists every moved slug', async ({ page }) => {
  await page.goto(new URL('topics/from-an-earlier-build/', site.url).href);
  await expect(page).toHaveURL(new URL('topics/renamed-long-ago/', site.url).href);
  expect(builtAtlas().moved).toEqual([
    { slug: 'from-an-earlier-build', to: 'renamed-long-ago' },
    { slug: 'vanished-topic', to: bundled.topics[1]!.slug },
  ]);
});

test('the sitemap lists the kept topic URL and no redirect', () => {
  const sitemap = readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8');
  expect(sitemap).toContain('/topics/renamed-long-ago/</loc>');
  expect(sitemap).not.toContain('/topics/vanished-topic/');
  expect(sitemap).not.toContain('/topics/from-an-earlier-build/');
});

test('a vanished topic’s feed URL keeps serving its successor’s feed, whose self link names the new URL', async ({ request }) => {
  const second = bundled.topics[1]!;
  const response = await request.get(new URL('topics/vanished-topic/feed.xml', site.url).href);
  expect(response.ok()).toBe(true);
  const feed = await response.text();
  expect(feed).toMatch(new RegExp(`<link rel="self" type="application/atom\\+xml" href="https?://[^"]+/topics/${second.slug}/feed\\.xml"/>`));
  const entries = feed.match(/<entry>/g) ?? [];
  expect(entries.length).toBe(Math.min(50, second.size));
  const opml = await (await request.get(new URL('topics/feeds.opml', site.url).href)).text();
  expect(opml).not.toContain('vanished-topic');
});

test('the library shows a saved paper the atlas no longer has under its moved topic’s successor, linked', async ({ page }) => {
  const second = bundled.topics[1]!;
  const id = 'a-paper-of-an-older-build-0000';
  const library = {
    version: 2,
    entries: [
      {
        id,
        savedAt: '2026-01-01T00:00:00.000Z',
        read: false,
        note: '',
        tags: [],
        paper: { title: 'A paper an older build had', authors: ['Ada Lovelace'], date: '2024', topic: { slug: 'vanished-topic', label: 'the vanished topic' } },
      },
    ],
    notInterested: [],
  };
  await page.addInitScript((text) => {
    if (!localStorage.getItem('research-atlas:library')) localStorage.setItem('research-atlas:library', text);
  }, JSON.stringify(library));
  await page.goto(new URL('library/', site.url).href);
  const entry = page.locator(`[data-library-entry="${id}"]`);
  await expect(entry).toContainText('not in this atlas');
  await expect(entry.getByRole('link', { name: second.label })).toHaveAttribute('href', `/topics/${second.slug}/`);
  await expect(entry).not.toContainText('the vanished topic');
  // The successor is stored, so exports and the next visit name it too.
  await expect
    .poll(async () => (JSON.parse(await page.evaluate(() => localStorage.getItem('research-atlas:library') ?? '{}')) as typeof library).entries[0]?.paper.topic)
    .toEqual({ slug: second.slug, label: second.label });
});
