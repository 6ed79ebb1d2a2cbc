import { test, expect, type Page } from '@playwright/test';

/**
 * What a reader of /search/ sees (issue 15, findings 1–4 and 13), on the bundled corpus: an invitation before any
 * query, a filter alone listing its papers, topic-keyword matches kept apart from papers containing the words, a
 * status that names the filters and says "at least" while shards arrive, and nothing dead without JavaScript.
 */
const results = (page: Page) => page.locator('main [data-search-results] [role="option"]');
const status = (page: Page) => page.locator('main [data-search-status]');

/** Id and label of a topic of the bundled atlas, from the page's topic filter. */
async function firstTopic(page: Page): Promise<{ value: string; label: string }> {
  const options = await page.locator('main select[name="topic"] option').evaluateAll((elements) =>
    elements.map((element) => ({ value: (element as HTMLOptionElement).value, label: element.textContent?.trim() ?? '' })),
  );
  const topic = options.find((option) => option.value !== '');
  if (!topic) throw new Error('the topic filter of /search/ has no topic');
  return topic;
}

test('a fresh /search/ invites a query at once and says what can be searched and filtered', async ({ page }) => {
  await page.goto('/search/');
  await expect(status(page)).toHaveText(/^Search 119 papers by words of their title, authors, topic or abstract, or pick a topic/);
  await page.getByRole('combobox', { name: 'Search papers' }).first().focus();
  await page.waitForLoadState('networkidle');
  await expect(status(page)).toHaveText(/^Search 119 papers/);
  await expect(status(page)).not.toContainText('Loading');
});

test('a topic alone lists every paper of the topic, and the status names the topic', async ({ page }) => {
  await page.goto('/search/');
  const topic = await firstTopic(page);
  await page.locator('main select[name="topic"]').selectOption(topic.value);
  await expect(status(page)).toHaveText(new RegExp(`^\\d+ papers in “${topic.label}”, newest first`));
  const listed = Number(((await status(page).textContent()) ?? '').match(/^(\d+)/)?.[1]);
  expect(listed).toBeGreaterThan(0);
  await expect(page).toHaveURL(new RegExp(`\\?topic=${topic.value}$`));
  // The first page of results (20) or all of them.
  await expect(results(page)).toHaveCount(Math.min(20, listed));
  for (const option of await results(page).all()) await expect(option).toContainText(topic.label);
});

test('papers containing the word come first and are what the count counts; topic-keyword matches come after, marked', async ({ page }) => {
  // "RLHF" is a keyword of the topic "human feedback · off-policy · RLHF"; most papers of that topic never write it.
  await page.goto('/search/?q=rlhf');
  await expect(page.locator('main [data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  await expect(status(page)).toHaveText(/^(\d+) results?; (\d+) more papers? only in a topic named by this word$/);
  const [, contain, topicOnly] = ((await status(page).textContent()) ?? '').match(/^(\d+) results?; (\d+)/) ?? [];
  const marks = await results(page).evaluateAll((options) => options.map((option) => option.querySelector('[data-topic-match]') !== null));
  expect(marks.length).toBeGreaterThan(0);
  expect(marks.filter((isTopic) => !isTopic)).toHaveLength(Number(contain));
  expect(marks.filter(Boolean)).toHaveLength(Math.min(Number(topicOnly), 20 - Number(contain)));
  // Every marked result comes after every paper that contains the word.
  expect(marks.indexOf(true)).toBe(Number(contain));
  await expect(results(page).first()).toContainText(/RLHF/i);
  await expect(results(page).locator('[data-topic-match]').first()).toHaveText('Topic match');
});

test('no results with a filter says which filter', async ({ page }) => {
  await page.goto('/search/');
  const topic = await firstTopic(page);
  await page.goto(`/search/?q=qqzxvw&topic=${topic.value}`);
  await expect(status(page)).toHaveText(`No results for “qqzxvw” in “${topic.label}”.`);
  await expect(page.locator('main [data-search-empty]')).toContainText(`“qqzxvw” in “${topic.label}”`);
});

test('a hyphenated name is highlighted whole, not the stems its parts match', async ({ page }) => {
  await page.goto('/search/?q=ctf-dojo');
  await expect(page.locator('main [data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  const dojo = await results(page).first().locator('mark').allTextContents();
  expect(dojo.length).toBeGreaterThan(0);
  expect(dojo.map((text) => text.toLowerCase())).toEqual(dojo.map(() => 'ctf-dojo'));
  // tau-Bench is named past the snippet's start: "benchmarks" there matched only the part "bench" as a prefix.
  await page.goto('/search/?q=tau-bench');
  await expect(page.locator('main [data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  await expect(results(page).first()).toContainText('Impatient Users');
  const tau = await results(page).first().locator('mark').allTextContents();
  expect(tau.filter((text) => text.toLowerCase() !== 'tau-bench')).toEqual([]);
});

test('the count says "at least" until the abstract shards have arrived', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/search-index/body-*.deflate', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/?q=reinforcement%20learning');
  await expect(status(page)).toHaveText(/^At least \d+ results?/);
  release();
  await expect(page.locator('main [data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  await expect(status(page)).toHaveText(/^\d+ results?/);
});

test('results offer to show them on the map', async ({ page }) => {
  await page.goto('/search/?q=synthetic%20data');
  const link = page.getByRole('link', { name: 'Show these on the map' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/map/?q=synthetic%20data');
  await page.getByRole('combobox', { name: 'Search papers' }).first().fill('');
  await expect(link).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header shows no dead search or theme button, and /search/ no dead controls but where to browse', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true })).toBeVisible();
    await expect(page.locator('[data-search-open]')).toBeHidden();
    await expect(page.locator('[data-theme-toggle]')).toBeHidden();
    await page.goto('/search/');
    await expect(page.getByRole('combobox', { name: 'Search papers' })).toBeHidden();
    await expect(page.locator('main select[name="topic"]')).toBeHidden();
    await expect(status(page)).toBeHidden();
    await expect(page.locator('main')).toContainText('Search runs in your browser and needs JavaScript');
    await page.locator('main').getByRole('link', { name: 'papers', exact: true }).click();
    await expect(page.locator('h1')).toHaveText('Papers');
    await expect(page.locator('main [data-browser-filters]')).toBeHidden();
    await expect(page.locator('main [data-list-items] > li')).toHaveCount(100);
  });
});
