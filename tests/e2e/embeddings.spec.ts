import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndServeSite } from './support/fixture-site.ts';

/**
 * A site built from records that bring their own vectors (tests/fixtures/embeddings-site/papers.jsonl: 60 arXiv cs
 * papers of 1993–2016, every 97th of ../shared/corpora/arxiv-cs-oai2016.jsonl, each with a 16-number embedding, half
 * as plain arrays and half in Semantic Scholar's { model, vector } shape). The embeddings put paper n in group n mod 3
 * (a unit axis plus seeded Gaussian noise), whatever its text says: so papers follow the embeddings only if the atlas
 * used them.
 */
let site: { outDir: string; url: string; close: () => Promise<void> };

const records = readFileSync('tests/fixtures/embeddings-site/papers.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { title: string });
const groupOfTitle = new Map(records.map((record, row) => [record.title, row % 3]));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await buildAndServeSite('embeddings', { ATLAS_CONTENT: 'tests/fixtures/embeddings-site' });
});

test.afterAll(async () => {
  await site?.close();
});

/** atlas.json's papers; a related paper is `[index in papers, similarity]`. */
function atlasPapers(): Array<{ slug: string; title: string; related: Array<[number, number]> }> {
  return (JSON.parse(readFileSync(join(site.outDir, 'atlas.json'), 'utf8')) as { papers: Array<{ slug: string; title: string; related: Array<[number, number]> }> }).papers;
}

test('the vector manifest says the papers were placed by their embeddings', async ({ request }) => {
  const manifest = (await (await request.get(new URL('vectors/manifest.json', site.url).href)).json()) as { paperVectors: string };
  expect(manifest.paperVectors).toBe('embedding');
});

test('related papers on a paper page follow the embeddings', async ({ page }) => {
  const papers = atlasPapers();
  expect(papers).toHaveLength(60);
  const paper = papers.find((entry) => entry.title.startsWith('Verifying the Unification Algorithm'))!;
  expect(paper).toBeDefined();
  await page.goto(new URL(`papers/${paper.slug}/`, site.url).href);
  const related = await page.locator('[data-related] ol > li > a').allTextContents();
  expect(related.length).toBeGreaterThanOrEqual(3);
  for (const title of related) expect(groupOfTitle.get(title.trim()), `${title} is in the paper's embedding group`).toBe(0);
  // Every paper's related papers share its group: the text alone would never give that.
  for (const entry of papers) {
    const group = groupOfTitle.get(entry.title);
    for (const [index] of entry.related) expect(groupOfTitle.get(papers[index]!.title)).toBe(group);
  }
});

test('/similar/ says pasted text is compared by words, and text queries still answer', async ({ page }) => {
  await page.goto(new URL('similar/', site.url).href);
  const note = page.locator('[data-similar-embedding-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('cannot embed new text');
  await page.locator('textarea[data-similar-input]').fill('unification algorithm verified with the LCF theorem prover, substitutions and induction');
  const items = page.locator('[data-similar-results] [data-similar-papers] > li');
  await expect(items.first()).toBeVisible();
  await expect(items.first().locator('a[href*="/papers/"]').first()).toContainText('Verifying the Unification Algorithm');
});

test('"more like this" lists the papers the embeddings put next to this one', async ({ page }) => {
  const papers = atlasPapers();
  const paper = papers.find((entry) => groupOfTitle.get(entry.title) === 1)!;
  await page.goto(new URL(`papers/${paper.slug}/`, site.url).href);
  const section = page.locator('[data-more-like-this]');
  await section.getByRole('button', { name: 'Show more like this' }).click();
  const items = section.locator('ol > li a[href*="/papers/"]');
  await expect(items.first()).toBeVisible();
  const titles = (await items.allTextContents()).map((title) => title.trim());
  expect(titles.length).toBeGreaterThanOrEqual(3);
  for (const title of titles) expect(groupOfTitle.get(title), `${title} is in group 1`).toBe(1);
});
