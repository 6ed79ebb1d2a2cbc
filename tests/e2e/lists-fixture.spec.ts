import { expect, test, type Page } from '@playwright/test';
import { buildAndServeFixtureAtlas } from './support/fixture-atlas.ts';

/**
 * Lists on a dated atlas with categories (the fixture atlas of support/fixture-atlas.ts: an arXiv OAI harvest with
 * arXiv categories, ICLR 2017 with keywords and a Zotero BibTeX export whose keywords mix arXiv's long names,
 * free keywords and reading tags): the category filter of /papers/ and /search/ (issue 15, finding 12) and the
 * Newer/Older links of paper pages, which follow the papers list's order. Built once, served apart.
 */
let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await buildAndServeFixtureAtlas('lists');
});

test.afterAll(async () => {
  await site?.close();
});

const rows = '[data-papers-browser] [data-list-items] > li:visible, [data-papers-browser] [data-browser-results] > li:visible';

/**
 * The category choices as the reader sees them ("Machine Learning (cs.LG) · 47"), without "Any category". On
 * /papers/ they come from /papers/filters.json when the filters are first used: the select is focused first.
 */
async function categoryChoices(page: Page): Promise<{ label: string; count: number; value: string }[]> {
  await page.getByLabel('Category').focus();
  const options = page.getByLabel('Category').locator('option');
  await expect.poll(() => options.count()).toBeGreaterThan(1);
  const choices: { label: string; count: number; value: string }[] = [];
  for (const option of (await options.all()).slice(1)) {
    const text = (await option.textContent())!.trim();
    const [, label, count] = text.match(/^(.*) · ([\d,]+)$/) ?? [];
    expect(label, `option "${text}" reads "<name> · <count>"`).toBeTruthy();
    choices.push({ label: label!, count: Number(count!.replace(/,/g, '')), value: (await option.getAttribute('value'))! });
  }
  return choices;
}

test('the category filter names arXiv categories, merges keyword spellings, leaves out rare ones and reading tags', async ({ page }) => {
  await page.goto(`${site.url}papers/`);
  const choices = await categoryChoices(page);
  expect(choices.length).toBeGreaterThan(10);
  const labels = choices.map((choice) => choice.label);
  expect(labels).toContain('Machine Learning (cs.LG)');
  expect(labels).toContain('Information Theory (cs.IT)');
  expect(labels).toContain('Quantum Physics (quant-ph)');
  // Zotero files arXiv's categories as "Computer Science - Machine Learning": that is cs.LG, not a second choice.
  expect(labels.filter((label) => / - /.test(label) && !/High Energy Physics/.test(label))).toEqual([]);
  expect(labels.filter((label) => /^(?:unread|cs\.[A-Z]{2})$/i.test(label))).toEqual([]);
  // One choice per spelling of a keyword ("Deep learning", "deep learning", "Deep Learning").
  const folded = labels.map((label) => label.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  expect(new Set(folded).size).toBe(folded.length);
  // Most papers first, and none that only one paper carries.
  const counts = choices.map((choice) => choice.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
});

test('picking a category lists its papers from the whole atlas, and the choice lives in the URL', async ({ page }) => {
  await page.goto(`${site.url}papers/`);
  const choice = (await categoryChoices(page)).find((item) => item.value === 'cs.IT')!;
  expect(choice.count).toBeGreaterThan(0);
  await page.getByLabel('Category').selectOption('cs.IT');
  await expect(page.locator('[data-list-count]')).toHaveText(new RegExp(`^${choice.count} of [\\d,]+ papers match`));
  await expect(page.locator(rows)).toHaveCount(Math.min(choice.count, 100));
  await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('cs.IT');
  await page.reload();
  await expect(page.getByLabel('Category')).toHaveValue('cs.IT');
  await expect(page.locator('[data-list-count]')).toHaveText(new RegExp(`^${choice.count} of [\\d,]+ papers match`));
  await page.locator(rows).first().locator('h3 a').click();
  await expect(page.locator('.paper')).toContainText(/\b(?:cs|math)\.IT\b/);
});

test('picking a theme in the Topic filter lists the papers of its subtopics', async ({ page, request }) => {
  const atlas = (await (await request.get(`${site.url}atlas.json`)).json()) as { topics: { id: number; label: string; parent: number | null }[] };
  const subtopicsOf = (id: number) => atlas.topics.filter((topic) => topic.parent === id);
  const theme = atlas.topics.find((topic) => topic.parent === null && subtopicsOf(topic.id).length > 0)!;
  expect(theme, 'the fixture atlas has a theme with subtopics').toBeTruthy();
  const subtopicLabels = subtopicsOf(theme.id).map((topic) => topic.label);
  await page.goto(`${site.url}papers/`);
  await page.getByLabel('Topic').focus();
  await expect.poll(() => page.getByLabel('Topic').locator('option').count()).toBeGreaterThan(2);
  await page.getByLabel('Topic').selectOption({ label: theme.label });
  await expect(page.locator('[data-list-count]')).toHaveText(/^[1-9][\d,]* of [\d,]+ papers match/);
  const badges = await page.locator(rows).locator('a[href*="/topics/"]').allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  for (const badge of badges) expect(subtopicLabels, `"${badge}" is a subtopic of "${theme.label}"`).toContain(badge.trim());
});

test('/search/ filters by category too and names it in its status', async ({ page }) => {
  await page.goto(`${site.url}papers/`);
  const choice = (await categoryChoices(page)).find((item) => item.value === 'quant-ph')!;
  await page.goto(`${site.url}search/?category=quant-ph`);
  await expect(page.getByLabel('Category')).toHaveValue('quant-ph');
  await expect(page.locator('[data-search-page] [data-search-status]')).toContainText('Quantum Physics (quant-ph)');
  await expect(page.locator('[data-search-page] [data-search-status]')).toContainText(choice.count.toLocaleString('en-US'));
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
});

test('the papers list serves its category and topic selects empty and fills them when the filters are first used', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/papers/filters.json')) filterFiles.push(request.url());
  });
  // Idle-time loading is held back, so what is checked is the served page and the first use.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'requestIdleCallback', { value: () => 0 });
  });
  await page.goto(`${site.url}papers/`);
  const category = page.getByLabel('Category');
  const topic = page.getByLabel('Topic');
  await expect(category.locator('option')).toHaveText(['Any category']);
  await expect(topic.locator('option')).toHaveText(['All topics']);
  expect(filterFiles).toEqual([]);
  await topic.focus();
  await expect.poll(() => category.locator('option').count()).toBeGreaterThan(10);
  expect(await topic.locator('option').count()).toBeGreaterThan(2);
  expect(filterFiles).toHaveLength(1);
  // The same choices, in the same order, as /search/ serves in its page.
  const served = await category.locator('option').allTextContents();
  await page.goto(`${site.url}search/`);
  await expect(page.getByLabel('Category').locator('option')).toHaveText(served);
});

