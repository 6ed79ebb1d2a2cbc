import { test, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { buildAndServeSite } from './support/fixture-site.ts';

/**
 * TeX in titles and abstracts, on a site built from tests/fixtures/math-site: two real arXiv records with math
 * (1112.5659 "Testing $k$-Modal Distributions", cs/0601011 with `$\ell_1$` in its title), an abstract quoting
 * prices, one with display math, `\(…\)`, `\ref`, `\cite` and an unknown macro, and one of hostile TeX.
 */

let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  site = await buildAndServeSite('math', { ATLAS_CONTENT: 'tests/fixtures/math-site' });
});

test.afterAll(async () => {
  await site?.close();
});

async function openPaper(page: Page, titleStart: string) {
  await page.goto(`${site.url}papers/`);
  await page.locator('[data-list-items] h3 a', { hasText: titleStart }).first().click();
  await page.waitForLoadState('load');
}

test('a math paper shows rendered math in its title and abstract, and its plain form in the head', async ({ page }) => {
  await openPaper(page, 'Testing k-Modal Distributions');
  await expect(page.locator('h1 .katex')).toHaveCount(1);
  await expect(page.locator('h1 math')).toHaveCount(1);
  await expect(page.locator('h1')).not.toContainText('$');
  const abstract = page.locator('[data-abstract]');
  expect(await abstract.locator('.katex').count()).toBeGreaterThan(5);
  await expect(abstract).toContainText('[BKR:04]');
  await expect(abstract).not.toContainText('\\cite');
  await expect(page).toHaveTitle('Testing k-Modal Distributions: Optimal Algorithms via Reductions · Research Atlas');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^Testing k-Modal Distributions/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, string>;
  expect(jsonLd['headline']).toBe('Testing k-Modal Distributions: Optimal Algorithms via Reductions');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^We give highly efficient algorithms[^$\\]+…$/);
  await expect(page.locator('#cite-bibtex')).toContainText('title = {Testing $k$-Modal Distributions: Optimal Algorithms via Reductions}');
});

test('KaTeX styles load from this site only on pages with math, and the math is laid out by them', async ({ page }) => {
  await openPaper(page, 'Testing k-Modal Distributions');
  const stylesheet = page.locator('link[rel="stylesheet"][href*="katex"]');
  await expect(stylesheet).toHaveCount(1);
  expect(new URL((await stylesheet.getAttribute('href'))!, site.url).origin).toBe(new URL(site.url).origin);
  // katex.css hides the MathML copy visually; without the stylesheet it would show twice.
  expect(await page.locator('h1 .katex-mathml').evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
  await openPaper(page, 'Cloud Pricing for Small Labs');
  await expect(page.locator('link[rel="stylesheet"][href*="katex"]')).toHaveCount(0);
});

test('math pages load every KaTeX file they ask for and have no axe violations, light and dark', async ({ page }) => {
  test.setTimeout(150_000);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const title of ['Testing k-Modal Distributions', 'Display Math in Abstracts', 'Hostile TeX']) {
      await openPaper(page, title);
      await page.evaluate(() => document.fonts.ready);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((violation) => `${title} (${scheme}): ${violation.id} ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
  }
  expect(failed).toEqual([]);
});

test('the ell-1 title renders as math and reads ℓ1 in plain text', async ({ page }) => {
  await openPaper(page, 'Integrality gaps of semidefinite programs');
  await expect(page.locator('h1 .katex')).toHaveCount(1);
  await expect(page).toHaveTitle(/relations to ℓ1 embeddability/);
});

test('prices stay text', async ({ page }) => {
  await openPaper(page, 'Cloud Pricing for Small Labs');
  const abstract = page.locator('[data-abstract]');
  await expect(abstract).toContainText('costs $5 per hour and $10 for a large one');
  await expect(abstract).toContainText('between $300 and $900');
  await expect(abstract).toContainText('An escaped $20 voucher');
  await expect(abstract.locator('.katex')).toHaveCount(0);
});

test('display math, \\( \\) and references render; an unknown macro shows its source, marked', async ({ page }) => {
  await openPaper(page, 'Display Math in Abstracts');
  await expect(page.locator('h1 .katex')).toHaveCount(1);
  await expect(page.locator('[data-abstract] .katex-display')).toHaveCount(2);
  await expect(page.locator('[data-abstract]')).toContainText('See Section sec:proof and [Gauss1801].');
  const error = page.locator('[data-abstract] .tex-error');
  await expect(error).toHaveText('$\\undefinedmacro{x}$');
  await expect(error).toHaveAttribute('title', /TeX not rendered/);
});

test('hostile TeX is inert: no script runs, no link, image or handler is made', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPaper(page, 'Hostile TeX');
  await expect(page.locator('h1')).toContainText("<script>window.__pwned='math-title'</script>");
  await expect(page.locator('[data-abstract]')).toContainText("<script>window.__pwned='math-abstract'</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main iframe, main [onerror], main [onload], main [class~="evil"], main a[href^="javascript"]').count()).toBe(0);
  expect(await page.locator('[data-abstract] a').count()).toBe(0);
  expect(await page.locator('[data-abstract] .tex-error').count()).toBeGreaterThanOrEqual(5);
  await page.locator('[data-abstract]').click();
  expect(dialogs).toEqual([]);
});

test('search finds math words typed plainly', async ({ page }) => {
  await page.goto(new URL('search/?q=l1', site.url).href);
  await expect(page.locator('[data-search-results] a').first()).toContainText('ℓ1', { timeout: 15_000 });
  await page.goto(new URL('search/?q=k-modal', site.url).href);
  await expect(page.locator('[data-search-results] a', { hasText: 'Testing k-Modal Distributions' })).toHaveCount(1, { timeout: 15_000 });
});
