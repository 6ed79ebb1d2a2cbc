/** A label that wants a spot: centred on (x, y) in screen pixels when it can be. */
export interface LabelCandidate {
  /** Stable identity (the topic id); the tiebreak when priorities are equal. */
  id: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first (e.g. broad themes above subtopics, then by paper count). */
  priority: number;
  /** Positions to try for this label (a paper title beside its dot); the options' shifts when absent. */
  shifts?: ReadonlyArray<readonly [number, number]>;
  /** false: the label is dropped rather than slid inside the viewport (it must stay beside its dot). Default true. */
  slides?: boolean;
}

/** Where a label went: its top-left corner and size in screen pixels. */
export interface PlacedLabel {
  id: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A screen rectangle labels must stay clear of (the legend, the search box). */
export interface Obstacle {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlaceLabelsOptions {
  /** Empty space kept between two labels and around obstacles, in pixels. Default 4. */
  gapPx?: number;
  /** Distance a label must keep from the viewport edge, in pixels. Default 2. */
  edgePx?: number;
  /**
   * Positions to try, as shifts from centred in label widths (x) and label heights (y); the first that fits wins.
   * Default: centred, then just above, just below, left of and right of the anchor.
   */
  shifts?: ReadonlyArray<readonly [number, number]>;
  obstacles?: readonly Obstacle[];
}

const DEFAULT_SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, -0.75],
  [0, 0.75],
  [-0.45, 0],
  [0.45, 0],
];

/**
 * Place labels greedily by priority so that no two overlap: each label takes the first of its candidate positions
 * that lies inside the viewport and clear of every label placed before it (and of the obstacles); labels that fit
 * nowhere are left out. A label whose anchor is on screen is slid inside the viewport rather than dropped. This is the usual cartographic greedy placement (as in datamapplot's text placement); it is
 * O(n²) in the placed labels, which is fine for the few hundred topic labels a map has.
 * @param candidates labels with anchors, sizes and priorities
 * @param viewport the visible area in pixels
 * @returns the labels that fit, in placement order (highest priority first)
 * @example placeLabels([{ id: 0, x: 50, y: 50, width: 40, height: 10, priority: 2 }, { id: 1, x: 52, y: 62, width: 40, height: 10, priority: 1 }], { width: 100, height: 100 }).map((l) => l.top) // => [45, 64.5] (label 1 moves below)
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  viewport: { width: number; height: number },
  options: PlaceLabelsOptions = {},
): PlacedLabel[] {
  const gap = options.gapPx ?? 4;
  const edge = options.edgePx ?? 2;
  const shifts = options.shifts ?? DEFAULT_SHIFTS;
  const blocked: Obstacle[] = (options.obstacles ?? []).map((box) => ({
    left: box.left - gap,
    top: box.top - gap,
    width: box.width + 2 * gap,
    height: box.height + 2 * gap,
  }));
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const placed: PlacedLabel[] = [];
  for (const label of ordered) {
    // A cluster near the edge keeps its label: the box slides inside the viewport while its anchor is on screen.
    const isAnchorVisible = label.x >= 0 && label.y >= 0 && label.x <= viewport.width && label.y <= viewport.height;
    const slides = label.slides !== false && isAnchorVisible;
    for (const [shiftX, shiftY] of label.shifts ?? shifts) {
      let left = label.x - label.width / 2 + shiftX * label.width;
      let top = label.y - label.height / 2 + shiftY * label.height;
      if (slides) {
        left = Math.min(Math.max(left, edge), viewport.width - edge - label.width);
        top = Math.min(Math.max(top, edge), viewport.height - edge - label.height);
      }
      const inside =
        left >= edge &&
        top >= edge &&
        left + label.width <= viewport.width - edge &&
        top + label.height <= viewport.height - edge;
      if (!inside) continue;
      const box = { left, top, width: label.width, height: label.height };
      if (blocked.some((other) => overlaps(box, other, gap))) continue;
      placed.push({ id: label.id, ...box });
      blocked.push(box);
      break;
    }
  }
  return placed;
}

/**
 * Whether two boxes come closer than `gap` pixels to each other.
 * @example overlaps({ left: 0, top: 0, width: 10, height: 10 }, { left: 12, top: 0, width: 10, height: 10 }, 4) // => true
 */
export function overlaps(a: Obstacle, b: Obstacle, gap: number): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/**
 * Split a topic label into at most two balanced lines at its ` · ` separators, so long labels form compact blocks
 * that collide less. Labels without a separator, or short enough, stay on one line.
 * @example splitLabel('graph neural networks · message passing · over-smoothing', 24) // => ['graph neural networks ·', 'message passing · over-smoothing']
 */
export function splitLabel(label: string, maxLineChars: number): string[] {
  const parts = label.split(' · ');
  if (label.length <= maxLineChars || parts.length < 2) return [label];
  let best: string[] = [label];
  let bestLongest = Infinity;
  for (let cut = 1; cut < parts.length; cut++) {
    const first = `${parts.slice(0, cut).join(' · ')} ·`;
    const second = parts.slice(cut).join(' · ');
    const longest = Math.max(first.length, second.length);
    if (longest < bestLongest) {
      best = [first, second];
      bestLongest = longest;
    }
  }
  return best;
}
