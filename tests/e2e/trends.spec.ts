import { test, expect, type APIRequestContext } from '@playwright/test';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { XMLParser } from 'fast-xml-parser';
import type { AtlasData, AtlasTopic } from '../../src/lib/topics/atlas-schema.ts';
import { buildAndServeSite } from './support/fixture-site.ts';

/**
 * Time in the atlas: /trends/, a topic page's chart, topic feeds and the OPML list. The bundled corpus has no dates
 * (its /trends/ must say so, not invent a trend); the dated checks run on a site built from the first 1,500 papers
 * of ../shared/corpora/arxiv-cs-oai2016-10k.jsonl (a hash-order sample of arXiv cs, 1993–2016, dated by their ids),
 * copied into test-results/, never into the project.
 */
const SAMPLE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'arxiv-cs-oai2016-10k.jsonl');
const SAMPLE_PAPERS = 1500;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'entry' || name === 'outline' || name === 'link' });

async function atlasOf(request: APIRequestContext, siteUrl: string): Promise<AtlasData> {
  return (await (await request.get(new URL('atlas.json', siteUrl).href)).json()) as AtlasData;
}

test.describe('the bundled atlas (no dates)', () => {
  test('/trends/ says the papers have no dates and shows no trend list; the header does not link to it', async ({ page }) => {
    await page.goto('/trends/');
    await expect(page.locator('h1')).toHaveText('Trends');
    await expect(page.locator('[data-trends-state="undated"]')).toContainText('has a publication date');
    await expect(page.locator('[data-trend-list]')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' })).toHaveCount(0);
    await expect(page.locator('[data-topic-feeds-opml]')).toHaveAttribute('href', '/topics/feeds.opml');
  });

  test('a topic page links its Atom feed, whose entries are that topic’s papers; no chart without dates', async ({ page, request }) => {
    const atlas = (await (await request.get('/atlas.json')).json()) as AtlasData;
    const topic = atlas.topics[0]!;
    await page.goto(`/topics/${topic.slug}/`);
    await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="/topics/${topic.slug}/feed.xml"]`)).toHaveCount(1);
    await expect(page.locator('[data-topic-feed]')).toHaveAttribute('href', `/topics/${topic.slug}/feed.xml`);
    await expect(page.locator('svg[data-topic-trend]')).toHaveCount(0);
    const response = await request.get(`/topics/${topic.slug}/feed.xml`);
    expect(response.ok()).toBe(true);
    const feed = parser.parse(await response.text()).feed;
    const members = new Set(atlas.papers.filter((paper) => paper.topic === topic.id || atlas.topics[paper.topic]?.parent === topic.id).map((paper) => paper.slug));
    const entries = feed.entry as Array<{ id: string }>;
    expect(entries.length).toBe(Math.min(50, members.size));
    for (const entry of entries) expect(members.has(entry.id.split('/').at(-2)!), entry.id).toBe(true);
  });

  test('the OPML file lists one feed per topic, each of which exists', async ({ request }) => {
    const atlas = (await (await request.get('/atlas.json')).json()) as AtlasData;
    const opml = parser.parse(await (await request.get('/topics/feeds.opml')).text()).opml;
    const outlines = opml.body.outline as Array<{ xmlUrl: string; htmlUrl: string; text: string }>;
    expect(outlines.length).toBe(atlas.topics.length);
    expect(new Set(outlines.map((outline) => new URL(outline.xmlUrl).pathname))).toEqual(new Set(atlas.topics.map((topic) => `/topics/${topic.slug}/feed.xml`)));
    for (const outline of outlines) expect((await request.get(new URL(outline.xmlUrl).pathname)).ok(), outline.xmlUrl).toBe(true);
  });
});

test.describe('a dated atlas: 1,500 arXiv cs papers of 1993–2016', () => {
  test.describe.configure({ mode: 'serial' });
  let site: { outDir: string; url: string; close: () => Promise<void> };
  let atlas: AtlasData;

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(300_000);
    if (!existsSync(SAMPLE)) throw new Error(`${SAMPLE}: the arXiv sample is missing (see ../shared/corpora/README.md)`);
    const contentDir = resolve('test-results/trends-content');
    await rm(contentDir, { recursive: true, force: true });
    await mkdir(contentDir, { recursive: true });
    const lines: string[] = [];
    const reader = createInterface({ input: createReadStream(SAMPLE, 'utf8'), crlfDelay: Infinity });
    for await (const line of reader) {
      if (line.trim() !== '') lines.push(line);
      if (lines.length >= SAMPLE_PAPERS) break;
    }
    reader.close();
    await writeFile(resolve(contentDir, 'arxiv-sample.jsonl'), `${lines.join('\n')}\n`);
    site = await buildAndServeSite('trends', { ATLAS_CONTENT: contentDir });
    const request = await playwright.request.newContext();
    atlas = await atlasOf(request, site.url);
    await request.dispose();
  });

  test.afterAll(async () => {
    await site?.close();
  });

  test('/trends/ states its rule and lists rising topics, most rising first, each linking to its topic page', async ({ page, request }) => {
    await page.goto(new URL('trends/', site.url).href);
    await expect(page.locator('[data-trends-rule]')).toContainText('2014–2016');
    await expect(page.locator('[data-trends-rule]')).toContainText('two-proportion z-test');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' })).toHaveAttribute('aria-current', 'page');
    const rising = page.locator('[data-trend-list="rising"] > li');
    expect(await rising.count()).toBeGreaterThan(0);
    const growth = (await page.locator('[data-trend-list="rising"] [data-trend-growth]').allTextContents()).map((text) => Number(text.replace('×', '')));
    expect(growth.length).toBeGreaterThan(0);
    for (let index = 1; index < growth.length; index++) expect(growth[index]!).toBeLessThanOrEqual(growth[index - 1]!);
    expect(growth.every((value) => value >= 1.25)).toBe(true);
    for (const entry of await rising.all()) {
      const href = (await entry.locator('a').first().getAttribute('href'))!;
      const slug = href.split('/').at(-2)!;
      const topic = atlas.topics.find((candidate) => candidate.slug === slug);
      expect(topic, `${href} is a topic of atlas.json`).toBeDefined();
      expect((await request.get(new URL(href.slice(1), site.url).href)).ok()).toBe(true);
      await expect(entry.locator('svg[data-sparkline]')).toHaveAttribute('aria-label', /\d{4}: [\d.]+ %/);
    }
    // The words new in the topics' recent papers: at least some entries have them.
    expect(await page.locator('[data-trend-list="rising"] [data-trend-terms]').count()).toBeGreaterThan(0);
  });

  test('a rising topic has more of its papers in the recent years than its share of the atlas before', async ({ page }) => {
    await page.goto(new URL('trends/', site.url).href);
    const slug = (await page.locator('[data-trend-list="rising"] > li').first().getAttribute('data-trend-entry'))!;
    const topic = atlas.topics.find((candidate) => candidate.slug === slug)!;
    const share = (topicOf: AtlasTopic | undefined, from: number, to: number) => {
      let mine = 0;
      let all = 0;
      for (const paper of atlas.papers) {
        if (paper.year === undefined || paper.year < from || paper.year > to) continue;
        all++;
        if (topicOf && paper.topic === topicOf.id) mine++;
      }
      return mine / all;
    };
    expect(share(topic, 2014, 2016)).toBeGreaterThan(1.25 * share(topic, 1900, 2013));
  });

  test('a topic page draws its papers per year as an SVG with the numbers as text, and links its feed, newest first', async ({ page, request }) => {
    const topic = atlas.topics.find((candidate) => candidate.parent === null)!;
    await page.goto(new URL(`topics/${topic.slug}/`, site.url).href);
    const chart = page.locator('svg[data-topic-trend]');
    await expect(chart).toBeVisible();
    const counts = await chart.locator('rect[data-count]').evaluateAll((bars) => bars.map((bar) => [bar.getAttribute('data-year'), Number(bar.getAttribute('data-count'))]));
    expect(counts.length).toBeGreaterThan(0);
    expect(Object.fromEntries(counts)).toEqual(topic.years);
    const [year, count] = Object.entries(topic.years!).at(-1)!;
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`${year}: ${count} papers?`));
    await expect(page.locator('[data-topic-trend-table] tbody tr')).toHaveCount(counts.length);
    const feedHref = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(feedHref).toContain(`/topics/${topic.slug}/feed.xml`);
    const feed = parser.parse(await (await request.get(new URL(`topics/${topic.slug}/feed.xml`, site.url).href)).text()).feed;
    const published = (feed.entry as Array<{ published: string }>).map((entry) => entry.published);
    expect(published.length).toBe(Math.min(50, topic.size));
    expect([...published].sort().reverse()).toEqual(published);
  });

  test('theme cards on the home page and /topics/ carry a sparkline of their papers per year', async ({ page }) => {
    for (const path of ['', 'topics/']) {
      await page.goto(new URL(path, site.url).href);
      const sparklines = page.locator('[data-topic-card] svg[data-sparkline]');
      expect(await sparklines.count()).toBeGreaterThan(0);
      await expect(sparklines.first()).toHaveAttribute('aria-label', /Papers per year, \d{4}–2016: .*\d{4}: \d+ papers?/);
    }
  });
});
