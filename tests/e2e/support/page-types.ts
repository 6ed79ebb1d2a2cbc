import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** One kind of page of the atlas, with a real example path (relative to the site base) and how to know it is ready. */
export interface PageType {
  name: string;
  path: string;
  /** The deliberate 404 page: its document answers 404. */
  isNotFound?: boolean;
  ready?: (page: Page) => Promise<void>;
}

/**
 * Every page type of the built site: home, papers list, a paper, topics, a topic, map, search with a query, similar
 * papers of a text, and 404.
 * The paper and topic are the first of `atlas.json`, so the list follows whatever content was built.
 */
export async function pageTypes(request: APIRequestContext): Promise<PageType[]> {
  const response = await request.get('atlas.json');
  expect(response.ok(), 'atlas.json of the built site').toBe(true);
  const atlas = (await response.json()) as { papers: { slug: string }[]; topics: { slug: string }[] };
  const paper = atlas.papers[0];
  const topic = atlas.topics[0];
  if (!paper || !topic) throw new Error('atlas.json: the built site has no paper or no topic');
  return [
    { name: 'home', path: '' },
    { name: 'papers list', path: 'papers/' },
    { name: 'paper', path: `papers/${paper.slug}/` },
    { name: 'topics', path: 'topics/' },
    { name: 'topic', path: `topics/${topic.slug}/` },
    {
      name: 'map',
      path: 'map/',
      ready: async (page) => {
        await expect(page.locator('[data-atlas-map]')).toHaveAttribute('data-points', /\d+/, { timeout: 15_000 });
      },
    },
    {
      name: 'search',
      path: 'search/?q=agents',
      ready: async (page) => {
        await expect(page.locator('main [data-search-results] > *').first()).toBeVisible({ timeout: 15_000 });
      },
    },
    {
      name: 'similar',
      path: `similar/?text=${encodeURIComponent('Reinforcement learning agents with human feedback for language models')}`,
      ready: async (page) => {
        await expect(page.locator('[data-similar-papers] > li').first()).toBeVisible({ timeout: 15_000 });
      },
    },
    { name: '404', path: 'no-such-page/', isNotFound: true },
  ];
}
