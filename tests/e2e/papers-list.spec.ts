import { test, expect } from '@playwright/test';

/**
 * The papers list (issue 15, finding 10) on the bundled corpus (119 papers, pages of 100): short pages with page
 * links above and below the rows, and filters that search the whole atlas rather than the page on screen.
 */
const rows = '[data-papers-browser] [data-list-items] > li';
const shownRows = '[data-papers-browser] [data-list-items] > li:visible, [data-papers-browser] [data-browser-results] > li:visible';

test('the list comes in short pages with page links above and below the rows', async ({ page }) => {
  await page.goto('/papers/');
  await expect(page.locator(rows)).toHaveCount(100);
  await expect(page.locator('[data-list-count]')).toHaveText('Papers 1–100 of 119');
  const navs = page.getByRole('navigation', { name: /^Pages of the papers list/ });
  await expect(navs).toHaveCount(2);
  const top = await navs.first().boundingBox();
  const firstRow = await page.locator(rows).first().boundingBox();
  const bottom = await navs.last().boundingBox();
  expect(top!.y).toBeLessThan(firstRow!.y);
  expect(bottom!.y).toBeGreaterThan(firstRow!.y);
  await navs.first().getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/papers\/page\/2\/$/);
  await expect(page.locator(rows)).toHaveCount(19);
  await expect(page.locator('[data-list-count]')).toHaveText('Papers 101–119 of 119');
  await expect(navs.last().locator('[aria-current="page"]')).toHaveText('2');
});

test('the words filter searches every page of the list, not only the one on screen', async ({ page }) => {
  // The last paper of the list is on page 2; filter for its title on page 1.
  await page.goto('/papers/page/2/');
  const lastTitle = (await page.locator(rows).last().locator('h3').textContent())!.trim();
  await page.goto('/papers/');
  await expect(page.locator(rows).filter({ hasText: lastTitle })).toHaveCount(0);
  await page.getByLabel('Words').fill(lastTitle);
  await expect(page.locator(shownRows).first()).toContainText(lastTitle);
  await expect(page.locator('[data-list-count]')).toHaveText(/^\d+ of 119 papers match/);
  await expect(page.getByRole('navigation', { name: /^Pages of the papers list/ }).first()).toBeHidden();
  await expect(page).toHaveURL(/\?filter=/);
  await page.getByLabel('Words').fill('');
  await expect(page.locator('[data-list-count]')).toHaveText('Papers 1–100 of 119');
  await expect(page.locator(shownRows)).toHaveCount(100);
});

test('the topic filter lists every paper of the topic across pages and lives in the URL', async ({ page }) => {
  await page.goto('/papers/');
  const select = page.getByLabel('Topic');
  // Its choices come from /papers/filters.json when the filters are first used.
  await select.focus();
  const option = select.locator('option').nth(1);
  await expect(option).toBeAttached();
  const label = (await option.textContent())!.trim();
  await select.selectOption((await option.getAttribute('value'))!);
  await expect(page.locator('[data-list-count]')).toHaveText(/^\d+ of 119 papers match/);
  const count = Number(((await page.locator('[data-list-count]').textContent()) ?? '').match(/^(\d+)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(page.locator(shownRows)).toHaveCount(Math.min(count, 100));
  for (const row of await page.locator(shownRows).all()) await expect(row.locator('h3 + p > a')).toHaveText(label);
  await page.reload();
  await expect(select).toHaveValue((await option.getAttribute('value'))!);
  await expect(page.locator(shownRows)).toHaveCount(Math.min(count, 100));
});

test('rows are served without Save buttons; the script adds one to each row where its place was held, moving nothing', async ({ page, browser }) => {
  // The served page, its scripts held back: no button in any row, and the place each will take.
  const held = await browser.newContext();
  const heldPage = await held.newPage();
  await heldPage.route(/\/_astro\/.*\.js$/, (route) => route.abort());
  await heldPage.goto('/papers/');
  await expect(heldPage.locator(rows)).toHaveCount(100);
  await expect(heldPage.locator(`${rows} button`)).toHaveCount(0);
  const boxesOf = (target: typeof page) =>
    target.locator(rows).evaluateAll((items) => items.slice(0, 20).map((item) => {
      const box = item.getBoundingClientRect();
      return [Math.round(box.top), Math.round(box.height)];
    }));
  const before = await boxesOf(heldPage);
  await held.close();

  await page.goto('/papers/');
  const buttons = page.locator(`${rows} button[data-save]`);
  await expect(buttons).toHaveCount(100);
  await expect(buttons.first()).toBeEnabled();
  expect(await boxesOf(page)).toEqual(before);
  // Each button names the paper it saves, for a screen reader, and sits at the end of its row's meta line.
  const first = page.locator(rows).first();
  const title = (await first.locator('h3').textContent())!.trim();
  const button = first.getByRole('button', { name: title });
  await expect(button).toHaveAccessibleName(/^Save\b/);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(first.locator('h3 + p > :last-child')).toHaveAttribute('data-save', /.+/);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveAccessibleName(/^Saved\b/);
  await expect(first).toHaveAttribute('data-saved', '');
});

test('without JavaScript a row has no dead Save button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/papers/');
  await expect(page.locator(rows)).toHaveCount(100);
  await expect(page.locator(`${rows} button`)).toHaveCount(0);
  await context.close();
});
