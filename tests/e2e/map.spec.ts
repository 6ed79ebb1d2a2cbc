import { expect, test, type Page } from '@playwright/test';
import type { AtlasData } from '../../src/lib/topics/atlas-schema.ts';

/**
 * The interactive map (/map/ and the embedded maps). Run against the built site; paths are relative to the
 * configured baseURL, and every URL the map builds goes through the site base.
 */

const MAP = '[data-atlas-map]';
const STAGE = `${MAP} [data-map-stage]`;

async function loadAtlas(page: Page): Promise<AtlasData> {
  const response = await page.request.get('atlas.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as AtlasData;
}

/** Collect page errors and console errors (resource 404s are other specs' business). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}

async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`map/${query}`);
  await expect(page.locator(MAP)).toHaveAttribute('data-points', /\d+/);
}

/** The slug of the selected paper once the map has written it into the URL. */
async function selectedSlug(page: Page): Promise<string> {
  await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBeTruthy();
  return new URL(page.url()).searchParams.get('p')!;
}

/** Select the paper nearest the centre with the keyboard; returns the centre of its ring on the page. */
async function selectCentralPaper(page: Page): Promise<{ x: number; y: number }> {
  await page.locator(STAGE).focus();
  await page.keyboard.press('ArrowRight');
  const ring = page.locator(`${MAP} [data-map-ring]`);
  await expect(ring).toBeVisible();
  const box = await ring.boundingBox();
  if (!box) throw new Error('the selection ring has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the map draws every paper of atlas.json', async ({ page }) => {
  const atlas = await loadAtlas(page);
  await openMap(page);
  await expect(page.locator(MAP)).toHaveAttribute('data-points', String(atlas.papers.length));
  await expect(page.locator(`${MAP} [data-map-fallback]`)).toBeHidden();
});

test('topic labels are shown and never overlap', async ({ page }) => {
  await openMap(page);
  const labels = page.locator(`${MAP} .atlas-map-label.is-visible`);
  await expect(labels.first()).toBeVisible();
  const boxes = await labels.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
    }
  }
});

/** Select a paper near the centre, clear the keyboard selection, then rest the pointer on it until its tooltip shows. */
async function hoverCentralPaper(page: Page) {
  const point = await selectCentralPaper(page);
  await page.keyboard.press('Escape');
  const tooltip = page.locator(`${MAP} [data-map-tooltip]`);
  await expect(tooltip).toBeHidden();
  await page.waitForTimeout(700);
  await page.mouse.move(point.x, point.y);
  await expect(tooltip).toBeVisible();
  return { point, tooltip };
}

test('hovering a paper shows a tooltip with its title and topic', async ({ page }) => {
  const atlas = await loadAtlas(page);
  await openMap(page);
  const { point, tooltip } = await hoverCentralPaper(page);
  const title = await tooltip.locator('.atlas-map-tooltip-title').textContent();
  const paper = atlas.papers.find((candidate) => candidate.title === title);
  expect(paper, `tooltip title "${title}" is a paper title`).toBeTruthy();
  const topic = atlas.topics.find((candidate) => candidate.id === paper!.topic);
  await expect(tooltip.locator('.atlas-map-tooltip-topic')).toHaveText(topic!.label);
});

test('clicking a paper opens the page of the paper under the pointer', async ({ page }) => {
  const atlas = await loadAtlas(page);
  await openMap(page);
  const { point, tooltip } = await hoverCentralPaper(page);
  const title = await tooltip.locator('.atlas-map-tooltip-title').textContent();
  await page.mouse.click(point.x, point.y);
  await page.waitForURL(/\/papers\/[^/]+\/$/);
  const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-2)!);
  expect(atlas.papers.find((paper) => paper.slug === slug)?.title).toBe(title);
});

