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
  /**
   * Smaller forms to try, in order, when the label fits nowhere in its own form (a theme's first key phrase, a
   * smaller font, then farther out with a leader line): tried after every label has had its own form, so no label
   * is shortened to make room for a lower one.
   */
  fallbacks?: readonly LabelForm[];
}

/** Another size for a label, with its own positions (shifts in its own widths and heights, from the anchor). */
export interface LabelForm {
  width: number;
  height: number;
  shifts: ReadonlyArray<readonly [number, number]>;
  /** Joined to its anchor by a line, which must not cross another label. */
  leader?: boolean;
}

/** Where a label went: its top-left corner and size in screen pixels. */
export interface PlacedLabel {
  id: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0: the label's own form; n: its n-th fallback form. */
  form: number;
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
 * nowhere are left out, unless a fallback form fits (tried once every label has had its own form). A label whose
 * anchor is on screen is slid inside the viewport rather than dropped. This is the usual cartographic greedy placement (as in datamapplot's text placement); it is
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
  const place = (label: LabelCandidate, form: LabelForm, formIndex: number): boolean => {
    // A cluster near the edge keeps its label: the box slides inside the viewport while its anchor is on screen.
    const isAnchorVisible = label.x >= 0 && label.y >= 0 && label.x <= viewport.width && label.y <= viewport.height;
    const slides = label.slides !== false && isAnchorVisible;
    for (const [shiftX, shiftY] of form.shifts) {
      let left = label.x - form.width / 2 + shiftX * form.width;
      let top = label.y - form.height / 2 + shiftY * form.height;
      if (slides) {
        left = Math.min(Math.max(left, edge), viewport.width - edge - form.width);
        top = Math.min(Math.max(top, edge), viewport.height - edge - form.height);
      }
      const inside =
        left >= edge &&
        top >= edge &&
        left + form.width <= viewport.width - edge &&
        top + form.height <= viewport.height - edge;
      if (!inside) continue;
      const box = { left, top, width: form.width, height: form.height };
      if (blocked.some((other) => overlaps(box, other, gap))) continue;
      if (form.leader) {
        const [endX, endY] = nearestPointOfBox(box, label.x, label.y);
        if (blocked.some((other) => segmentCrossesBox(label.x, label.y, endX, endY, other))) continue;
      }
      placed.push({ id: label.id, ...box, form: formIndex });
      blocked.push(box);
      return true;
    }
    return false;
  };
  const unplaced: LabelCandidate[] = [];
  for (const label of ordered) {
    if (!place(label, { width: label.width, height: label.height, shifts: label.shifts ?? shifts }, 0) && label.fallbacks?.length) unplaced.push(label);
  }
  for (const label of unplaced) label.fallbacks!.some((form, index) => place(label, form, index + 1));
  return placed;
}

/**
 * The point of `box` nearest to (x, y): where a leader line from (x, y) meets the label.
 * @example nearestPointOfBox({ left: 10, top: 10, width: 20, height: 10 }, 0, 15) // => [10, 15]
 */
export function nearestPointOfBox(box: Obstacle, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.left), box.left + box.width), Math.min(Math.max(y, box.top), box.top + box.height)];
}

/**
 * Whether the segment (x0, y0)–(x1, y1) passes through `box` (Liang–Barsky clipping).
 * @example segmentCrossesBox(0, 5, 20, 5, { left: 8, top: 0, width: 4, height: 10 }) // => true
 */
export function segmentCrossesBox(x0: number, y0: number, x1: number, y1: number, box: Obstacle): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let enter = 0;
  let leave = 1;
  const edges: Array<[number, number]> = [
    [-dx, x0 - box.left],
    [dx, box.left + box.width - x0],
    [-dy, y0 - box.top],
    [dy, box.top + box.height - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
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
