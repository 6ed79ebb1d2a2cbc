import type { Bounds } from './bounds.ts';
import { screenShiftToData, viewForBounds, type BaseFit, type MapView } from './view-transform.ts';

/** Zooming out further than this only shrinks the map into a corner. */
export const MIN_ZOOM = 0.7;

/** Margin around the fitted points, in pixels, at least: 4% of the stage's short side on large screens. */
const FRAME_PADDING_PX = 28;

/** A screen rectangle (from getBoundingClientRect), in CSS pixels. */
export interface ScreenBox {
  left: number;
  right: number;
  width: number;
}

/**
 * The deepest zoom for a map of `pointCount` papers: enough to pull apart the densest cluster of a large map,
 * never less than 16 nor more than 200.
 * @example maxZoomForCount(10_000) // => 50
 */
export function maxZoomForCount(pointCount: number): number {
  return Math.min(200, Math.max(16, Math.sqrt(pointCount) / 2));
}

/**
 * A zoom factor kept within [MIN_ZOOM, maxZoom].
 * @example clampZoom(0.2, 16) // => 0.7
 */
export function clampZoom(zoom: number, maxZoom: number): number {
  return Math.min(maxZoom, Math.max(MIN_ZOOM, zoom));
}

/**
 * The padding the points are fitted with in a `width` × `height` stage.
 * @example framePaddingPx(1280, 800) // => 32
 */
export function framePaddingPx(width: number, height: number): number {
  return Math.max(FRAME_PADDING_PX, Math.min(width, height) * 0.04);
}

/**
 * Width the open legend takes at the stage's right edge, which the map is fitted beside. On a wide stage (640 px
 * or more) the legend is a side panel when it starts in the right half: the points are fitted beside it, however
 * short it is, so no topic starts out hidden under it. Otherwise (a phone's bottom sheet) 0.
 * @example sidePanelInset({ left: 0, right: 1280, width: 1280 }, { left: 980, right: 1268, width: 288 }) // => 300
 */
export function sidePanelInset(stage: ScreenBox, panel: ScreenBox): number {
  const isSidePanel = stage.width >= 640 && panel.left > stage.left + stage.width * 0.5;
  return isSidePanel ? Math.max(0, stage.right - panel.left) : 0;
}

/**
 * The view that frames a topic's `bounds` (56 px padding, zoom 1 to min(maxZoom, 12)) in the part of a
 * `width` × `height` stage left of a `rightInset` panel: the centre shifts right by half the inset.
 * @example topicView({ scale: 100, offsetX: 0, offsetY: 0 }, { minX: 0, minY: 0, maxX: 1, maxY: 1 }, 312, 212, 100, 16)
 * // => { zoom: 1, centerX: 1, centerY: 0.5 }
 */
export function topicView(fit: BaseFit, bounds: Bounds, width: number, height: number, rightInset: number, maxZoom: number): MapView {
  const view = viewForBounds(fit, bounds, width - rightInset, height, 56, 1, Math.min(maxZoom, 12));
  const [shiftX, shiftY] = screenShiftToData(fit, rightInset / 2, view.zoom);
  return { ...view, centerX: view.centerX + shiftX, centerY: view.centerY + shiftY };
}

/**
 * The view that brings a selected paper back into sight, or null when it is already well inside the free area
 * (15% margins on every side of the stage left of `rightInset`). The zoom stays; the paper moves to the centre.
 * @example revealView({ scale: 100, offsetX: 0, offsetY: 0 }, 2, [5, 50], [0.3, 0.4], 200, 100, 0)
 * // => { zoom: 2, centerX: 0.3, centerY: 0.4 }
 */
export function revealView(
  fit: BaseFit,
  zoom: number,
  screenPoint: readonly [number, number],
  dataPoint: readonly [number, number],
  width: number,
  height: number,
  rightInset: number,
): MapView | null {
  const [sx, sy] = screenPoint;
  const freeWidth = width - rightInset;
  const marginX = freeWidth * 0.15;
  const marginY = height * 0.15;
  if (sx >= marginX && sx <= freeWidth - marginX && sy >= marginY && sy <= height - marginY) return null;
  const [shiftX, shiftY] = screenShiftToData(fit, rightInset / 2, zoom);
  return { zoom, centerX: dataPoint[0] + shiftX, centerY: dataPoint[1] + shiftY };
}
