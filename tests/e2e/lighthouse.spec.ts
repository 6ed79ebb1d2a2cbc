import { test, expect } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { pageTypes } from './support/page-types.ts';
import { formatScores, lighthouseAudit } from './support/site-checks.ts';

/**
 * Lighthouse (mobile preset) on every page type of the bundled build: performance ≥ 95; accessibility, best
 * practices and SEO = 100 (support/site-checks.ts). Scores and the performance metrics go to
 * test-results/lighthouse.json. Runs in its own Playwright project after the others (playwright.config.ts): timing
 * needs a quiet machine.
 */

test('every page type scores ≥ 95 on performance and 100 on accessibility, best practices and SEO', async ({ request, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const { failures, scores } = await lighthouseAudit(await pageTypes(request), `${baseURL}/`);
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/lighthouse.json', `${JSON.stringify(scores, null, 2)}\n`);
  console.log(formatScores(scores));
  expect(failures, failures.join('\n')).toEqual([]);
});
