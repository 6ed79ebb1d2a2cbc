import { test, expect } from '@playwright/test';
import { pageTypes } from './support/page-types.ts';
import { axeViolations } from './support/site-checks.ts';

/**
 * axe-core on every page type in light and dark mode, all rules (WCAG 2.x A/AA and best practices): zero violations.
 * Pages are checked once their interactive parts (map, search results) have rendered.
 */

for (const scheme of ['light', 'dark'] as const) {
  test(`every page type has no axe violations in ${scheme} mode`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const report = await axeViolations(page, await pageTypes(request), scheme);
    expect(report, report.join('\n')).toEqual([]);
  });
}

test('Tab reaches the skip link and every main navigation link, each with a visible focus ring', async ({ page }) => {
  await page.goto('');
  const reached: string[] = [];
  for (let presses = 0; presses < 12 && reached.length < 4; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim() ?? '',
        inMainNav: element.closest('nav[aria-label="Main"]') !== null,
        isSkipLink: element.getAttribute('href') === '#main',
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        visible: box.width > 1 && box.height > 1,
      };
    });
    if (!focused) continue;
    if (presses === 0) {
      expect(focused.isSkipLink, 'first Tab focuses the skip link').toBe(true);
      expect(focused.visible && focused.ring, 'the focused skip link is visible').toBe(true);
    }
    if (focused.inMainNav) {
      expect(focused.ring && focused.visible, `focus ring on ${focused.text}`).toBe(true);
      reached.push(focused.text);
    }
  }
  expect(reached).toEqual(['Papers', 'Topics', 'Map', 'Search']);
});
