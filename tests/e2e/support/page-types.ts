import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** One kind of page of the atlas, with a real example path (relative to the site base) and how to know it is ready. */
export interface PageType {
  name: string;
  path: string;
  /** The deliberate 404 page: its document answers 404. */
  isNotFound?: boolean;
  ready?: (page: Page) => Promise<void>;
}

/** Page types a build has only when its corpus is big enough, found by their path in sitemap.xml. */
const SIZED_PAGE_TYPES: { name: string; pattern: RegExp }[] = [
  { name: 'papers list, a later page', pattern: /^papers\/page\/\d+\/$/ },
  { name: 'authors', pattern: /^authors\/$/ },
  { name: 'authors of a letter', pattern: /^authors\/letter\/[^/]+\/$/ },
  { name: 'author', pattern: /^authors\/(?!letter\/)[^/]+\/$/ },
];

/**
 * Every page type of the built site at `siteUrl` (default: the configured baseURL): home, papers list, a paper,
 * topics, a topic, trends, map, search with a query, similar papers of a text and 404, plus those only a bigger corpus has
 * (a later papers-list page, authors index, a letter of it, an author page) when its sitemap lists them. The paper
 * and topic are the first of `atlas.json`, so the list follows whatever content was built.
 */
export async function pageTypes(request: APIRequestContext, siteUrl = ''): Promise<PageType[]> {
  const at = (path: string) => (siteUrl ? new URL(path, siteUrl).href : path);
  const response = await request.get(at('atlas.json'));
  expect(response.ok(), 'atlas.json of the built site').toBe(true);
  const atlas = (await response.json()) as { papers: { slug: string }[]; topics: { slug: string }[] };
  const paper = atlas.papers[0];
  const topic = atlas.topics[0];
  if (!paper || !topic) throw new Error('atlas.json: the built site has no paper or no topic');
  const sitemap = await request.get(at('sitemap.xml'));
  expect(sitemap.ok(), 'sitemap.xml of the built site').toBe(true);
  const base = new URL(at('./'), 'http://site/').pathname;
  const paths = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.slice(base.length));
  const sized = SIZED_PAGE_TYPES.flatMap(({ name, pattern }) => {
    const path = paths.find((candidate) => pattern.test(candidate));
    return path === undefined ? [] : [{ name, path }];
  });
  return [
    { name: 'home', path: '' },
    { name: 'papers list', path: 'papers/' },
    { name: 'paper', path: `papers/${paper.slug}/` },
    { name: 'topics', path: 'topics/' },
    { name: 'topic', path: `topics/${topic.slug}/` },
    { name: 'trends', path: 'trends/' },
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
    ...sized,
    { name: '404', path: 'no-such-page/', isNotFound: true },
  ];
}
