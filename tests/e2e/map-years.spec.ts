import { expect, test, type Page } from '@playwright/test';
import type { AtlasData } from '../../src/lib/topics/atlas-schema.ts';
import { buildAndServeFixtureAtlas } from './support/fixture-atlas.ts';

/**
 * The map on a dated, two-level atlas (the fixture atlas of support/fixture-atlas.ts: arXiv OAI, ICLR 2017 and a
 * BibTeX export, 1993–2017): the year range control and its play button (issue 13), and the colours of
 * neighbouring themes when there are more themes than base hues (issue 15, finding 7). Built once, served apart.
 */

const MAP = '[data-atlas-map]';

let site: { url: string; close: () => Promise<void> };
let atlas: AtlasData;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(300_000);
  site = await buildAndServeFixtureAtlas('map-years');
  const request = await playwright.request.newContext();
  atlas = (await (await request.get(`${site.url}atlas.json`)).json()) as AtlasData;
  await request.dispose();
});

test.afterAll(async () => {
  await site?.close();
});

async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`${site.url}map/${query}`);
  await expect(page.locator(MAP)).toHaveAttribute('data-points', /\d+/);
}

function dated(): number[] {
  const years = atlas.papers.flatMap((paper) => (paper.year === undefined ? [] : [paper.year]));
  expect(years.length, 'the fixture atlas has dated papers').toBeGreaterThan(100);
  return years;
}

test('choosing a year range fades the papers outside it and keeps the range in the URL', async ({ page }) => {
  const years = dated();
  const first = Math.min(...years);
  const last = Math.max(...years);
  const to = [...new Set(years)].sort((a, b) => a - b).find((year) => years.filter((y) => y <= year).length > years.length / 4)!;
  await openMap(page);
  const from = page.getByLabel('From year');
  await expect(from).toBeEnabled();
  await expect(from).toHaveValue(String(first));
  await expect(page.getByLabel('To year')).toHaveValue(String(last));
  await page.getByLabel('To year').selectOption(String(to));
  const inRange = years.filter((year) => year <= to).length;
  await expect(page.locator(MAP)).toHaveAttribute('data-emphasized', String(inRange));
  await expect(page.locator(`${MAP} [data-map-year-count]`)).toHaveText(`${inRange.toLocaleString('en')} papers`);
  await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(String(to));
  expect(new URL(page.url()).searchParams.get('from')).toBe(String(first));

  await page.reload();
  await expect(page.locator(MAP)).toHaveAttribute('data-emphasized', String(inRange));
  await expect(page.getByLabel('To year')).toHaveValue(String(to));

  await page.getByRole('button', { name: 'Reset the map' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBeNull();
  await expect(page.locator(MAP)).not.toHaveAttribute('data-emphasized', /.*/);
  await expect(page.getByLabel('To year')).toHaveValue(String(last));
});

test('play steps through the years, growing the range until the last year', async ({ page }) => {
  const years = dated();
  const first = Math.min(...years);
  await openMap(page);
  const play = page.locator(`${MAP} button[data-map-play]`);
  await expect(play).toBeEnabled();
  await expect(play).toHaveAccessibleName('Play');
  await play.click();
  await expect(play).toHaveAccessibleName('Pause');
  await expect(page.locator(MAP)).toHaveAttribute('data-years', `${first}-${first}`);
  await expect(page.locator(MAP)).toHaveAttribute('data-years', `${first}-${first + 1}`, { timeout: 3000 });
  await play.click();
  await expect(play).toHaveAccessibleName('Play');
  const paused = await page.locator(MAP).getAttribute('data-years');
  await page.waitForTimeout(1500);
  await expect(page.locator(MAP)).toHaveAttribute('data-years', paused!);
});

test('neighbouring themes have colours a reader can tell apart on a two-level map', async ({ page }) => {
  await openMap(page);
  const swatches = await page.locator(`${MAP} [data-map-legend-list] button[data-topic-id]:not(.is-child)`).evaluateAll((buttons) =>
    buttons.map((button) => ({
      id: Number((button as HTMLElement).dataset.topicId),
      color: getComputedStyle(button.querySelector('.atlas-map-swatch')!).backgroundColor,
    })),
  );
  expect(swatches.length).toBeGreaterThan(1);
  expect(new Set(swatches.map((swatch) => swatch.color)).size, 'every theme has its own colour').toBe(swatches.length);
  const themeOf = new Map(atlas.topics.map((topic) => [topic.id, topic.parent ?? topic.id]));
  const rgb = (color: string) => color.match(/\d+/g)!.slice(0, 3).map(Number);
  const pointsOf = (theme: number) => atlas.papers.filter((paper) => themeOf.get(paper.topic) === theme);
  for (const a of swatches) {
    for (const b of swatches) {
      if (a.id >= b.id) continue;
      const others = pointsOf(b.id);
      const touch = pointsOf(a.id).some((p) => others.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < 0.02));
      if (!touch) continue;
      const [r1, g1, b1] = rgb(a.color);
      const [r2, g2, b2] = rgb(b.color);
      expect(Math.hypot(r1! - r2!, g1! - g2!, b1! - b2!), `neighbouring themes ${a.id} and ${b.id}: ${a.color} vs ${b.color}`).toBeGreaterThan(60);
    }
  }
});
