import { test, expect } from '@playwright/test';
import { buildAndServeSite } from './support/fixture-site.ts';

let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  site = await buildAndServeSite('hostile', { ATLAS_CONTENT: 'tests/fixtures/hostile-site' });
});

test.afterAll(async () => {
  await site?.close();
});

test('markup in titles and abstracts is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(site.url);
  const hrefs = await page.locator('[data-list-items] h3 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
  expect(hrefs).toHaveLength(3);
  for (const href of hrefs) {
    await page.goto(new URL(href, site.url).href);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(page.locator('h1')).toBeVisible();
    // No element made from paper text: no injected image, frame, style or inline handler, no script carrying its code.
    expect(await page.locator('main img, main iframe, main svg[onload], main style, main [onerror], main [onload]').count()).toBe(0);
    const scriptTexts = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
    expect(scriptTexts.filter((text) => text.includes('__pwned') && !text.includes('"@context"'))).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});

test('the hostile text is visible literally on the paper page', async ({ page }) => {
  await page.goto(site.url);
  await page.locator('[data-list-items] h3 a', { hasText: 'Scripted Title Attack' }).click();
  await expect(page.locator('h1')).toContainText("<script>window.__pwned = 'title-script'</script>");
  await expect(page.locator('[data-abstract]')).toContainText('<img src=x onerror=');
  await expect(page.locator('[data-abstract]')).toContainText('{{ constructor.constructor(');
  await expect(page.locator('[data-abstract] a')).toHaveAttribute('href', 'https://example.org/safe-page');
});

test('template syntax and dashed lines in a Markdown body stay plain text', async ({ page }) => {
  await page.goto(site.url);
  await page.locator('[data-list-items] h3 a', { hasText: 'Frontmatter Markup Title' }).click();
  await expect(page.locator('h1')).toContainText('<svg onload=');
  await expect(page.locator('[data-abstract]')).toContainText('title: not a second frontmatter');
  await expect(page.locator('[data-paper-meta]')).toContainText('Eve <b>Attacker</b>');
  await page.goto(site.url);
  await page.locator('[data-list-items] h3 a', { hasText: 'Curly {{ Braces }}' }).click();
  await expect(page.locator('[data-abstract]')).toContainText('${process.env.SECRET}');
  await expect(page.locator('body')).toBeVisible();
});
