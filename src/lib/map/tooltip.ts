/** How the visitor reached the paper the tooltip shows, which decides what it says opens it. */
export interface TooltipContext {
  /** false on a picture-only map, which links to the full map. */
  isInteractive: boolean;
  /** The last pointer was a finger: a first tap previews, a second opens. */
  isTouch: boolean;
  /** The paper was picked with the arrow keys and the pointer hovers nothing. */
  isKeyboardSelection: boolean;
}

/**
 * The tooltip's last line: how to open the paper.
 * @example tooltipHint({ isInteractive: true, isTouch: false, isKeyboardSelection: true }) // => 'Enter to open'
 */
export function tooltipHint(context: TooltipContext): string {
  if (!context.isInteractive) return 'Open the full map';
  if (context.isTouch) return 'Tap again to open';
  return context.isKeyboardSelection ? 'Enter to open' : 'Click to open';
}

/** Pixels between the tooltip and the stage's edges. */
const EDGE_MARGIN_PX = 8;
/** Pixels between the tooltip and the dot it describes. */
const POINT_GAP_PX = 14;

/** A screen rectangle the tooltip should not cover (a topic label). */
export interface TooltipAvoid {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Top-left corner of a `width` × `height` tooltip for a dot at (x, y) in a `stageWidth` × `stageHeight` stage, kept
 * 8 px inside the stage: centred above the dot when there is room, else below it; then beside it (right, left).
 * The first of these that covers none of the `avoid` boxes (the labels on screen, so the tooltip never hides the
 * name of the cluster the reader is looking into) wins; when each covers some, the one covering the least area.
 * @example tooltipPosition(100, 100, 120, 40, 800, 600) // => { left: 40, top: 46 }
 * @example tooltipPosition(100, 100, 120, 40, 800, 600, [{ left: 40, top: 40, width: 120, height: 30 }]) // => { left: 40, top: 114 }
 */
export function tooltipPosition(
  x: number,
  y: number,
  width: number,
  height: number,
  stageWidth: number,
  stageHeight: number,
  avoid: readonly TooltipAvoid[] = [],
): { left: number; top: number } {
  const clampLeft = (left: number) => Math.min(Math.max(EDGE_MARGIN_PX, left), Math.max(EDGE_MARGIN_PX, stageWidth - width - EDGE_MARGIN_PX));
  const clampTop = (top: number) => Math.min(Math.max(EDGE_MARGIN_PX, top), Math.max(EDGE_MARGIN_PX, stageHeight - height - EDGE_MARGIN_PX));
  const centredLeft = clampLeft(x - width / 2);
  const above = y - POINT_GAP_PX - height;
  const below = y + POINT_GAP_PX;
  const candidates: Array<{ left: number; top: number }> = [];
  if (above >= EDGE_MARGIN_PX) candidates.push({ left: centredLeft, top: above });
  if (below + height <= stageHeight - EDGE_MARGIN_PX || candidates.length === 0) candidates.push({ left: centredLeft, top: clampTop(below) });
  if (avoid.length === 0) return candidates[0]!;
  const besideTop = clampTop(y - height / 2);
  if (x + POINT_GAP_PX + width <= stageWidth - EDGE_MARGIN_PX) candidates.push({ left: x + POINT_GAP_PX, top: besideTop });
  if (x - POINT_GAP_PX - width >= EDGE_MARGIN_PX) candidates.push({ left: x - POINT_GAP_PX - width, top: besideTop });
  let best = candidates[0]!;
  let bestCovered = Infinity;
  for (const candidate of candidates) {
    let covered = 0;
    for (const box of avoid) {
      const overlapX = Math.min(candidate.left + width, box.left + box.width) - Math.max(candidate.left, box.left);
      const overlapY = Math.min(candidate.top + height, box.top + box.height) - Math.max(candidate.top, box.top);
      if (overlapX > 0 && overlapY > 0) covered += overlapX * overlapY;
    }
    if (covered === 0) return candidate;
    if (covered < bestCovered) {
      best = candidate;
      bestCovered = covered;
    }
  }
  return best;
}
