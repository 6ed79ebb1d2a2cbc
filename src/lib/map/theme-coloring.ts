import { atlasTopicColors, hexToRgb, rgbToOklab, topicColor, type PaletteTopic } from './palette.ts';

/** What the colouring needs of a paper: its finest topic and its map position. */
export interface ColoringPaper {
  topic: number;
  x: number;
  y: number;
}

/**
 * Below this OKLab distance (under normal vision and the two common colour-vision deficiencies) two neighbouring
 * themes count as hard to tell apart; above it the earliest free colour of the palette is preferred, so small maps
 * keep the pure Okabe–Ito hues.
 */
const DISTINCT_ENOUGH = 0.16;

/**
 * How strongly each pair of broad themes touches on the map: the map is cut into a grid (about four papers a cell,
 * 8 to 64 cells a side), and a pair scores one for every cell of one theme that has the other in it or in one of
 * its eight neighbours. Subtopics count for their theme. Returns a symmetric map `themeId -> (themeId -> weight)`.
 * @example themeAdjacency([{ id: 0, parent: null }, { id: 1, parent: null }], [{ topic: 0, x: 0, y: 0 }, { topic: 1, x: 0.01, y: 0 }]).get(0)?.get(1) // => 2
 */
export function themeAdjacency(topics: readonly PaletteTopic[], papers: readonly ColoringPaper[]): Map<number, Map<number, number>> {
  const themeOf = new Map<number, number>();
  for (const topic of topics) themeOf.set(topic.id, topic.parent ?? topic.id);
  const adjacency = new Map<number, Map<number, number>>();
  if (papers.length === 0) return adjacency;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const paper of papers) {
    minX = Math.min(minX, paper.x);
    minY = Math.min(minY, paper.y);
    maxX = Math.max(maxX, paper.x);
    maxY = Math.max(maxY, paper.y);
  }
  const side = Math.min(64, Math.max(8, Math.round(Math.sqrt(papers.length / 4))));
  const cellOf = (value: number, min: number, max: number) => Math.min(side - 1, Math.floor(((value - min) / (max - min || 1)) * side));
  const themesInCell = new Map<number, Set<number>>();
  for (const paper of papers) {
    const theme = themeOf.get(paper.topic);
    if (theme === undefined) continue;
    const cell = cellOf(paper.y, minY, maxY) * side + cellOf(paper.x, minX, maxX);
    let themes = themesInCell.get(cell);
    if (!themes) themesInCell.set(cell, (themes = new Set()));
    themes.add(theme);
  }
  const add = (a: number, b: number) => {
    let row = adjacency.get(a);
    if (!row) adjacency.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + 1);
  };
  for (const [cell, themes] of [...themesInCell].sort((a, b) => a[0] - b[0])) {
    const row = Math.floor(cell / side);
    const column = cell % side;
    const near = new Set<number>();
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (row + dy < 0 || row + dy >= side || column + dx < 0 || column + dx >= side) continue;
        for (const theme of themesInCell.get((row + dy) * side + column + dx) ?? []) near.add(theme);
      }
    }
    for (const a of themes) {
      for (const b of near) {
        if (a === b) continue;
        add(a, b);
        add(b, a);
      }
    }
  }
  return adjacency;
}

/**
 * Graph colouring of the theme adjacency: which palette entry (`topicColor(index, n)`, n = max(8, theme count))
 * each broad theme gets, so that themes that touch on the map get colours far apart under normal vision and under
 * deuteranopia and protanopia. Themes are coloured most-connected first (DSatur order: the theme with the most
 * coloured neighbours next, ties by adjacency weight, then id); each takes the earliest free palette entry at least
 * `DISTINCT_ENOUGH` from all its coloured neighbours, or else the free entry farthest from them. Deterministic.
 * @example themeColorIndices([{ id: 0, parent: null }, { id: 1, parent: null }], new Map()) // => Map { 0 => 0, 1 => 1 }
 */
export function themeColorIndices(topics: readonly PaletteTopic[], adjacency: ReadonlyMap<number, ReadonlyMap<number, number>>): Map<number, number> {
  const themes = topics.filter((topic) => topic.parent === null).map((topic) => topic.id).sort((a, b) => a - b);
  const paletteSize = Math.max(8, themes.length);
  const labs = Array.from({ length: paletteSize }, (_, index) => visionLabs(topicColor(index, paletteSize)));
  // Every distance between two palette entries, once: the colouring and the swaps look them up thousands of times.
  const distances = new Float64Array(paletteSize * paletteSize);
  for (let i = 0; i < paletteSize; i++) for (let j = 0; j < paletteSize; j++) distances[i * paletteSize + j] = visionDistance(labs[i]!, labs[j]!);
  const distance = (i: number, j: number) => distances[i * paletteSize + j]!;
  const indexOf = new Map<number, number>();
  const used = new Set<number>();
  const weightOf = (theme: number) => [...(adjacency.get(theme)?.values() ?? [])].reduce((sum, weight) => sum + weight, 0);
  while (indexOf.size < themes.length) {
    let next = -1;
    let bestKey: [number, number] = [-1, -1];
    for (const theme of themes) {
      if (indexOf.has(theme)) continue;
      const colouredNeighbours = [...(adjacency.get(theme)?.keys() ?? [])].filter((other) => indexOf.has(other)).length;
      const key: [number, number] = [colouredNeighbours, weightOf(theme)];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
        next = theme;
        bestKey = key;
      }
    }
    const neighbours = [...(adjacency.get(next)?.keys() ?? [])].filter((other) => indexOf.has(other));
    let chosen = -1;
    let farthest = -1;
    let farthestIndex = -1;
    for (let index = 0; index < paletteSize; index++) {
      if (used.has(index)) continue;
      const nearest = Math.min(Infinity, ...neighbours.map((other) => distance(index, indexOf.get(other)!)));
      if (nearest >= DISTINCT_ENOUGH) {
        chosen = index;
        break;
      }
      if (nearest > farthest) {
        farthest = nearest;
        farthestIndex = index;
      }
    }
    const index = chosen >= 0 ? chosen : farthestIndex;
    indexOf.set(next, index);
    used.add(index);
  }
  improveBySwaps(themes, adjacency, indexOf, distance);
  return indexOf;
}

