import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
  await page.goto(`${site.url}papers/`);
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
  await page.goto(`${site.url}papers/`);
  await page.locator('[data-list-items] h3 a', { hasText: 'Scripted Title Attack' }).click();
  await expect(page.locator('h1')).toContainText("<script>window.__pwned = 'title-script'</script>");
  await expect(page.locator('[data-abstract]')).toContainText('<img src=x onerror=');
  await expect(page.locator('[data-abstract]')).toContainText('{{ constructor.constructor(');
  await expect(page.locator('[data-abstract] a')).toHaveAttribute('href', 'https://example.org/safe-page');
});

test('template syntax and dashed lines in a Markdown body stay plain text', async ({ page }) => {
  await page.goto(`${site.url}papers/`);
  await page.locator('[data-list-items] h3 a', { hasText: 'Frontmatter Markup Title' }).click();
  await expect(page.locator('h1')).toContainText('<svg onload=');
  await expect(page.locator('[data-abstract]')).toContainText('title: not a second frontmatter');
  await expect(page.locator('[data-paper-meta]')).toContainText('Eve <b>Attacker</b>');
  await page.goto(`${site.url}papers/`);
  await page.locator('[data-list-items] h3 a', { hasText: 'Curly {{ Braces }}' }).click();
  await expect(page.locator('[data-abstract]')).toContainText('${process.env.SECRET}');
  await expect(page.locator('body')).toBeVisible();
});

