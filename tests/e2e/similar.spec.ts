import { test, expect, type Page } from '@playwright/test';

// A real abstract of the bundled corpus (content/trending-papers.txt), pasted as a visitor would paste it.
const TRAIT_BASIS =
  'Impatient Users Confuse AI Agents: High-fidelity Simulations of Human Traits for Testing Agents\n\n' +
  'Despite rapid progress in building conversational AI agents, robustness is still largely untested. Small shifts in user behavior, ' +
  'such as being more impatient, incoherent, or skeptical, can cause sharp drops in agent performance, revealing how brittle current AI ' +
  'agents are. We address this robustness testing gap by introducing TraitBasis, a lightweight, model-agnostic method for systematically ' +
  'stress testing AI agents. TraitBasis learns directions in activation space corresponding to steerable user traits.';

const papers = (page: Page) => page.locator('[data-similar-results] [data-similar-papers] > li');
const status = (page: Page) => page.locator('[data-similar-status]');

test('pasting an abstract lists at least ten papers, the paper itself first, with similarity, shared terms and topics', async ({ page }) => {
  await page.goto('/similar/');
  await page.locator('textarea[data-similar-input]').fill(TRAIT_BASIS);
  await expect(papers(page).first()).toBeVisible();
  expect(await papers(page).count()).toBeGreaterThanOrEqual(10);
  const first = papers(page).first();
  await expect(first.locator('a[href*="/papers/"]').first()).toHaveAttribute('href', /\/papers\/impatient-users-confuse-ai-agents/);
  await expect(first.locator('[data-similarity]')).toHaveText(/^0\.\d\d$|^1\.00$/);
  await expect(first.locator('[data-similar-shared]')).toContainText(/agent|traitbasis|robustness/i);
  const scores = await page.locator('[data-similar-results] [data-similarity]').allTextContents();
  expect(scores.length).toBeGreaterThanOrEqual(10);
  await expect(page.locator('[data-similar-topics] a[href*="/topics/"]').first()).toBeVisible();
  await expect(status(page)).toContainText('closest to your text');
  expect(new URL(page.url()).searchParams.get('text')).toBe(TRAIT_BASIS);
});

test('a shared /similar/?text= link runs the query on load, and "show on map" highlights those papers', async ({ page }) => {
  await page.goto(`/similar/?text=${encodeURIComponent('looped transformers reasoning with latent thoughts')}`);
  await expect(page.locator('textarea[data-similar-input]')).toHaveValue('looped transformers reasoning with latent thoughts');
  await expect(papers(page).first()).toBeVisible();
  expect(await papers(page).count()).toBeGreaterThanOrEqual(10);
  const mapLink = page.locator('a[data-similar-map]');
  await expect(mapLink).toHaveAttribute('href', /\/map\/\?papers=/);
  await mapLink.click();
  await expect(page).toHaveURL(/\/map\/\?.*papers=/);
  await expect(page.locator('[data-map-search-count]')).toHaveText('20 matches');
});

test('empty text, one word, a huge text, another script and unknown words get a clear message, never an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/similar/');
  const input = page.locator('textarea[data-similar-input]');
  const submit = page.getByRole('button', { name: 'Find similar papers' });

  await input.fill('   ');
  await submit.click();
  await expect(status(page)).toHaveText(/Paste a title and abstract/);

  await input.fill('transformers');
  await submit.click();
  await expect(page.locator('[data-similar-notices]')).toContainText('Only one known term');
  expect(await papers(page).count()).toBeGreaterThanOrEqual(10);

  await input.fill('反向传播算法在深度神经网络中的应用');
  await submit.click();
  await expect(status(page)).toContainText("None of the words of this text occur in the atlas's vocabulary");
  await expect(page.locator('[data-similar-results]')).toBeHidden();

  await input.fill('zzqx florbnik wuggle');
  await submit.click();
  await expect(status(page)).toContainText("None of the words of this text occur in the atlas's vocabulary");

  await input.fill('1234 5678 !!! the of and');
  await submit.click();
  await expect(status(page)).toContainText('no words the atlas can compare');

  await input.fill(`${TRAIT_BASIS} `.repeat(260).slice(0, 100_000));
  await submit.click();
  await expect(page.locator('[data-similar-notices]')).toContainText('Only the first 20,000 of 100,000 characters were read.');
  await expect(papers(page).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a paper page loads no vectors until "more like this" is pressed, then lists papers like it', async ({ page }) => {
  const vectorRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/vectors/')) vectorRequests.push(request.url());
  });
  await page.goto('/papers/');
  await page.locator('main a[href*="/papers/impatient-users-confuse-ai-agents"]').first().click();
  await page.waitForLoadState('networkidle');
  expect(vectorRequests).toEqual([]);
  const section = page.locator('[data-more-like-this]');
  await section.getByRole('button', { name: 'Show more like this' }).click();
  const items = section.locator('ol > li');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBe(10);
  await expect(section.locator('a[href*="/papers/impatient-users-confuse-ai-agents"]')).toHaveCount(0);
  expect(vectorRequests.length).toBeGreaterThan(0);
});
