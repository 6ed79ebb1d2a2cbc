import { test, expect } from '@playwright/test';
import { pageTypes } from './support/page-types.ts';

/** Every page type loads without console errors, page errors, failed requests or error responses. */

test('no page type logs a console error or has a failed request', async ({ page, request }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  let current = '';
  let notFoundDocument = '';
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${current}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
  page.on('requestfailed', (failed) => problems.push(`${current}: request failed ${failed.url()} (${failed.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== notFoundDocument) problems.push(`${current}: ${response.status()} ${response.url()}`);
  });
  for (const type of await pageTypes(request)) {
    current = type.name;
    notFoundDocument = type.isNotFound ? new URL(type.path, `${test.info().project.use.baseURL ?? ''}/`).href : '';
    const response = await page.goto(type.path);
    expect(response?.status(), type.name).toBe(type.isNotFound ? 404 : 200);
    await type.ready?.(page);
    await page.waitForLoadState('networkidle');
  }
  // A 404 page logs "Failed to load resource" for its own document in Chromium; that one is expected.
  expect(problems.filter((problem) => !/^404: console error: Failed to load resource: .*404/.test(problem))).toEqual([]);
});
