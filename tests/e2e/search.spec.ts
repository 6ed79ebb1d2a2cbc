import { test, expect, type Page } from '@playwright/test';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const results = (page: Page) => page.locator('[data-search-results] a');

async function openPalette(page: Page): Promise<void> {
  await page.locator('[data-search-open]').click();
  await expect(page.getByRole('combobox', { name: 'Search papers' })).toBeFocused();
}

test('typing in the header search box shows results with the title first and a count', async ({ page }) => {
  await page.goto('/');
  await openPalette(page);
  await page.keyboard.type('looped transf');
  const palette = page.locator('dialog[open]');
  await expect(palette.locator('[data-search-results] a').first()).toContainText('Looped Transformers');
  await expect(palette.locator('[data-search-status]')).toHaveText(/^\d+ results?/);
  await expect(palette.locator('[data-search-results] mark').first()).toBeVisible();
});

test('the slash key and Ctrl-K open the palette and Escape closes it', async ({ page }) => {
  await page.goto('/topics/');
  await page.keyboard.press('/');
  await expect(page.locator('dialog[open]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(page.locator('dialog[open]')).toBeVisible();
});

test('a typo still finds the paper', async ({ page }) => {
  await page.goto('/search/?q=feynman%20integrls');
  await expect(results(page).first()).toHaveText(/^Learning Feynman integrals/);
});

test('diacritics and hyphenated names are found', async ({ page }) => {
  await page.goto('/search/?q=tulu');
  await expect(results(page).first()).toHaveText(/^TÜLU 3/);
  await page.goto('/search/?q=tau-bench');
  await expect(results(page).first()).toHaveText(/^Impatient Users Confuse AI Agents/);
});

test('/search/?q= restores the query, and Back returns to it after opening a result', async ({ page }) => {
  await page.goto('/search/?q=ctf-dojo');
  await expect(page.getByRole('combobox', { name: 'Search papers' }).first()).toHaveValue('ctf-dojo');
  await expect(results(page).first()).toHaveText(/^Training Language Model Agents to Find Vulnerabilities with CTF-Dojo/);
  await page.getByRole('combobox').first().fill('metaicl');
  await expect(results(page).first()).toHaveText(/^MetaICL/);
  await expect(page).toHaveURL(/\?q=metaicl$/);
  await results(page).first().click();
  await expect(page).toHaveURL(/\/papers\//);
  await page.goBack();
  await expect(page.getByRole('combobox').first()).toHaveValue('metaicl');
  await expect(results(page).first()).toHaveText(/^MetaICL/);
});

test('arrow keys move through the results and Enter opens the active paper', async ({ page }) => {
  await page.goto('/');
  await openPalette(page);
  await page.keyboard.type('self-consuming');
  const options = page.locator('dialog[open] [role="option"]');
  await expect(options.nth(1)).toBeVisible();
  // Title hits show first; wait for the full stage so the order is final before moving through it.
  await expect(page.locator('dialog[open] [data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const href = await options.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('nonsense shows a helpful empty state and announces no results', async ({ page }) => {
  await page.goto('/search/?q=qqzxvw%20blorptangle');
  await expect(page.locator('main [data-search-empty]')).toBeVisible();
  await expect(page.locator('main [data-search-empty]')).toContainText('qqzxvw blorptangle');
  await expect(page.locator('main [data-search-status]')).toHaveText(/No results/);
  await expect(results(page)).toHaveCount(0);
});

test('the topic filter keeps only papers of that topic and lives in the URL', async ({ page }) => {
  await page.goto('/search/?q=learning');
  const list = page.locator('main [data-search-results]');
  await expect(results(page).first()).toBeVisible();
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  const status = page.locator('main [data-search-status]');
  const total = async () => Number(((await status.textContent()) ?? '').match(/^([\d,]+) results?/)?.[1]?.replace(/,/g, '') ?? NaN);
  await expect(status).toHaveText(/^\d[\d,]* results?/);
  const unfiltered = await total();
  // The topic of the first result: the filtered list cannot be empty.
  const firstText = (await results(page).first().textContent()) ?? '';
  const select = page.locator('select[name="topic"]');
  const options = await select.locator('option').evaluateAll((elements) =>
    elements.map((element) => ({ value: (element as HTMLOptionElement).value, label: element.textContent?.trim() ?? '' })),
  );
  const topic = options.find((option) => option.value !== '' && firstText.includes(option.label));
  expect(topic, `a topic option named in the first result: ${firstText}`).toBeTruthy();
  await select.selectOption(topic!.value);
  await expect(page).toHaveURL(new RegExp(`topic=${topic!.value}`));
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  await expect.poll(() => results(page).count()).toBeGreaterThan(0);
  await expect.poll(total, 'the filter narrows the count of results').toBeLessThan(unfiltered);
  const count = await results(page).count();
  for (let i = 0; i < count; i += 1) await expect(results(page).nth(i)).toContainText(topic!.label);
});

test('no script from paper text ever runs in results', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.route('**/search-index/docs-*.deflate', async (route) => {
    const response = await route.fetch();
    // Doc-store chunks are deflated JSON (src/lib/search/manifest.ts): poisoned the same way.
    const records = JSON.parse(inflateRawSync(await response.body()).toString('utf8')) as [string, string, number, number, string, string][];
    const poisoned = records.map(([title, slug, topic, year, , text]) => [`${title} ${hostile}`, slug, topic, year, hostile, `${hostile} ${text}`]);
    await route.fulfill({ response, body: deflateRawSync(JSON.stringify(poisoned)) });
  });
  await page.goto('/search/?q=tulu');
  await expect(results(page).first()).toContainText('<img src=x onerror=');
  await expect(page.locator('[data-search-results] img, [data-search-results] script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
