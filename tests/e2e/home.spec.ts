import { test, expect } from '@playwright/test';

test('the home page says how many papers the atlas holds and lists them all', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Research Atlas');
  await expect(page.locator('[data-stat="papers"]')).toHaveText('119');
  await expect(page.locator('[data-list-items] > li')).toHaveCount(119);
  await expect(page.locator('main')).toContainText('119 papers grouped into');
  await expect(page.locator('footer').getByRole('link', { name: 'Browse the papers' })).toHaveAttribute('href', '/papers/');
  await expect(page.locator('footer')).toContainText(/built \d{4}-\d{2}-\d{2}/);
});

test('the home page shows the themes of the corpus before the list', async ({ page }) => {
  await page.goto('/');
  const cards = page.locator('[data-theme-grid] [data-topic-card]');
  expect(await cards.count()).toBeGreaterThan(2);
  const themesTop = await page.locator('#themes-heading').boundingBox();
  const listTop = await page.locator('#papers-heading').boundingBox();
  expect(themesTop!.y).toBeLessThan(listTop!.y);
});

test('typing in the filter box narrows the list and says how many match', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Filter papers').fill('spark:');
  const visible = page.locator('[data-list-items] > li:visible');
  await expect(visible).toHaveCount(2);
  await expect(visible.first()).toContainText('SPARK');
  await expect(page.locator('[data-list-count]')).toHaveText('2 of 119 papers match');
  await page.getByLabel('Filter papers').fill('zzzz-no-such-paper');
  await expect(page.locator('[data-list-empty]')).toBeVisible();
});

test('sorting by title puts the list in A–Z order and source order restores it', async ({ page }) => {
  await page.goto('/');
  const titles = page.locator('[data-list-items] > li h3');
  const sourceFirst = await titles.first().innerText();
  expect(sourceFirst).toContain('Impatient Users Confuse AI Agents');
  await page.getByLabel('Sort').selectOption('title');
  const sorted = await titles.allInnerTexts();
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

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All papers' }).click();
  await expect(page.locator('h1')).toHaveText('Papers');
});
