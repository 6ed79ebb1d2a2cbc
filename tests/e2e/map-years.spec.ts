import { expect, test, type Page } from '@playwright/test';
import { inflateRawSync } from 'node:zlib';
import type { MapData } from '../../src/lib/map/map-data.ts';
import type { AtlasData } from '../../src/lib/topics/atlas-schema.ts';
import { buildAndServeFixtureAtlas } from './support/fixture-atlas.ts';
import { expectPointsFillFreeArea, recordMapFrames } from './support/map-geometry.ts';
import { expectNeighbouringThemesDistinct } from './support/theme-colours.ts';

/**
 * The map on a dated, two-level atlas (the fixture atlas of support/fixture-atlas.ts: arXiv OAI, ICLR 2017 and a
 * BibTeX export, 1993–2017): the year range control and its play button (issue 13), the colours of
 * neighbouring themes when there are more themes than base hues, every theme named, and the fit of the points into
 * the free area on a laptop and a phone (issue 15, findings 7 and 9). Built once, served apart.
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
  expect(await expectNeighbouringThemesDistinct(page, atlas, 0.02)).toBeGreaterThan(0);
});

test('zoomed in, fine clusters are named between the subtopics and the paper titles, never overlapping (finding 5)', async ({ page, request }) => {
  const data = JSON.parse(inflateRawSync(await (await request.get(`${site.url}map-data.deflate`)).body()).toString('utf8')) as MapData;
  const fine = data.fine ?? [];
  expect(fine.length, 'the fixture atlas has fine clusters').toBeGreaterThan(3);
  const largest = [...fine].sort((a, b) => b.size - a.size)[0]!;
  await openMap(page, `?z=5&x=${largest.x}&y=${largest.y}`);
  const fineLabels = page.locator(`${MAP} .atlas-map-label.is-fine.is-visible`);
  await expect(fineLabels.first()).toBeVisible();
  const words = (text: string) => text.replace(/·/g, ' ').replace(/\s+/g, ' ').trim();
  const texts = (await fineLabels.allTextContents()).map(words);
  expect(texts).toContain(words(largest.label));
  for (const text of texts) expect(fine.map((cluster) => words(cluster.label)), `"${text}" is a fine cluster's label`).toContain(text);
  // Its topic's own words are not repeated: a fine label says what sets the group apart.
  const topic = data.topics.find((candidate) => candidate.id === largest.topic)!;
  for (const word of words(largest.label).split(' ')) expect(words(topic.label).split(' '), `"${word}" of "${largest.label}" repeats "${topic.label}"`).not.toContain(word);
  const boxes = await page.locator(`${MAP} .atlas-map-label.is-visible`).evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `labels ${i} and ${j} overlap`).toBe(false);
    }
  }
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('every theme is named in the default view and no two labels overlap (findings 7 and 9)', async ({ page }) => {
      await openMap(page);
      const themes = atlas.topics.filter((topic) => topic.level === 0);
      expect(themes.length, 'the fixture atlas has more themes than base hues').toBeGreaterThan(8);
      const labels = page.locator(`${MAP} .atlas-map-label.is-visible[data-label-kind="theme"]`);
      await expect(labels).toHaveCount(themes.length);
      const named = await labels.evaluateAll((elements) =>
        elements.map((element) => ({ id: Number((element as HTMLElement).dataset.topicLabel), text: element.textContent ?? '', box: element.getBoundingClientRect().toJSON() as DOMRect })),
      );
      for (const label of named) {
        const theme = themes.find((topic) => topic.id === label.id);
        expect(theme, `label ${label.id} is a theme`).toBeDefined();
        // A crowded theme may be named by its first key phrase, never by something else.
        const words = (text: string) => text.replace(/·/g, ' ').replace(/\s+/g, ' ').trim();
        expect(words(theme!.label).startsWith(words(label.text)), `"${label.text}" names ${theme!.label}`).toBe(true);
      }
      for (let i = 0; i < named.length; i++) {
        for (let j = i + 1; j < named.length; j++) {
          const [a, b] = [named[i]!.box, named[j]!.box];
          expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `"${named[i]!.text}" and "${named[j]!.text}" overlap`).toBe(false);
        }
      }
    });

    test('the points fill the free area (finding 9)', async ({ page }) => {
      await recordMapFrames(page);
      await openMap(page);
      await expectPointsFillFreeArea(page, atlas, 0.8);
    });
  });
}
