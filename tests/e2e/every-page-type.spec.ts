import { test, expect } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { buildAndServeFixtureAtlas } from './support/fixture-atlas.ts';
import { pageTypes, type PageType } from './support/page-types.ts';
import { axeViolations, consoleProblems, formatScores, lighthouseAudit } from './support/site-checks.ts';

/**
 * The page types the bundled corpus (119 papers, no authors) never makes, checked like the bundled build's: a
 * fixture atlas of over 1,000 real papers with authors (support/fixture-atlas.ts) has a second papers-list page,
 * the authors index split by letter (over 2,000 authors), author pages and a two-level map. Built once into test-results/, served on a port of its own,
 * then axe (light and dark), console and network errors, and Lighthouse on the page types listed in CHECKED_HERE.
 * Runs in its own Playwright project after Lighthouse (playwright.config.ts): its Lighthouse run needs a quiet machine.
 */

/**
 * What this atlas adds to the bundled build's checks: the page types it alone has, and those whose content differs
 * with size (a paper with authors, a topic with subtopics and its papers-per-year chart, /trends/ with its lists —
 * the bundled corpus has no dates —, the two-level map). Home, topics, search and 404 render
 * the same way at any size and are checked on the bundled build; the first papers-list page is the same template as
 * the later page (1,000 rows make axe take minutes).
 */
const CHECKED_HERE = ['papers list, a later page', 'authors', 'authors of a letter', 'author', 'paper', 'topic', 'trends', 'map'];

let site: { url: string; close: () => Promise<void> };
let types: PageType[];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(300_000);
  site = await buildAndServeFixtureAtlas();
  const request = await playwright.request.newContext();
  types = (await pageTypes(request, site.url)).filter((type) => CHECKED_HERE.includes(type.name));
  await request.dispose();
});

test.afterAll(async () => {
  await site?.close();
});

test('the fixture atlas has every page type: later papers page, authors by letter, author pages and a two-level map', async ({ request }) => {
  expect(types.map((type) => type.name).sort()).toEqual([...CHECKED_HERE].sort());
  const atlas = (await (await request.get(new URL('atlas.json', site.url).href)).json()) as { levels: number; papers: unknown[] };
  expect(atlas.papers.length).toBeGreaterThanOrEqual(1000);
  expect(atlas.levels, 'a two-level map (≥ 300 papers)').toBe(2);
});

test('topic labels of the fixture atlas name research, and a subtopic is named by what sets it apart from its theme', async ({ page }) => {
  const atlas = (await (await page.request.get(new URL('atlas.json', site.url).href)).json()) as {
    topics: { id: number; label: string; parent: number | null }[];
  };
  const subtopics = atlas.topics.filter((topic) => topic.parent !== null);
  expect(subtopics.length).toBeGreaterThan(0);
  for (const topic of atlas.topics) expect(topic.label).not.toMatch(/\b(?:proceedings|workshop|volume contains|invited talks|special issue)\b/i);
  const labelOf = new Map(atlas.topics.map((topic) => [topic.id, topic.label]));
  for (const sub of subtopics) {
    const themeItems = labelOf.get(sub.parent!)!.split(' · ');
    const items = sub.label.split(' · ');
    expect(themeItems.includes(items[0]!), `"${sub.label}" under "${labelOf.get(sub.parent!)}"`).toBe(false);
    expect([...items].sort().join(' · ')).not.toBe([...themeItems].sort().join(' · '));
  }
  // What the reader sees: the topics index shows the labels.
  await page.goto(new URL('topics/', site.url).href);
  await expect(page.locator('main')).toContainText(subtopics[0]!.label);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every page type of the fixture atlas has no axe violations in ${scheme} mode`, async ({ page }) => {
    test.setTimeout(180_000);
    const report = await axeViolations(page, types, scheme, site.url);
    expect(report, report.join('\n')).toEqual([]);
  });
}

test('no page type of the fixture atlas logs a console error or has a failed request', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await consoleProblems(page, types, site.url);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('every page type of the fixture atlas scores ≥ 95 on performance and 100 on accessibility, best practices and SEO', async () => {
  test.setTimeout(15 * 60_000);
  const { failures, scores } = await lighthouseAudit(types, site.url);
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/lighthouse-fixture-atlas.json', `${JSON.stringify(scores, null, 2)}\n`);
  console.log(formatScores(scores));
  expect(failures, failures.join('\n')).toEqual([]);
});
