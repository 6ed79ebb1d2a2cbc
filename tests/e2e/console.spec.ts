import { test, expect } from '@playwright/test';
import { pageTypes } from './support/page-types.ts';
import { consoleProblems } from './support/site-checks.ts';

/** Every page type loads without console errors, page errors, failed requests or error responses. */

test('no page type logs a console error or has a failed request', async ({ page, request, baseURL }) => {
  test.setTimeout(90_000);
  const problems = await consoleProblems(page, await pageTypes(request), `${baseURL}/`);
  expect(problems, problems.join('\n')).toEqual([]);
});
