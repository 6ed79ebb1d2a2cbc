import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Paper pages are the bulk of dist/ (102,538 of them for the full arXiv corpus), so their weight is a budget,
 * checked on the bundled build (dist/, the one the other specs serve). Nothing here needs a browser.
 */

// Median of the bundled papers (median abstract 1.28 kB). 21.2 kB before issue 14; 10.4 kB after its first pass;
// 11.2 kB with issue 11's "More like this" and issue 12's Save button; 11.31 kB with issue 15's "Show on map" link
// (90 B); 8.93 kB after issue 14's second pass (JSON-LD without a second copy of the abstract, icons as CSS masks,
// two script modules instead of five, fewer head tags); 7.74 kB after its third (the plain-text citation written by
// the page's script from the JSON-LD, icons and the badge dot as ::before, the nav without a list, sections without
// aria-labelledby, elements only scripts use made by them); 6.41 kB after its fourth (no markup for controls that
// need a script, one script module, a lighter head, a pager without titles, three shared terms per related paper).
// The bytes left are the paper's own text and links, and the head (README, "Page weight and the size of dist/").
const MEDIAN_PAGE_BUDGET_BYTES = 6_500;
// What a page may spend on markup that is the same on every page: class attributes (7.5 kB before, 0.63 kB after)
// and the one inline script (the theme switch, which must run before the first paint).
const CLASS_ATTRIBUTE_BUDGET_BYTES = 700;
const INLINE_SCRIPT_BUDGET_BYTES = 200;

function paperPages(): { slug: string; html: string }[] {
  const dir = join('dist', 'papers');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page')
    .map((entry) => ({ slug: entry.name, html: readFileSync(join(dir, entry.name, 'index.html'), 'utf8') }));
}

test('the median paper page of the bundled build stays within its byte budget', () => {
  const sizes = paperPages()
    .map((page) => Buffer.byteLength(page.html))
    .sort((a, b) => a - b);
  expect(sizes.length).toBeGreaterThan(100);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  console.log(`paper pages: ${sizes.length}, median ${median} B, largest ${sizes.at(-1)} B`);
  expect(median).toBeLessThanOrEqual(MEDIAN_PAGE_BUDGET_BYTES);
});

test('paper pages carry no repeated utility-class runs, inline icons, more than one script module or inline scripts beyond the theme switch', () => {
  const pages = paperPages();
  expect(pages.length).toBeGreaterThan(0);
  for (const { slug, html } of pages) {
    const classBytes = [...html.matchAll(/ class="[^"]*"/g)].reduce((sum, match) => sum + match[0].length, 0);
    expect(classBytes, slug).toBeLessThanOrEqual(CLASS_ATTRIBUTE_BUDGET_BYTES);
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inlineScripts.length, slug).toBe(1);
    expect(inlineScripts[0]![1]!.length, slug).toBeLessThanOrEqual(INLINE_SCRIPT_BUDGET_BYTES);
    expect(html, slug).not.toMatch(/<svg[^>]*>\s*<(?:path|circle)/);
    expect(html, slug).not.toContain('<use href=');
    // One module for the page's controls and the header's (each module is a tag on every page).
    expect([...html.matchAll(/<script type="module"/g)].length, slug).toBe(1);
    expect(html, slug).toContain('application/ld+json');
    expect(html, slug).toContain('property="og:description"');
  }
});

test('a page without math does not load the KaTeX stylesheet', () => {
  const pages = paperPages();
  expect(pages.length).toBeGreaterThan(0);
  for (const { slug, html } of pages) {
    if (!html.includes('class="katex"')) expect(html, slug).not.toMatch(/<link[^>]+katex[^>]*\.css/);
  }
});
