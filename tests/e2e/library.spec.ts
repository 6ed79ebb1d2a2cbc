import { inflateRawSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { readBibtex } from '../../src/lib/library/bibtex.ts';
import { readRis } from '../../src/lib/library/ris.ts';
import { readCslJson } from '../../src/lib/library/csl-json.ts';

const ZOTERO = '/work/shared/corpora/samples/bibtex/brendon-boldt+phd-thesis__zotero.bib';

/** Save the first three papers of the papers list from their own pages; returns their slugs. */
async function saveThreePapers(page: Page): Promise<string[]> {
  await page.goto('papers/');
  const hrefs = await page.locator('[data-list-items] h3 a').evaluateAll((links) => links.slice(0, 3).map((link) => (link as HTMLAnchorElement).pathname));
  expect(hrefs).toHaveLength(3);
  for (const href of hrefs) {
    await page.goto(href);
    const button = page.locator('main button[data-save]').first();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-save-status]')).toContainText('Saved to your library');
  }
  return hrefs.map((href) => href.split('/').filter(Boolean).at(-1) ?? '');
}

test('save three papers, see them on /library/, annotate, reload, export every format and parse the downloads', async ({ page }) => {
  const slugs = await saveThreePapers(page);
  await page.goto('library/');
  const entries = page.locator('[data-library-list] [data-library-entry]');
  await expect(entries).toHaveCount(3);
  // Newest first: the last saved paper leads.
  expect(await entries.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['libraryEntry']))).toEqual([...slugs].reverse());
  for (const slug of slugs) await expect(page.locator(`[data-library-list] a[href$="/papers/${slug}/"]`)).toHaveCount(1);

  const first = entries.first();
  await first.locator('[data-library-note]').fill('Key idea: {braces} and 100%\nsecond line');
  await first.locator('[data-library-note]').blur();
  await first.locator('[data-library-tags]').fill('to read, Methods');
  await first.locator('[data-library-tags]').press('Enter');
  await first.locator('[data-library-read]').check();
  await page.reload();
  await expect(entries).toHaveCount(3);
  await expect(entries.first().locator('[data-library-note]')).toHaveValue('Key idea: {braces} and 100%\nsecond line');
  await expect(entries.first().locator('[data-library-tags]')).toHaveValue('to read, Methods');
  await expect(entries.first().locator('[data-library-read]')).toBeChecked();

  const readers = { bibtex: readBibtex, ris: readRis, 'csl-json': readCslJson } as const;
  for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
    const download = page.waitForEvent('download');
    await page.locator(`[data-library-export="${format}"]`).click();
    const file = await download;
    const text = await readFile((await file.path()) ?? '', 'utf8');
    const result = readers[format](text);
    expect(result.problems, format).toEqual([]);
    expect(result.records.map((record) => record.atlasId), format).toEqual([...slugs].reverse());
    const annotated = result.records[0];
    expect(annotated?.note, format).toBe('Key idea: {braces} and 100%\nsecond line');
    expect(annotated?.tags, format).toEqual(['to read', 'Methods']);
    expect(annotated?.read, format).toBe(true);
    for (const record of result.records) {
      expect(record.paper.title.length, format).toBeGreaterThan(5);
      expect(record.paper.url ?? '', format).toMatch(/^https?:\/\//);
    }
  }

  // Export of one tag holds only that tag's paper.
  await page.locator('[data-library-scope]').selectOption({ label: 'tag: Methods (1)' });
  const tagged = page.waitForEvent('download');
  await page.locator('[data-library-export="ris"]').click();
  const taggedText = await readFile((await (await tagged).path()) ?? '', 'utf8');
  expect(readRis(taggedText).records.map((record) => record.atlasId)).toEqual([slugs[2]]);

  // Remove, then undo.
  await entries.first().locator('[data-library-remove]').click();
  await expect(entries).toHaveCount(2);
  await page.locator('[data-library-undo-button]').click();
  await expect(entries).toHaveCount(3);
  await expect(entries.first().locator('[data-library-note]')).toHaveValue('Key idea: {braces} and 100%\nsecond line');
});

