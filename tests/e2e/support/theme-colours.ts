import { expect, type Page } from '@playwright/test';
import type { AtlasData, AtlasPaper, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';

/** Least RGB distance between the colours of two themes whose papers touch on the map. */
export const NEIGHBOUR_COLOUR_DISTANCE = 60;

/**
 * The theme swatches of the open map's topics panel (what the reader matches to the dots), checked: every theme
 * has its own colour, and two themes with papers within `touchDistance` (data units) of each other differ by more
 * than NEIGHBOUR_COLOUR_DISTANCE in RGB. Returns how many touching pairs were checked (a test asserts it is not 0).
 */
export async function expectNeighbouringThemesDistinct(page: Page, atlas: AtlasData, touchDistance: number): Promise<number> {
  const swatches = await page.locator('[data-atlas-map] [data-map-legend-list] button[data-topic-id]:not(.is-child)').evaluateAll((buttons) =>
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
  let pairs = 0;
  for (const a of swatches) {
    for (const b of swatches) {
      if (a.id >= b.id) continue;
      const others = pointsOf(b.id);
      const touch = pointsOf(a.id).some((p) => others.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < touchDistance));
      if (!touch) continue;
      pairs += 1;
      const [r1, g1, b1] = rgb(a.color);
      const [r2, g2, b2] = rgb(b.color);
      expect(Math.hypot(r1! - r2!, g1! - g2!, b1! - b2!), `neighbouring themes ${a.id} and ${b.id}: ${a.color} vs ${b.color}`).toBeGreaterThan(
        NEIGHBOUR_COLOUR_DISTANCE,
      );
    }
  }
  return pairs;
}

/**
 * Where each theme of the crowded map sits, row by row (6 × 5 cells): themes whose colours by rank (the palette's
 * hue tiers, the colouring before issue 15) are within 60 RGB of each other side by side, e.g. 0 and 28 (two
 * blues, 32 apart), 24 and 12 (two sky blues, 29), 8 and 20 (30), 6 and 17 (two yellows, 37).
 */
const CROWDED_GRID = [
  [0, 28, 16, 4, 24, 12],
  [8, 20, 13, 29, 9, 25],
  [6, 17, 3, 19, 11, 5],
  [7, 23, 27, 15, 14, 1],
  [2, 10, 18, 21, 22, 26],
];

/**
 * A map of 30 themes in a 6 × 5 grid of touching squares of 64 papers each, as many themes as the 10k arXiv atlas
 * has, laid out so that colouring by rank puts near colours side by side. Served in place of `map-data.deflate`.
 */
export function crowdedThemesAtlas(): AtlasData {
  const topics: AtlasTopic[] = [];
  const papers: AtlasPaper[] = [];
  const columns = CROWDED_GRID[0]!.length;
  const rows = CROWDED_GRID.length;
  for (let id = 0; id < columns * rows; id++) {
    topics.push({ id, slug: `theme-${id}`, label: `theme ${id} · words`, keywords: [`theme ${id}`], size: 64, centroid: [0, 0], parent: null, level: 0 });
  }
  CROWDED_GRID.forEach((row, rowIndex) =>
    row.forEach((id, columnIndex) => {
      for (let i = 0; i < 64; i++) {
        const x = (columnIndex + ((i % 8) + 0.5) / 8) / columns;
        const y = (rowIndex + (Math.floor(i / 8) + 0.5) / 8) / rows;
        papers.push({ slug: `paper-${id}-${i}`, title: `Paper ${i} of theme ${id}`, topic: id, weak: false, x, y, related: [] });
      }
      topics[id]!.centroid = [(columnIndex + 0.5) / columns, (rowIndex + 0.5) / rows];
    }),
  );
  return { version: 1, levels: 1, topics, papers };
}
