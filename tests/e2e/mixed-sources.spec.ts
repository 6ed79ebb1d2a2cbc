import { test, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { buildAndServeSite, runAstroBuild } from './support/fixture-site.ts';

/**
 * A site built from a mixed folder (tests/fixtures/mixed-site/: an arXiv Atom feed, a BibTeX file, a CSV with an
 * `# atlas:` mapping and two Markdown files). The Tülu 3 paper is in the feed, the .bib and a Markdown note under
 * the same arXiv id, so it is one page; the CSV's "J. Smith" is merged into the .bib's "John Smith". The CSV repeats
 * "Message Passing on Sparse Graphs" with "J. Smith*; A. Lovelace†; others": one paper, two authors.
 */
let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await buildAndServeSite('mixed', { ATLAS_CONTENT: 'tests/fixtures/mixed-site' });
});

test.afterAll(async () => {
  await site?.close();
});

/** Titles of the visible rows of the papers list on the page (its own rows, or the matches of its filters). */
function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('main :is([data-list-items], [data-browser-results]) > li:visible h3').allTextContents().then((titles) => titles.map((title) => title.trim()));
}

test('the papers list holds each paper once: cross-file duplicates are merged', async ({ page }) => {
  await page.goto(new URL('papers/', site.url).href);
  const titles = await visibleTitles(page);
  expect(titles).toHaveLength(6);
  expect(titles.filter((title) => title.includes('Pushing Frontiers'))).toHaveLength(1);
});

test('the authors index lists every author A–Z with paper counts and letter jump links', async ({ page }) => {
  await page.goto(new URL('authors/', site.url).href);
  const rows = await page.locator('[data-author-list] li').allTextContents();
  expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
    'Émile Borel · 1 paper',
    'José García · 1 paper',
    'Nathan Lambert · 1 paper',
    'Ada Lovelace · 3 papers',
    "Mallory O'Neil · 1 paper",
    'John Smith · 2 papers',
  ]);
  await expect(page.locator('[data-letter-jump] a')).toHaveText(['B', 'G', 'L', 'O', 'S']);
  await page.locator('[data-letter-jump] a', { hasText: 'S' }).click();
  await expect(page).toHaveURL(/#letter-s$/);
});

test('an author page lists their papers, merging initials and accents conservatively', async ({ page }) => {
  await page.goto(new URL('authors/', site.url).href);
  await page.locator('[data-author-list] a', { hasText: 'John Smith' }).click();
  await expect(page.locator('h1')).toHaveText('John Smith');
  await expect(page.locator('main')).toContainText('Also written as J. Smith');
  expect((await visibleTitles(page)).sort()).toEqual(['Initials Are Merged Carefully', 'Message Passing on Sparse Graphs']);
  await page.goto(new URL('authors/ada-lovelace/', site.url).href);
  expect(await visibleTitles(page)).toHaveLength(3);
  await page.goto(new URL('authors/jose-garcia/', site.url).href);
  expect(await visibleTitles(page)).toEqual(['TÜLU 3: Pushing Frontiers in Open Language Model Post-Training']);
});

test('a paper read from two files lists each author once, full names, no footnote marks and no "others"', async ({ page }) => {
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('[data-list-items] h3 a', { hasText: 'Message Passing' }).click();
  // The CSV row says "J. Smith*; A. Lovelace†; others", the .bib "Smith, John and Lovelace, Ada".
  await expect(page.locator('[data-paper-authors] a')).toHaveText(['John Smith', 'Ada Lovelace']);
  await expect(page.locator('[data-paper-authors]')).not.toContainText(/[*†]|others|J\. Smith|A\. Lovelace/);
  await page.goto(new URL('authors/', site.url).href);
  const rows = await page.locator('[data-author-list] li').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).not.toMatch(/[*†]|^\s*others/);
});