test('the share link opens the list in a fresh browser, which can add it to its own library', async ({ page, browser, baseURL }) => {
  const slugs = await saveThreePapers(page);
  await page.goto('library/');
  const share = page.locator('[data-library-share]');
  await expect(share).toHaveAttribute('href', /#share=1\./);
  const href = (await share.getAttribute('href')) ?? '';
  expect(href.startsWith(baseURL ?? 'http')).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(href);
  const shared = other.locator('[data-library-shared]');
  await expect(shared).toBeVisible();
  await expect(shared.locator('[data-shared-list] li')).toHaveCount(3);
  await expect(other.locator('[data-library-list] [data-library-entry]')).toHaveCount(0);
  await shared.locator('[data-shared-add]').click();
  await expect(other.locator('[data-library-list] [data-library-entry]')).toHaveCount(3);
  for (const slug of slugs) await expect(other.locator(`[data-library-list] a[href$="/papers/${slug}/"]`)).toHaveCount(1);

  // A damaged link: a clear message, the library untouched.
  await other.goto(`${href.split('#')[0]}#share=1.AAAA`);
  await expect(other.locator('[data-library-problem]')).toContainText('damaged');
  await expect(other.locator('[data-library-list] [data-library-entry]')).toHaveCount(3);
  await fresh.close();
});

test('importing a real Zotero export reports what was added and what is not in this atlas; a bad file loses nothing', async ({ page }) => {
  await saveThreePapers(page);
  await page.goto('library/');
  await page.locator('input[type=file][data-library-import]').setInputFiles(ZOTERO);
  const report = page.locator('[data-library-import-report]');
  await expect(report).toContainText(/169 entries read; \d+ added to your library/);
  await expect(report).toContainText('not found in this atlas');
  const notFound = report.locator('[data-import-not-found] li');
  expect(await notFound.count()).toBeGreaterThan(100);
  await expect(notFound.first()).toContainText(/^line \d+: /);

  await page.locator('input[type=file][data-library-import]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"title": ') });
  await expect(report).toContainText('Nothing was imported: broken.json');
  await expect(report).toContainText('Your library is unchanged');
  await expect(page.locator('[data-library-list] [data-library-entry]')).toHaveCount(3);
});

test('two tabs stay in sync, and full storage gives a clear message while the page keeps working', async ({ page, context }) => {
  await page.goto('library/');
  const other = await context.newPage();
  await other.goto('papers/');
  await other.locator('[data-list-items] button[data-save]').first().click();
  await expect(page.locator('[data-library-list] [data-library-entry]')).toHaveCount(1);
  await expect(other.locator('[data-list-items] li[data-saved]')).toHaveCount(1);

  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.locator('[data-library-read]').first().check();
  await expect(page.locator('[data-library-problem]')).toContainText('storage is full');
  await expect(page.locator('[data-library-read]').first()).toBeChecked();
});

test('a library too large for localStorage moves to IndexedDB and reads back after a reload', async ({ page }) => {
  await saveThreePapers(page);
  await page.goto('library/');
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (value.length > 400) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.locator('[data-library-note]').first().fill('kept in IndexedDB');
  await page.locator('[data-library-note]').first().blur();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('research-atlas:library'))).toContain('"storedIn":"indexeddb"');
  await expect(page.locator('[data-library-problem]')).toBeHidden();
  await page.reload();
  await expect(page.locator('[data-library-list] [data-library-entry]')).toHaveCount(3);
  await expect(page.locator('[data-library-note]').first()).toHaveValue('kept in IndexedDB');
});

test('saved papers are marked on lists, search results and the map, and "hide saved" is kept in the URL', async ({ page }) => {
  await page.goto('papers/');
  const rowButtons = page.locator('[data-list-items] button[data-save]');
  expect(await rowButtons.count()).toBeGreaterThan(20);
  for (const index of [0, 7, 14]) await rowButtons.nth(index).click();
  await expect(page.locator('[data-list-items] li[data-saved]')).toHaveCount(3);
  await page.locator('[data-hide-seen-list]').check();
  await expect(page).toHaveURL(/hide=saved/);
  await expect(page.locator('[data-list-items] li[data-saved]').first()).toBeHidden();
  await page.reload();
  await expect(page.locator('[data-hide-seen-list]')).toBeChecked();
  await expect(page.locator('[data-list-items] li[data-saved]').first()).toBeHidden();

  await page.goto('map/');
  await expect(page.locator('[data-atlas-map]')).toHaveAttribute('data-library-marked', '3');
  const toggle = page.locator('[data-map-library-toggle]');
  await expect(toggle).toHaveText('My library (3)');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/library=1/);

  await page.goto('search/?q=language');
  const firstResult = page.locator('[data-search-results] > li').first();
  await expect(firstResult).toBeVisible();
  // Title hits render first and the full stage may reorder them: read the first result once the list is final.
  await expect(page.locator('#search-page-results')).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  const slug = (await firstResult.locator('button[data-save]').getAttribute('data-save')) ?? '';
  await expect(firstResult.locator('button[data-save]')).toHaveAttribute('aria-pressed', 'false');
  await page.locator('#search-page-input').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Alt+s');
  await expect(firstResult.locator('button[data-save]')).toHaveAttribute('aria-pressed', 'true');
  await expect(firstResult.locator('[role="option"] [data-saved-mark]')).toHaveText('In your library');
  await expect(page.locator('[data-save-status]')).toContainText('Saved to your library');
  await page.locator('[data-hide-seen]').check();
  await expect(page).toHaveURL(/hide=saved/);
  // The search runs again (both stages) with the saved paper left out; slow when the machine is busy.
  await expect(page.locator('[data-search-page] [data-search-status]')).toContainText(/\d saved papers? hidden/, { timeout: 15_000 });
  await expect(page.locator(`[data-search-results] button[data-save="${slug}"]`)).toHaveCount(0);
});