test('arrow keys move between papers, announce them, and Enter opens one', async ({ page }) => {
  const atlas = await loadAtlas(page);
  await openMap(page);
  await selectCentralPaper(page);
  const first = await selectedSlug(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => new URL(page.url()).searchParams.get('p')).not.toBe(first);
  const slug = new URL(page.url()).searchParams.get('p');
  const paper = atlas.papers.find((candidate) => candidate.slug === slug);
  await expect(page.locator(`${MAP} [data-map-status]`)).toContainText(paper!.title);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/papers/${slug}/`);
});

test('choosing a topic in the legend focuses the map on it', async ({ page }) => {
  await openMap(page);
  const button = page.locator(`${MAP} [data-map-legend-list] button`).first();
  const slug = await button.getAttribute('data-topic-slug');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`${MAP} [data-map-focus-chip]`)).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe(slug);
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('z'))).toBeGreaterThan(1);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBeNull();
});

test('a shared URL restores the view, the topic and the selected paper', async ({ page }) => {
  const atlas = await loadAtlas(page);
  const paper = atlas.papers[Math.floor(atlas.papers.length / 2)]!;
  const topic = atlas.topics.find((candidate) => candidate.id === paper.topic)!;
  await openMap(page, `?z=4&x=${paper.x}&y=${paper.y}&t=${encodeURIComponent(topic.slug)}&p=${encodeURIComponent(paper.slug)}`);
  await expect(page.locator(`${MAP} [data-map-legend-list] button[data-topic-slug="${topic.slug}"]`)).toHaveAttribute('aria-pressed', 'true');
  const tooltip = page.locator(`${MAP} [data-map-tooltip]`);
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.atlas-map-tooltip-title')).toHaveText(paper.title);
  const ring = await page.locator(`${MAP} [data-map-ring]`).boundingBox();
  const stage = await page.locator(STAGE).boundingBox();
  expect(Math.abs(ring!.x + ring!.width / 2 - (stage!.x + stage!.width / 2))).toBeLessThan(2);
  expect(Math.abs(ring!.y + ring!.height / 2 - (stage!.y + stage!.height / 2))).toBeLessThan(2);
  await page.waitForTimeout(400);
  expect(new URL(page.url()).searchParams.get('z')).toBe('4');
});

/** Canvas pixels drawn in a saturated colour (topic colours), as opposed to the background and dimmed grey points. */
async function colouredPixels(page: Page): Promise<number> {
  return page.locator(`${MAP} canvas[data-map-canvas]`).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      const [red, green, blue, alpha] = [data[offset]!, data[offset + 1]!, data[offset + 2]!, data[offset + 3]!];
      if (alpha > 128 && Math.max(red, green, blue) - Math.min(red, green, blue) > 60) count += 1;
    }
    return count;
  });
}

test('the search box draws matching papers in colour and dims the rest', async ({ page }) => {
  const atlas = await loadAtlas(page);
  await openMap(page);
  const map = page.locator(MAP);
  await expect(map).not.toHaveAttribute('data-emphasized', /.*/);
  await page.waitForTimeout(300);
  const before = await colouredPixels(page);
  expect(before, 'coloured pixels before any search').toBeGreaterThan(500);
  // A word of one title that few titles share: a handful of papers match, most are dimmed.
  const titleCount = (word: string) => atlas.papers.filter((paper) => paper.title.toLowerCase().includes(word.toLowerCase())).length;
  const words = atlas.papers.flatMap((paper) => paper.title.split(/\s+/).filter((candidate) => /^[A-Za-z]{6,}$/.test(candidate)));
  const word = words.find((candidate) => titleCount(candidate) === 1);
  expect(word, 'a title word found in one title only').toBeTruthy();
  await page.locator(`${MAP} [data-map-search] input`).fill(word!);
  await expect(page.locator(`${MAP} [data-map-search-count]`)).toHaveText(/^\d[\d,]* match(es)?$/);
  const shown = Number((await page.locator(`${MAP} [data-map-search-count]`).textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(atlas.papers.length / 4);
  await expect(map).toHaveAttribute('data-emphasized', String(shown));
  // What is drawn: far fewer coloured pixels once only the matches keep their colour.
  await expect.poll(() => colouredPixels(page)).toBeLessThan(before / 3);
  expect(await colouredPixels(page), 'the matching papers stay coloured').toBeGreaterThan(0);

  await page.locator(`${MAP} [data-map-search] input`).fill('zzzzqqqq');
  await expect(page.locator(`${MAP} [data-map-search-count]`)).toHaveText('No matches');
  await expect(map).toHaveAttribute('data-emphasized', '0');
  await page.locator(`${MAP} [data-map-search] input`).fill('');
  await expect(map).not.toHaveAttribute('data-emphasized', /.*/);
  await expect.poll(() => colouredPixels(page)).toBeGreaterThan(before * 0.9);
});

test('zoom buttons change the zoom and reset returns to the whole map', async ({ page }) => {
  await openMap(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('z'))).toBeGreaterThan(1.5);
  await page.getByRole('button', { name: 'Reset the map' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('z')).toBeNull();
});

test('the map works without console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page);
  await selectCentralPaper(page);
  await page.mouse.wheel(0, -400);
  await page.locator(`${MAP} [data-map-legend-list] button`).first().click();
  await page.waitForTimeout(800);
  expect(errors).toEqual([]);
});

test('without JavaScript the map page lists topics and their papers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('map/');
  const fallback = page.locator(`${MAP} [data-map-fallback]`);
  await expect(fallback).toBeVisible();
  await expect(fallback.locator('a[href*="/topics/"]').first()).toBeVisible();
  await expect(fallback.locator('a[href*="/papers/"]').first()).toBeVisible();
  await expect(page.locator(`${MAP} [data-map-frame]`)).toBeHidden();
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tapping a paper shows it and tapping again opens it', async ({ page }) => {
    await openMap(page);
    const point = await selectCentralPaper(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBeNull();
    await page.waitForTimeout(700);
    await page.touchscreen.tap(point.x, point.y);
    await expect(page.locator(`${MAP} [data-map-tooltip]`)).toContainText('Tap again to open');
    const slug = await selectedSlug(page);
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForURL(`**/papers/${slug}/`);
  });
});