test('the Authors link is in the main navigation', async ({ page }) => {
  await page.goto(site.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authors' }).click();
  await expect(page.locator('h1')).toHaveText('Authors');
});

test('the papers list filters by year range, author (a typeahead over every author, by family name) and words, in the URL', async ({ page }) => {
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('main select[name="from"]').selectOption('2021');
  await page.locator('main select[name="to"]').selectOption('2021');
  await expect(page.locator('[data-list-count]')).toHaveText(/^2 of 6 papers match/);
  expect(await visibleTitles(page)).toHaveLength(2);
  await expect(page).toHaveURL(/from=2021&to=2021/);
  // The years are served as "Any year" alone and come from /papers/filters.json; a range in the URL fetches them at once.
  await page.reload();
  await expect(page.locator('main select[name="from"]')).toHaveValue('2021');
  await expect(page.locator('main select[name="to"]')).toHaveValue('2021');
  await expect(page.locator('[data-list-count]')).toHaveText(/^2 of 6 papers match/);
  expect(await page.locator('main select[name="from"] option').allTextContents()).toEqual(['Any year', ...[...(await page.locator('main select[name="to"] option').allTextContents()).slice(1)].reverse()]);
  await page.locator('main select[name="from"]').selectOption('');
  await page.locator('main select[name="to"]').selectOption('');
  const author = page.getByRole('combobox', { name: 'Author' });
  await author.fill('l');
  const suggestions = page.getByRole('listbox', { name: 'Authors' }).getByRole('option');
  await expect(suggestions).toHaveText([/^Nathan Lambert\s*1 paper$/, /^Ada Lovelace\s*3 papers$/]);
  await author.press('ArrowDown');
  await author.press('ArrowDown');
  await author.press('Enter');
  await expect(author).toHaveValue('Ada Lovelace');
  await expect(page.locator('[data-list-count]')).toHaveText(/^3 of 6 papers match/);
  await page.getByLabel('Words').fill('sparse');
  await expect(page.locator('[data-list-count]')).toHaveText(/^2 of 6 papers match/);
  expect((await visibleTitles(page)).sort()).toEqual(['Message Passing on Sparse Graphs', 'Sparse Attention for Long Documents']);
  await page.reload();
  await expect(author).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Words')).toHaveValue('sparse');
  await expect(page.locator('[data-list-count]')).toHaveText(/^2 of 6 papers match/);
});

test('/search/ with only an author or a year range lists those papers, newest first, and says so', async ({ page }) => {
  await page.goto(new URL('search/?author=Ada%20Lovelace', site.url).href);
  await expect(page.locator('main [data-search-status]')).toHaveText('3 papers by Ada Lovelace, newest first');
  await expect(page.locator('main [data-search-results] [role="option"]')).toHaveCount(3);
  const years = await page.locator('main [data-search-results] [role="option"]').evaluateAll((options) =>
    options.map((option) => Number(option.textContent?.match(/\b(19|20)\d{2}\b/)?.[0] ?? 0)),
  );
  expect(years).toEqual([...years].sort((a, b) => b - a));
  await page.goto(new URL('search/?from=2021&to=2021', site.url).href);
  await expect(page.locator('main [data-search-status]')).toHaveText('2 papers in 2021, newest first');
});

test('paper pages link to arXiv and DOI, and their authors to author pages', async ({ page }) => {
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('[data-list-items] h3 a', { hasText: 'Pushing Frontiers' }).click();
  await expect(page.locator('[data-paper-meta] a', { hasText: 'arXiv:2411.15124' })).toHaveAttribute('href', 'https://arxiv.org/abs/2411.15124');
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('[data-list-items] h3 a', { hasText: 'Message Passing' }).click();
  await expect(page.locator('[data-paper-meta] a', { hasText: 'doi:10.1234/graphs.2019.7' })).toHaveAttribute('href', 'https://doi.org/10.1234/graphs.2019.7');
  await expect(page.locator('[data-abstract]')).toContainText('ènormous inputs – and it is fast');
  await page.locator('[data-paper-authors] a', { hasText: 'John Smith' }).click();
  await expect(page.locator('h1')).toHaveText('John Smith');
});

test('Cite uses the merged record: authors from the feed, year and arXiv eprint', async ({ page }) => {
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('[data-list-items] h3 a', { hasText: 'Pushing Frontiers' }).click();
  const bibtex = (await page.locator('#cite-bibtex').textContent()) ?? '';
  expect(bibtex).toContain('author = {Lambert, Nathan and García, José}');
  expect(bibtex).toContain('year = {2024}');
  expect(bibtex).toContain('eprint = {2411.15124}');
  expect(bibtex).toContain('archiveprefix = {arXiv}');
  await expect(page.locator('[data-paper-authors] a')).toHaveText(['Nathan Lambert', 'José García']);
});

test('hostile titles and abstracts from every format stay text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(new URL('papers/', site.url).href);
  const paperHrefs = await page.locator('[data-list-items] h3 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  await page.goto(new URL('authors/', site.url).href);
  const authorHrefs = await page.locator('[data-author-list] a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  for (const href of ['papers/', 'authors/', ...paperHrefs, ...authorHrefs]) {
    await page.goto(new URL(href, site.url).href);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), href).toBeUndefined();
    expect(await page.locator('main img, main iframe, main svg[onload], main [onerror], main [onload], main a[href^="javascript:"]').count(), href).toBe(0);
  }
  await page.goto(new URL('papers/', site.url).href);
  await page.locator('[data-list-items] h3 a', { hasText: 'Graph Attacks on Feeds' }).click();
  await expect(page.locator('h1')).toContainText("<script>window.__pwned = 'atom-title'</script>");
  await expect(page.locator('[data-abstract]')).toContainText('<img src=x onerror=');
  expect(dialogs).toEqual([]);
});

test('a strict build of a folder with a rejected record fails and names the file and line', async () => {
  test.setTimeout(240_000);
  const result = await runAstroBuild({
    ATLAS_CONTENT: 'tests/fixtures/mixed-strict',
    ATLAS_STRICT: '1',
    // A strict build also insists on ATLAS_SITE; this one is a local build, so localhost URLs are right.
    ATLAS_LOCAL: '1',
    ATLAS_OUT_DIR: resolve('test-results/mixed-strict-dist'),
    ATLAS_CACHE_DIR: resolve('test-results/mixed-strict-cache'),
  });
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('rows.csv:3: record has no title');
});
