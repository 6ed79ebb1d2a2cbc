import type { Bounds } from './bounds.ts';

/** Where a topic's label goes when the view shows only part of it: on its points that are in view. */
export interface ViewAnchor {
  /** Data coordinates of the in-view member nearest the mean of the in-view members (a label sits on its dots). */
  x: number;
  y: number;
  /** How many of the topic's papers are in view. */
  count: number;
}

/**
 * Label anchors for the topics seen in `view` (data coordinates): each finest topic, and each theme through its
 * subtopics, with at least `minCount` papers in view gets an anchor on the in-view paper nearest their mean, so a
 * deep zoom into a cluster still names it even when the topic's centroid is far off screen. Linear in the papers.
 * @param parentOf parent topic id of each topic id (null for a theme)
 * @example topicAnchorsInView([0, 0.1, 5], [0, 0.1, 5], [1, 1, 1], [0, null], { minX: -1, minY: -1, maxX: 1, maxY: 1 }, 2).get(1) // => { x: 0, y: 0, count: 2 }
 */
export function topicAnchorsInView(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  topicOfPaper: ArrayLike<number>,
  parentOf: readonly (number | null)[],
  view: Bounds,
  minCount: number,
): Map<number, ViewAnchor> {
  const sums = new Map<number, { x: number; y: number; count: number; members: number[] }>();
  const add = (topic: number, index: number, x: number, y: number) => {
    let sum = sums.get(topic);
    if (!sum) sums.set(topic, (sum = { x: 0, y: 0, count: 0, members: [] }));
    sum.x += x;
    sum.y += y;
    sum.count += 1;
    sum.members.push(index);
  };
  for (let index = 0; index < xs.length; index++) {
    const x = xs[index] as number;
    const y = ys[index] as number;
    if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) continue;
    const topic = topicOfPaper[index] as number;
    add(topic, index, x, y);
    const parent = parentOf[topic];
    if (parent !== null && parent !== undefined) add(parent, index, x, y);
  }
  const anchors = new Map<number, ViewAnchor>();
  for (const [topic, sum] of [...sums].sort((a, b) => a[0] - b[0])) {
    if (sum.count < minCount) continue;
    const meanX = sum.x / sum.count;
    const meanY = sum.y / sum.count;
    let best = sum.members[0] as number;
    let bestDistance = Infinity;
    for (const index of sum.members) {
      const distance = ((xs[index] as number) - meanX) ** 2 + ((ys[index] as number) - meanY) ** 2;
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
    anchors.set(topic, { x: xs[best] as number, y: ys[best] as number, count: sum.count });
  }
  return anchors;
}

/** A paper whose title may label the map, and how much it matters (placed highest first). */
export interface TitleCandidate {
  index: number;
  /** Papers it stands for: 1 for a paper shown by itself, the cell's paper count for a representative. */
  weight: number;
}

/**
 * The papers in `view` (data coordinates) whose titles may label the map: the emphasised ones when some are dimmed
 * (`emphasis` flags), else all. When at most `limit` are in view, each paper stands for itself. Otherwise the view
 * is cut into cells `cellWidth` × `cellHeight` (data units; a label's size on screen) and each cell with at least
 * three papers is named by its most central paper (the one nearest the cell's mean), weighted by the cell's count:
 * the titles of the papers at the heart of each small group, a fine level below the subtopics. Index order.
 * @example titleCandidates([0, 0.5, 3], [0, 0.5, 3], null, { minX: 0, minY: 0, maxX: 1, maxY: 1 }, 5, 1, 1) // => [{ index: 0, weight: 1 }, { index: 1, weight: 1 }]
 */
export function titleCandidates(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  emphasis: ArrayLike<number> | null,
  view: Bounds,
  limit: number,
  cellWidth: number,
  cellHeight: number,
): TitleCandidate[] {
  const inView: number[] = [];
  for (let index = 0; index < xs.length; index++) {
    if (emphasis && !emphasis[index]) continue;
    const x = xs[index] as number;
    const y = ys[index] as number;
    if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) continue;
    inView.push(index);
  }
  if (inView.length <= limit) return inView.map((index) => ({ index, weight: 1 }));
  const cells = new Map<string, number[]>();
  for (const index of inView) {
    const key = `${Math.floor(((xs[index] as number) - view.minX) / cellWidth)},${Math.floor(((ys[index] as number) - view.minY) / cellHeight)}`;
    const members = cells.get(key);
    if (members) members.push(index);
    else cells.set(key, [index]);
  }
  const candidates: TitleCandidate[] = [];
  for (const members of cells.values()) {
    if (members.length < 3) continue;
    let meanX = 0;
    let meanY = 0;
    for (const index of members) {
      meanX += xs[index] as number;
      meanY += ys[index] as number;
    }
    meanX /= members.length;
    meanY /= members.length;
    let best = members[0] as number;
    let bestDistance = Infinity;
    for (const index of members) {
      const distance = ((xs[index] as number) - meanX) ** 2 + ((ys[index] as number) - meanY) ** 2;
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
    candidates.push({ index: best, weight: members.length });
  }
  return candidates.sort((a, b) => a.index - b.index);
}

/**
 * How many paper titles a `width` × `height` map may show at once: one per 11,000 square pixels (about 90 on a
 * 1280 × 800 screen, 30 on a phone), at most 120.
 * @example titleLimit(1280, 800) // => 93
 */
export function titleLimit(width: number, height: number): number {
  return Math.min(120, Math.floor((width * height) / 11_000));
}

/**
 * A paper title cut to at most `maxChars` characters at a word boundary, with an ellipsis when cut; whitespace
 * runs (line breaks in the source) become single spaces.
 * @example shortTitle('Attention Is All You Need for Graph Transformers', 24) // => 'Attention Is All You…'
 */
export function shortTitle(title: string, maxChars: number): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;.-]+$/, '')}…`;
}

/**
 * The counts of papers in `view` per topic id, themes counting their subtopics' papers, for the topics panel
 * that follows the view; only papers with a non-zero `emphasis` flag count when `emphasis` is given.
 * @example papersInViewByTopic([0, 5], [0, 5], [1, 2], [0, 0, null], null, { minX: -1, minY: -1, maxX: 1, maxY: 1 }) // => Map { 1 => 1, 0 => 1 }
 */
export function papersInViewByTopic(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  topicOfPaper: ArrayLike<number>,
  parentOf: readonly (number | null)[],
  emphasis: ArrayLike<number> | null,
  view: Bounds,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (let index = 0; index < xs.length; index++) {
    if (emphasis && !emphasis[index]) continue;
    const x = xs[index] as number;
    const y = ys[index] as number;
    if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) continue;
    const topic = topicOfPaper[index] as number;
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
    const parent = parentOf[topic];
    if (parent !== null && parent !== undefined) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  return counts;
}
