import { test, expect, type Page } from '@playwright/test';

async function openPaper(page: Page, titleStart: string) {
  await page.goto('/papers/');
  await page.getByRole('link', { name: new RegExp(`^${titleStart}`) }).first().click();
  await expect(page.locator('h1')).toContainText(titleStart);
}

test('a paper page shows its title as the only h1 and its abstract as paragraphs', async ({ page }) => {
  await openPaper(page, 'Impatient Users Confuse AI Agents');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page).toHaveTitle(/Impatient Users Confuse AI Agents.*Research Atlas/);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toMatch(/^Despite rapid progress/);
  const paragraphs = page.locator('[data-abstract] p');
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('[data-abstract]')).toContainText('TraitBasis learns directions in activation space');
});

test('a paper page shows no corpus-wide count, so adding a paper leaves its cached copy valid', async ({ page }) => {
  await openPaper(page, 'Impatient Users Confuse AI Agents');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText('← All papers · Show on map');
  await expect(page.locator('footer')).not.toContainText(/\d+ papers?\b/);
  await expect(page.locator('footer')).toContainText(/Built \d{4}-\d{2}-\d{2}/);
});

test('URLs in an abstract are real links without the trailing full stop', async ({ page }) => {
  await openPaper(page, 'Impatient Users Confuse AI Agents');
  const link = page.locator('[data-abstract] a');
  await expect(link).toHaveAttribute('href', 'https://github.com/collinear-ai/tau-trait');
  await expect(link).toHaveText('https://github.com/collinear-ai/tau-trait');
});

test('a link in an abstract says it leaves the site: rel="external", an arrow drawn by CSS and words for screen readers', async ({ page }) => {
  await openPaper(page, 'Impatient Users Confuse AI Agents');
  const link = page.locator('[data-abstract] a');
  await expect(link).toHaveAttribute('rel', /\bexternal\b/);
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  const arrow = await link.evaluate((anchor) => {
    const after = getComputedStyle(anchor, '::after');
    return { mask: after.maskImage || after.getPropertyValue('-webkit-mask-image'), width: parseFloat(after.width) };
  });
  expect(arrow.mask).toContain('data:image/svg+xml');
  expect(arrow.width).toBeGreaterThan(4);
  await expect(page.locator('[data-abstract]').getByRole('link', { name: /another site/ })).toHaveCount(1);
});

test('escaped LaTeX percent signs read as plain percent signs', async ({ page }) => {
  await openPaper(page, 'ITERTL: An Iterative Framework');
  await expect(page.locator('[data-abstract]')).toContainText('42.9%');
  await expect(page.locator('[data-abstract]')).not.toContainText('\\%');
});

test('the Cite block copies BibTeX and plain text with one click', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPaper(page, 'Self-Correcting Self-Consuming Loops');
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toMatch(/^@misc\{/);
  expect(bibtex).toContain('title = {Self-Correcting Self-Consuming Loops for Generative Model Training}');
  await page.getByRole('button', { name: 'Copy Plain text' }).click();
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain).toMatch(/^Self-Correcting Self-Consuming Loops for Generative Model Training\. http/);
});

test('the plain-text citation is written from the JSON-LD into a box that already had its height; without JavaScript only BibTeX shows', async ({ browser }) => {
  let href = '';
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const withScript = await browser.newPage({ viewport });
    await withScript.goto('/papers/');
    href = (await withScript.getByRole('link', { name: /^Self-Correcting Self-Consuming Loops/ }).first().getAttribute('href')) ?? '';
    // The box's height before the script fills it: the page as served, with the script held back.
    await withScript.route('**/_astro/_slug_*.js', (route) => route.abort());
    await withScript.goto(href);
    const box = withScript.locator('[data-cite-plain]');
    await expect(box).toBeEmpty();
    const empty = (await box.boundingBox())!;
    await withScript.unroute('**/_astro/_slug_*.js');
    await withScript.goto(href);
    await expect(withScript.locator('#cite-plain')).toHaveText(/^Self-Correcting Self-Consuming Loops for Generative Model Training\. http/);
    const filled = (await box.boundingBox())!;
    expect(filled.height).toBeGreaterThan(40);
    expect(Math.abs(filled.height - empty.height), `${viewport.width} px wide: ${empty.height} px empty, ${filled.height} px filled`).toBeLessThanOrEqual(1);
    await withScript.close();
  }

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(href);
  await expect(noScript.locator('#cite-bibtex')).toContainText('title = {Self-Correcting Self-Consuming Loops for Generative Model Training}');
  await expect(noScript.locator('[data-cite-plain]')).toBeHidden();
  await context.close();
});

test('previous and next walk the papers in the list’s order (source order: the bundled papers are undated) and back to the list', async ({ page }) => {
  await page.goto('/papers/');
  const titles = await page.locator('[data-list-items] > li h3').allInnerTexts();
  await page.getByRole('link', { name: titles[0]! }).click();
  await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
  for (const expected of titles.slice(1, 4)) {
    await page.locator('a[rel="next"]').click();
    await expect(page.locator('h1')).toHaveText(expected);
  }
  await page.locator('a[rel="prev"]').click();
  await expect(page.locator('h1')).toHaveText(titles[2]!);
  await page.getByRole('link', { name: '← All papers' }).click();
  await expect(page.locator('h1')).toHaveText('Papers');
});

test('the last paper has no next link', async ({ page }) => {
  await page.goto('/papers/');
  // The list's last page: its highest page link (the bundled list has two pages of up to 100).
  await page.locator('[data-list-pages]').first().locator('a:not([rel])').last().click();
  await expect(page.locator('[data-list-pages] a[rel="next"]')).toHaveCount(0);
  const last = page.locator('[data-list-items] > li h3 a').last();
  await last.click();
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  await expect(page.locator('a[rel="prev"]')).toHaveCount(1);
});