test('without JavaScript the category filter is not shown', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}papers/`);
  await expect(page.locator('select[name="category"]')).toHaveCount(1);
  await expect(page.locator('select[name="category"]')).toBeHidden();
  await expect(page.locator('[data-list-items] > li').first()).toBeVisible();
  await context.close();
});

test('Newer and Older on paper pages walk the papers in the papers list’s order', async ({ page }) => {
  await page.goto(`${site.url}papers/`);
  await expect(page.locator('[data-list-count]')).toContainText('newest first');
  const hrefs = await page.locator('[data-list-items] > li h3 a').evaluateAll((links) => links.slice(0, 4).map((link) => link.getAttribute('href')));
  expect(hrefs).toHaveLength(4);
  await page.goto(`${site.url}${hrefs[0]!.replace(/^\//, '')}`);
  await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
  for (const href of hrefs.slice(1)) {
    const older = page.locator('a[rel="next"]');
    await expect(older).toContainText('Older →');
    await expect(older).toHaveAttribute('href', href!);
    await older.click();
    await expect(page).toHaveURL(`${site.url}${href!.replace(/^\//, '')}`);
  }
  const newer = page.locator('a[rel="prev"]');
  await expect(newer).toContainText('← Newer');
  await expect(newer).toHaveAttribute('href', hrefs[2]!);
  await expect(page.getByRole('navigation', { name: 'Newer and older paper' })).toBeVisible();
});

test('a topic page’s own category filter offers the same named, merged choices, most papers first', async ({ page, request }) => {
  const atlas = (await (await request.get(`${site.url}atlas.json`)).json()) as { topics: { slug: string; size: number }[] };
  const largest = [...atlas.topics].sort((a, b) => b.size - a.size)[0]!;
  // Served with only "Any category": the choices are made from the rows when the filters are first used.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'requestIdleCallback', { value: () => 0 });
  });
  await page.goto(`${site.url}topics/${largest.slug}/`);
  const options = page.locator('[data-list-select="category"] option');
  await expect(options).toHaveText(['Any category']);
  await page.locator('[data-list-select="category"]').focus();
  await expect.poll(() => options.count()).toBeGreaterThan(2);
  const texts = (await options.allTextContents()).slice(1).map((text) => text.trim());
  expect(texts.length).toBeGreaterThan(1);
  for (const text of texts) expect(text).toMatch(/^.+ · \d+$/);
  expect(texts.filter((text) => / - /.test(text) && !/High Energy Physics/.test(text))).toEqual([]);
  expect(texts.some((text) => /^[A-Z].* \((?:cs|math|stat|physics|quant-ph)[^)]*\) · \d+$/.test(text))).toBe(true);
  const counts = texts.map((text) => Number(text.match(/ · (\d+)$/)![1]));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  // Picking one keeps only the rows filed under it.
  const first = options.nth(1);
  const count = counts[0]!;
  const value = (await first.getAttribute('value'))!;
  await page.locator('[data-list-select="category"]').selectOption(value);
  await expect(page.locator('[data-paper-list] [data-list-items] > li:visible')).toHaveCount(count);
  // The choice lives in the URL: a reload makes the choices at once and applies it.
  await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe(value);
  await page.reload();
  await expect(page.locator('[data-list-select="category"]')).toHaveValue(value);
  await expect(page.locator('[data-paper-list] [data-list-items] > li:visible')).toHaveCount(count);
});