test.describe('hostile folders (issue 16)', () => {
  let classes: { url: string; close: () => Promise<void> };
  const contentDir = resolve('test-results/hostile-classes-content');
  const outsideDir = resolve('test-results/hostile-classes-outside');

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await rm(contentDir, { recursive: true, force: true });
    await rm(outsideDir, { recursive: true, force: true });
    await cp('tests/fixtures/hostile-classes', contentDir, { recursive: true });
    // An error-severity file would stop the build: the UTF-16 garbage is checked in the CLI test below instead.
    await rm(join(contentDir, 'utf16-garbage.txt'));
    await mkdir(join(outsideDir, 'folder'), { recursive: true });
    await writeFile(join(outsideDir, 'folder', 'hidden.md'), '---\ntitle: Outside Folder Secret Paper\n---\nNever published.\n');
    await writeFile(
      join(contentDir, 'generated.jsonl'),
      [
        { title: `Enormous ${'W'.repeat(300_000)} Title`, abstract: 'A title far wider than any screen.' },
        { title: 'Many Authors Paper on Detector Calibration', abstract: `Calibration of a large detector. ${'Long abstract text. '.repeat(1500)}`, authors: Array.from({ length: 60 }, (_, index) => `Member Person${String.fromCharCode(65 + Math.floor(index / 26), 97 + (index % 26))}`) },
      ].map((record) => JSON.stringify(record)).join('\n'),
    );
    await addSkippedEntries(contentDir);
    classes = await buildAndServeSite('hostile-classes', { ATLAS_CONTENT: contentDir });
  });

  test.afterAll(async () => {
    await classes?.close();
  });

  /** Entries the ingest must skip with a warning: a symlinked folder, a dangling link, a link loop, a named pipe. */
  async function addSkippedEntries(dir: string): Promise<void> {
    await symlink(join(dir, 'oai'), join(dir, 'linked-inside-folder'));
    await symlink(join(dir, 'missing.md'), join(dir, 'dangling.md'));
    await symlink(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'));
    await symlink(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
  }

  async function openPaper(page: Page, titleStart: string): Promise<void> {
    await page.goto(new URL('papers/', classes.url).href);
    // Follow the link's href: a 1,000-character title wraps into a block taller than a phone screen.
    const href = await page.locator('[data-list-items] h3 a', { hasText: titleStart }).first().getAttribute('href');
    expect(href).not.toBeNull();
    await page.goto(new URL(href!, classes.url).href);
    await expect(page.locator('h1')).toContainText(titleStart);
  }

  test('what the source commented out, and what lies outside the folder, is on no page', async ({ page }) => {
    await page.goto(new URL('papers/', classes.url).href);
    const titles = await page.locator('[data-list-items] h3 a').allInnerTexts();
    expect(titles.length).toBeGreaterThan(5);
    expect(titles).toContain('Visible Atom Entry About Graph Sparsifiers');
    expect(titles).toContain('Visible OAI Record on Sparse Recovery');
    expect(titles).toContain('Macro Bomb Survivor on Robust Estimation');
    expect(titles).toContain('Third Wrapper Paper on Retrieval Heads');
    for (const hidden of ['Commented Out', 'CDATA', 'Preamble Hidden', 'Outside Folder Secret']) {
      expect(titles.filter((title) => title.includes(hidden))).toEqual([]);
    }
    const index = await (await page.request.get(new URL('atlas.json', classes.url).href)).text();
    expect(index).not.toContain('Outside Folder Secret');
    expect(index).not.toContain('Commented Out');
  });

  test('every paper link shows visible text; a zero-width title is not a page', async ({ page }) => {
    await page.goto(new URL('papers/', classes.url).href);
    const links = page.locator('[data-list-items] h3 a');
    const count = await links.count();
    expect(count).toBeGreaterThan(5);
    for (let index = 0; index < count; index += 1) {
      const text = (await links.nth(index).innerText()).replace(/[\u200b-\u200d\u2060\ufeff\s]/g, '');
      expect(text.length).toBeGreaterThan(0);
      expect((await links.nth(index).boundingBox())?.width ?? 0).toBeGreaterThan(10);
    }
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    test(`a 300,000-letter title is cut and wraps inside a ${viewport.width}px page`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openPaper(page, 'Enormous');
      const title = await page.locator('h1').innerText();
      expect(title.length).toBeLessThanOrEqual(1000);
      expect(title.endsWith('…')).toBe(true);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
    });
  }

  test('a combining-mark flood is cut to a few marks and stays below the header', async ({ page }) => {
    await openPaper(page, 'algo Flood');
    const title = await page.locator('h1').innerText();
    expect(/\p{M}{5}/u.test(title)).toBe(false);
    const header = await page.locator('header').first().boundingBox();
    const heading = await page.locator('h1').boundingBox();
    expect(header).not.toBeNull();
    expect(heading!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  });

  test('control characters and bidi overrides never reach a title', async ({ page }) => {
    await openPaper(page, 'Terminal');
    await expect(page.locator('h1')).toHaveText('Terminal [2J[31mEscape Title on Bell Curves');
    await openPaper(page, 'Right-to-left');
    await expect(page.locator('h1')).toHaveText('Right-to-left evil Override');
  });

  test('the copied BibTeX cannot be broken out of by a doi or url value', async ({ page }) => {
    await openPaper(page, 'Citation Breakout Attempt');
    const bibtex = await page.locator('#cite-bibtex').innerText();
    expect(bibtex).toContain('doi = {10.1234/x%5C%7D,author=%5C%7BEvil%5C%7D}');
    expect(bibtex).toContain('url = {https://example.org/a%5C%7D%5Cinput%5C%7B/etc/passwd%5C%7D}');
    expect(bibtex).not.toContain('\\input{');
    expect(bibtex.match(/^ {2}author = /gm)).toHaveLength(1);
  });

  test('non-web links are not links, and impossible dates are not published', async ({ page }) => {
    for (const title of ['A Paper Whose Link Is Not on the Web', 'Lone CR Paper on Kernel Methods', 'Second Wrapper Paper', 'Visible Atom Entry']) {
      await openPaper(page, title);
      expect(await page.locator('a[href^="javascript:"], a[href^="ftp:"], a[href^="file:"], a[href^="data:"]').count()).toBe(0);
    }
    await expect(page.locator('[data-paper-meta]')).not.toContainText('2024-02-31');
    const feed = await (await page.request.get(new URL('feed.xml', classes.url).href)).text();
    const stamps = [...feed.matchAll(/<(?:updated|published)>([^<]+)</g)].map((match) => match[1]!);
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(new Date(stamp).toISOString().slice(0, 10)).toBe(stamp.slice(0, 10));
  });

  test('a paper with many authors and a long abstract: rows and JSON-LD stay bounded', async ({ page }) => {
    await openPaper(page, 'Many Authors Paper');
    await expect(page.locator('[data-paper-authors] a')).toHaveCount(60);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as { abstract?: string };
    expect(jsonLd.abstract?.length ?? 0).toBeLessThanOrEqual(5000);
    expect((await page.locator('[data-abstract]').innerText()).length).toBeGreaterThan(20_000 - 2000);
    await page.locator('[data-paper-authors] a', { hasText: 'Member PersonBy' }).click();
    await expect(page.locator('h1')).toHaveText('Member PersonBy');
    // Author slugs, space-separated (PaperRow.astro).
    const rowAuthors = ((await page.locator('[data-list-items] [data-authors]').first().getAttribute('data-authors')) ?? '').split(' ').filter(Boolean);
    expect(rowAuthors.length).toBeGreaterThan(0);
    expect(rowAuthors.length).toBeLessThanOrEqual(20);
  });

  test('atlas check names every skipped entry and refuses a symlink out of the folder, and --json is always JSON', async () => {
    const { main } = await import('../../scripts/atlas.ts');
    const linkDir = resolve('test-results/hostile-classes-link');
    await rm(linkDir, { recursive: true, force: true });
    await cp('tests/fixtures/hostile-classes', linkDir, { recursive: true });
    await addSkippedEntries(linkDir);
    await symlink(join(outsideDir, 'folder', 'hidden.md'), join(linkDir, 'secret-link.md'));
    await symlink(join(outsideDir, 'folder'), join(linkDir, 'linked-outside-folder'));
    let stdout = '';
    let stderr = '';
    const code = await main(['check', linkDir], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    expect(code).toBe(1);
    expect(stderr).toContain('secret-link.md:1: symlink to a file outside the content folder: refused, not read (error)');
    expect(stderr).toContain('utf16-garbage.txt:1: starts with a UTF-16LE byte order mark but');
    expect(stdout).toContain('linked-outside-folder:1: symlink to a folder outside the content folder: refused, not read (error)');
    expect(stdout).toContain('linked-inside-folder:1: symlinked folder: not followed, skipped (warning)');
    expect(stdout).toContain('dangling.md:1: a dangling symlink (its target does not exist): skipped (warning)');
    expect(stdout).toContain('loop-a.md:1: a symlink loop: skipped (warning)');
    expect(stdout).toContain('pipe.csv:1: a named pipe, not a regular file: skipped (warning)');
    expect(stdout).not.toContain('Outside Folder Secret');
    let json = '';
    await main(['check', linkDir, '--json', '--strict'], { stdout: (text) => (json += text), stderr: () => undefined });
    const parsed = JSON.parse(json) as { ok: boolean; blocking: string[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.blocking.some((line) => line.includes('key "papers" appears 2 times'))).toBe(true);
  });
});
