import { test, expect } from '@playwright/test';
import type { AtlasData, AtlasPaper } from '../../src/lib/topics/atlas-schema.ts';

/** The published atlas.json: a related paper is `[index in papers, similarity, shared terms]`. */
type PublishedAtlas = Omit<AtlasData, 'papers'> & { papers: (Omit<AtlasPaper, 'related'> & { related: [number, number, string[]][] })[] };

async function loadAtlas(request: import('@playwright/test').APIRequestContext): Promise<PublishedAtlas> {
  return (await (await request.get('/atlas.json')).json()) as PublishedAtlas;
}

test('the topics page lists every topic with its size, keywords and representative papers', async ({ page, request }) => {
  const atlas = await loadAtlas(request);
  await page.goto('/topics/');
  const cards = page.locator('[data-theme-grid] [data-topic-card]');
  const browsable = atlas.topics.filter((topic) => topic.level === 0);
  await expect(cards).toHaveCount(browsable.length);
  for (const topic of browsable) {
    const card = page.locator(`[data-topic-card="${topic.slug}"]`);
    await expect(card.getByRole('link', { name: topic.label, exact: true })).toBeVisible();
    await expect(card).toContainText(`${topic.size} paper`);
    await expect(card).toContainText(topic.keywords[0]!);
    await expect(card.locator('ul a')).toHaveCount(Math.min(3, topic.size));
  }
});

test('each topic page lists exactly the papers of that topic', async ({ page, request }) => {
  const atlas = await loadAtlas(request);
  for (const topic of atlas.topics.slice(0, 3)) {
    const members = new Set(atlas.papers.filter((paper) => paper.topic === topic.id || atlas.topics[paper.topic]?.parent === topic.id).map((paper) => paper.slug));
    await page.goto(`/topics/${topic.slug}/`);
    await expect(page.locator('h1')).toHaveText(topic.label);
    const hrefs = await page.locator('[data-list-items] h3 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBe(members.size);
    for (const href of hrefs) expect(members.has(href.split('/').at(-2)!)).toBe(true);
    await expect(page.locator('[data-topic-keywords] li')).toHaveCount(topic.keywords.length);
  }
});

test('a paper page links to its topic and the topic page lists that paper', async ({ page, request }) => {
  const atlas = await loadAtlas(request);
  const paper = atlas.papers[0]!;
  const topic = atlas.topics[paper.topic]!;
  await page.goto(`/papers/${paper.slug}/`);
  await page.locator(`a.topic-badge[href="/topics/${topic.slug}/"]`).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic.slug}/$`));
  await expect(page.locator(`[data-list-items] a[href="/papers/${paper.slug}/"]`)).toBeVisible();
});

test('related papers on a paper page are links to other papers with a similarity and shared terms', async ({ page, request }) => {
  const atlas = await loadAtlas(request);
  const paper = atlas.papers.find((candidate) => candidate.related.length === 5)!;
  await page.goto(`/papers/${paper.slug}/`);
  const links = page.locator('[data-related] li a');
  await expect(links).toHaveCount(5);
  // atlas.json names a related paper by its index in `papers`.
  expect(await links.first().getAttribute('href')).toBe(`/papers/${atlas.papers[paper.related[0]![0]]!.slug}/`);
  await expect(page.locator('[data-related]')).toContainText('% similar');
});