/**
 * Refine a greedy colouring: swap the colours of two themes whenever that lowers the clash cost (for every pair
 * of touching themes, their adjacency weight times the square of how far their colours fall short of 1.5 ×
 * `DISTINCT_ENOUGH`), in a fixed order, until no swap helps or after 12 passes. On a dense map (30 themes, most
 * touching several others) greedy choices made early cannot see later clashes; the swaps repair them. Arrays
 * rather than maps: this runs when the map starts, in the reader's browser.
 */
function improveBySwaps(
  themes: readonly number[],
  adjacency: ReadonlyMap<number, ReadonlyMap<number, number>>,
  indexOf: Map<number, number>,
  distance: (a: number, b: number) => number,
): void {
  const slotOf = new Map(themes.map((theme, slot) => [theme, slot]));
  const color = Int32Array.from(themes, (theme) => indexOf.get(theme)!);
  const neighbours = themes.map((theme) => [...(adjacency.get(theme) ?? [])].filter(([other]) => slotOf.has(other)).map(([other, weight]) => [slotOf.get(other)!, weight] as const));
  const target = DISTINCT_ENOUGH * 1.5;
  const clash = (slot: number, index: number, skip: number): number => {
    let cost = 0;
    for (const [other, weight] of neighbours[slot]!) {
      if (other === skip) continue;
      const shortfall = target - distance(index, color[other]!);
      if (shortfall > 0) cost += weight * shortfall * shortfall;
    }
    return cost;
  };
  for (let pass = 0; pass < 12; pass++) {
    let improved = false;
    for (let a = 0; a < themes.length; a++) {
      for (let b = a + 1; b < themes.length; b++) {
        const before = clash(a, color[a]!, b) + clash(b, color[b]!, a);
        const after = clash(a, color[b]!, b) + clash(b, color[a]!, a);
        if (after < before - 1e-12) {
          [color[a], color[b]] = [color[b]!, color[a]!];
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  themes.forEach((theme, slot) => indexOf.set(theme, color[slot]!));
}

/**
 * The colour of every topic of a map, by topic id: broad themes by graph colouring of their adjacency on the map
 * (`themeAdjacency`, `themeColorIndices`), subtopics in shades of their theme (`atlasTopicColors`). The map, its
 * legend, the no-JS topic list and every topic badge use this, so a topic looks the same everywhere.
 * @example mapTopicColors({ topics: [{ id: 0, parent: null }], papers: [{ topic: 0, x: 0, y: 0 }] }) // => ['#0072B2']
 */
export function mapTopicColors(atlas: { topics: readonly PaletteTopic[]; papers: readonly ColoringPaper[] }): string[] {
  const indices = themeColorIndices(atlas.topics, themeAdjacency(atlas.topics, atlas.papers));
  return atlasTopicColors(atlas.topics, indices);
}

/** A colour in OKLab as seen with normal vision, deuteranopia and protanopia. */
type VisionLabs = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/** Viénot, Brettel & Mollon (1999) dichromat simulation in linear sRGB (the matrices colorspacious and DaltonLens use). */
const DEUTERANOPIA = [0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1] as const;
const PROTANOPIA = [0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1] as const;

function visionLabs(hex: string): VisionLabs {
  const rgb = hexToRgb(hex);
  const linear = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const simulate = (m: readonly number[]): [number, number, number] => {
    const mixed = [0, 1, 2].map((row) => m[row * 3]! * linear[0] + m[row * 3 + 1]! * linear[1] + m[row * 3 + 2]! * linear[2]);
    return mixed.map((value) => {
      const v = Math.min(1, Math.max(0, value));
      return (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255;
    }) as [number, number, number];
  };
  return [rgbToOklab(rgb), rgbToOklab(simulate(DEUTERANOPIA)), rgbToOklab(simulate(PROTANOPIA))];
}

/** The smallest OKLab distance between two colours across the three kinds of vision. */
function visionDistance(a: VisionLabs, b: VisionLabs): number {
  let smallest = Infinity;
  for (let i = 0; i < 3; i++) {
    const p = a[i]!;
    const q = b[i]!;
    smallest = Math.min(smallest, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
  }
  return smallest;
}
