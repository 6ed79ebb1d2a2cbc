import { expect, type Page } from '@playwright/test';
import type { AtlasData } from '../../../src/lib/topics/atlas-schema.ts';

/** A rectangle on screen, in CSS pixels of the map stage. */
export interface StageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What a reader sees of the fit: where the dots are, the stage, and the overlays on it. */
export interface MapFitSeen {
  stage: { width: number; height: number };
  /** Bounding box of every dot on screen. */
  points: StageRect;
  /** How many dots lie under an overlay (the topics panel, the search bar, the buttons, the hint). */
  pointsUnderOverlays: number;
  /** Share of the free area (the stage less its overlays) that the dots' bounding box covers. */
  freeAreaCovered: number;
}

/**
 * Keep the last `atlas-map-drawn` detail (the map's hook for overlays: every paper's position on the stage) on
 * `window`, so a test can ask where the dots are. Call before `page.goto`.
 */
export async function recordMapFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.addEventListener('atlas-map-drawn', (event) => ((window as unknown as { lastMapFrame: unknown }).lastMapFrame = (event as CustomEvent).detail), { capture: true });
  });
}

/** Where the dots of the papers `slugs` are on the full map, measured after the map has drawn (recordMapFrames first). */
export async function measureMapFit(page: Page, slugs: readonly string[]): Promise<MapFitSeen> {
  expect(slugs.length).toBeGreaterThan(0);
  await page.waitForFunction(() => (window as unknown as { lastMapFrame?: unknown }).lastMapFrame !== undefined);
  // Let a resize or a font load settle before measuring.
  await page.waitForTimeout(400);
  return page.evaluate((paperSlugs) => {
    const frame = (window as unknown as { lastMapFrame: { width: number; height: number; positionOf(slug: string): [number, number] | undefined } }).lastMapFrame;
    const stage = document.querySelector('[data-atlas-map] [data-map-stage]')!.getBoundingClientRect();
    const overlays = [...document.querySelectorAll('[data-atlas-map] [data-map-obstacle]')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map((box) => ({ left: box.left - stage.left, top: box.top - stage.top, right: box.right - stage.left, bottom: box.bottom - stage.top }));
    const points = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    let pointsUnderOverlays = 0;
    for (const slug of paperSlugs) {
      const position = frame.positionOf(slug);
      if (!position) throw new Error(`the map has no dot for ${slug}`);
      const [x, y] = position;
      points.left = Math.min(points.left, x);
      points.right = Math.max(points.right, x);
      points.top = Math.min(points.top, y);
      points.bottom = Math.max(points.bottom, y);
      if (overlays.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) pointsUnderOverlays += 1;
    }
    // The free area: the stage less its overlays, counted on a 4 px raster so overlapping overlays count once.
    let free = 0;
    let covered = 0;
    for (let y = 2; y < stage.height; y += 4) {
      for (let x = 2; x < stage.width; x += 4) {
        if (overlays.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) continue;
        free += 1;
        if (x >= points.left && x <= points.right && y >= points.top && y <= points.bottom) covered += 1;
      }
    }
    return { stage: { width: stage.width, height: stage.height }, points, pointsUnderOverlays, freeAreaCovered: covered / free };
  }, slugs);
}

/**
 * The points are as large as the free area allows: their box spans at least `share` of the stage's width or of its
 * height (the map's shape decides which binds), and no dot starts out under an overlay.
 */
export async function expectPointsFillFreeArea(page: Page, atlas: AtlasData, share: number): Promise<void> {
  const fit = await measureMapFit(page, atlas.papers.map((paper) => paper.slug));
  expect(fit.pointsUnderOverlays, 'dots under the topics panel, the search bar or the buttons').toBe(0);
  const spanned = Math.max((fit.points.right - fit.points.left) / fit.stage.width, (fit.points.bottom - fit.points.top) / fit.stage.height);
  const seen = `the dots' box ${JSON.stringify(fit.points)} in a stage of ${JSON.stringify(fit.stage)}, ${Math.round(fit.freeAreaCovered * 100)}% of the free area`;
  expect(spanned, seen).toBeGreaterThan(share);
}