test('recommendations for a small library about one subject are about that subject; "not interested" is remembered', async ({ page, request }) => {
  const catalogue = JSON.parse(inflateRawSync(await (await request.get('library/papers.deflate')).body()).toString('utf8')) as { topics: [string, string][]; papers: [string, ...unknown[]][] };
  expect(catalogue.papers.length).toBeGreaterThan(0);
  const topicOf = new Map(catalogue.papers.map((row) => [row[0], catalogue.topics[row[8] as number]?.[0] ?? '']));
  // The three most representative papers of the largest topic, saved from the topic page's list.
  await page.goto('topics/');
  const topicHrefs = await page.locator('main a[href*="/topics/"]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname).filter((path) => /\/topics\/[^/]+\/$/.test(path)));
  const topicHref = topicHrefs[0] ?? '';
  const topicSlug = topicHref.split('/').filter(Boolean).at(-1) ?? '';
  await page.goto(topicHref);
  const buttons = page.locator('[data-list-items] button[data-save]');
  for (const index of [0, 1, 2]) await buttons.nth(index).click();
  // A row's button carries no slug: its row's title link does.
  const saved = await page.locator('[data-list-items] li[data-saved] h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname.split('/').filter(Boolean).at(-1) ?? ''));
  expect(saved).toHaveLength(3);
  for (const slug of saved) expect(topicOf.get(slug)).toBe(topicSlug);

  await page.goto('library/');
  const items = page.locator('[data-recommendations] > li');
  await expect(items.first()).toBeVisible({ timeout: 15_000 });
  const recommended = await items.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset['recommendation'] ?? ''));
  expect(recommended.length).toBeGreaterThanOrEqual(10);
  for (const slug of recommended) expect(saved).not.toContain(slug);
  const sameTopic = recommended.slice(0, 10).filter((slug) => topicOf.get(slug) === topicSlug).length;
  expect(sameTopic, `${sameTopic} of the top 10 in ${topicSlug}`).toBeGreaterThanOrEqual(6);
  await expect(items.first().locator('a')).toHaveAttribute('href', new RegExp(`/papers/${recommended[0]}/$`));
  await expect(items.first().locator('[data-recommendation-why]')).toContainText(/^Shares: \S/);

  await items.first().locator('[data-not-interested]').click();
  await expect(page.locator(`[data-recommendations] > li[data-recommendation="${recommended[0]}"]`)).toHaveCount(0);
  await expect(items.first()).toBeVisible();
  await page.reload();
  await expect(items.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator(`[data-recommendations] > li[data-recommendation="${recommended[0]}"]`)).toHaveCount(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('research-atlas:library') ?? '{}').notInterested)).toEqual([recommended[0]]);
});

test('a paper page loads only a few kB of library script', async ({ page }) => {
  const scripts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await page.goto('papers/');
  const href = (await page.locator('[data-list-items] h3 a').first().getAttribute('href')) ?? '';
  scripts.length = 0;
  await page.goto(href);
  await expect(page.locator('main button[data-save]')).toHaveAttribute('aria-pressed', 'false');
  const library = scripts.filter((script) => /save-?button|storage/i.test(script.url));
  expect(library.length).toBeGreaterThan(0);
  const total = library.reduce((sum, script) => sum + script.bytes, 0);
  expect(total, library.map((script) => `${script.url} ${script.bytes}`).join('\n')).toBeLessThan(8_000);
});

test('/library/ has no axe violations, light and dark, with papers saved', async ({ page }) => {
  await saveThreePapers(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((theme) => localStorage.setItem('atlas-theme', theme), scheme);
    await page.goto('library/');
    await expect(page.locator('[data-library-list] [data-library-entry]')).toHaveCount(3);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), scheme).toEqual([]);
  }
});

test('an empty library shows no bare "By topic" heading', async ({ page }) => {
  await page.goto('library/');
  await expect(page.locator('[data-library-count]')).toContainText('Nothing saved yet');
  await expect(page.getByRole('heading', { name: 'By topic' })).toBeHidden();
});
