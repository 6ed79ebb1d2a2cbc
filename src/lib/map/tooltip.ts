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

/**
 * Top-left corner of a `width` × `height` tooltip for a dot at (x, y) in a `stageWidth` × `stageHeight` stage:
 * centred above the dot when there is room, else below it, and kept 8 px inside the stage.
 * @example tooltipPosition(100, 100, 120, 40, 800, 600) // => { left: 40, top: 46 }
 */
export function tooltipPosition(x: number, y: number, width: number, height: number, stageWidth: number, stageHeight: number): { left: number; top: number } {
  const left = Math.min(Math.max(EDGE_MARGIN_PX, x - width / 2), Math.max(EDGE_MARGIN_PX, stageWidth - width - EDGE_MARGIN_PX));
  const above = y - POINT_GAP_PX - height;
  const top = above >= EDGE_MARGIN_PX ? above : Math.min(y + POINT_GAP_PX, Math.max(EDGE_MARGIN_PX, stageHeight - height - EDGE_MARGIN_PX));
  return { left, top };
}
