import { test, expect } from '@playwright/test';

test('the home page says how many papers the atlas holds and links to them all', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Research Atlas');
  await expect(page.locator('[data-stat="papers"]')).toHaveText('119');
  await expect(page.locator('main')).toContainText('119 papers grouped into');
  await expect(page.locator('main').getByRole('link', { name: 'All 119 papers →' })).toHaveAttribute('href', '/papers/');
  await expect(page.locator('footer').getByRole('link', { name: 'Research Atlas' })).toHaveAttribute('href', '/');
  await expect(page.locator('footer')).toContainText(/Built \d{4}-\d{2}-\d{2} with Research Atlas/);
});

for (const [width, height] of [[1280, 800], [390, 844]] as const) {
  test(`at ${width}×${height} the first screen shows the map preview, and the themes follow it`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const frame = page.locator('main [data-map-frame]');
    await expect(frame).toBeVisible();
    const map = await page.locator('#map-heading').boundingBox();
    const canvas = await frame.boundingBox();
    expect(map).not.toBeNull();
    expect(canvas).not.toBeNull();
    // The map starts on the first screen and (on a desktop) is seen whole.
    expect(canvas!.y).toBeLessThan(height * 0.5);
    if (width >= 1280) expect(canvas!.y + canvas!.height).toBeLessThanOrEqual(height);
    const themes = await page.locator('#themes-heading').boundingBox();
    expect(themes!.y).toBeGreaterThan(map!.y);
    const cards = page.locator('[data-theme-grid] [data-topic-card]');
    expect(await cards.count()).toBeGreaterThan(2);
  });
}

test('the home page stays scannable: newest papers as titles, no list of abstracts', async ({ page }) => {
  await page.goto('/');
  const newest = page.locator('[data-newest-papers] li');
  await expect(newest.first()).toBeVisible();
  expect(await newest.count()).toBeLessThanOrEqual(10);
  await expect(page.locator('main [data-list-items]')).toHaveCount(0);
  // 17,000 px when every abstract was listed; the map, the theme cards and a few titles fit in a few screens.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(4000);
  await newest.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/papers\/[^/]+\/$/);
});

test('typing in the papers list words box searches the whole atlas and says how many match', async ({ page }) => {
  await page.goto('/papers/');
  const words = page.getByLabel('Words');
  await words.fill('spark');
  const visible = page.locator('[data-papers-browser] [data-list-items] > li:visible, [data-papers-browser] [data-browser-results] > li:visible');
  await expect(page.locator('[data-list-count]')).toHaveText(/^\d+ of 119 papers match/);
  await expect(visible.first()).toContainText('SPARK');
  await words.fill('zzzz-no-such-paper');
  await expect(page.locator('[data-list-empty]')).toBeVisible();
});

test('a topic page list filters in place, and sorting by title puts it in A–Z order and back', async ({ page }) => {
  const atlas = (await (await page.request.get('/atlas.json')).json()) as { topics: { slug: string; parent: number | null }[] };
  const theme = atlas.topics.find((topic) => topic.parent === null);
  expect(theme).toBeTruthy();
  await page.goto(`/topics/${theme!.slug}/`);
  const filter = page.getByLabel('Filter papers');
  // Topic pages list titles, authors and years without teasers (README, "Page weight"), so the box says what it matches.
  await expect(filter).toHaveAttribute('placeholder', 'Filter by title or author');
  const titles = page.locator('[data-list-items] > li h3');
  const sourceFirst = await titles.first().innerText();
  await page.getByLabel('Sort').selectOption('title');
  const sorted = await titles.allInnerTexts();
  expect(sorted.length).toBeGreaterThan(1);
  const expected = [...sorted].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
  expect(sorted).toEqual(expected);
  await page.getByLabel('Sort').selectOption('source');
  await expect(titles.first()).toHaveText(sourceFirst);
});

test('every page has the shared header and navigation', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Papers', 'Topics', 'Map', 'Search']) await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  await nav.getByRole('link', { name: 'Papers', exact: true }).click();
  await expect(page).toHaveURL(/\/papers\/$/);
  await expect(nav.getByRole('link', { name: 'Papers', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('on a phone the main navigation fits in two even rows: no item left alone on a row, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const boxes = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((links) =>
    links.map((link) => {
      const box = link.getBoundingClientRect();
      return { top: Math.round(box.top), right: box.right };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(6);
  const perRow = new Map<number, number>();
  for (const box of boxes) perRow.set(box.top, (perRow.get(box.top) ?? 0) + 1);
  expect(perRow.size).toBeLessThanOrEqual(2);
  const counts = [...perRow.values()];
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  for (const box of boxes) expect(box.right).toBeLessThanOrEqual(390);
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All papers' }).click();
  await expect(page.locator('h1')).toHaveText('Papers');
});
