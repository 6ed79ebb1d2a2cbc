import type { Bounds } from './bounds.ts';

/**
 * How data coordinates become "world" pixels at zoom 1: `world = data * scale + offset`, after a quarter turn of
 * the data when `turned` (a wide map on a tall phone screen fills it turned; distances and neighbours stay), or
 * mirrored along an axis with `flipX` / `flipY` (an empty corner of the map then lies under a short side panel).
 * The zoom transform then maps world to screen: `screen = world * k + (x, y)` (d3-zoom's convention).
 */
export interface BaseFit {
  scale: number;
  offsetX: number;
  offsetY: number;
  /** The data is turned a quarter clockwise: data (x, y) is drawn at (−y, x). */
  turned?: boolean;
  /** The data is mirrored left to right: x is drawn at −x. Never together with `turned`. */
  flipX?: boolean;
  /** The data is mirrored top to bottom: y is drawn at −y. Never together with `turned`. */
  flipY?: boolean;
}

/**
 * A data point in world pixels (zoom 1).
 * @example dataToWorld({ scale: 100, offsetX: 0, offsetY: 0, turned: true }, 0.5, 0.25) // => [-25, 50]
 */
export function dataToWorld(fit: BaseFit, x: number, y: number): [number, number] {
  const [u, v] = fit.turned ? [-y, x] : [fit.flipX ? -x : x, fit.flipY ? -y : y];
  return [u * fit.scale + fit.offsetX, v * fit.scale + fit.offsetY];
}

/**
 * The data point at world pixel (wx, wy): the inverse of `dataToWorld`.
 * @example worldToData({ scale: 100, offsetX: 0, offsetY: 0, turned: true }, -25, 50) // => [0.5, 0.25]
 */
export function worldToData(fit: BaseFit, wx: number, wy: number): [number, number] {
  const u = (wx - fit.offsetX) / fit.scale;
  const v = (wy - fit.offsetY) / fit.scale;
  return fit.turned ? [v, -u] : [fit.flipX ? -u : u, fit.flipY ? -v : v];
}

/**
 * The data offset that moves the view `dxPx` screen pixels to the right at zoom `zoom` (panels on the right shift
 * the centre of what is framed).
 * @example screenShiftToData({ scale: 100, offsetX: 0, offsetY: 0 }, 50, 2) // => [0.25, 0]
 */
export function screenShiftToData(fit: BaseFit, dxPx: number, zoom: number): [number, number] {
  const shift = dxPx / (zoom * fit.scale);
  return fit.turned ? [0, -shift] : [fit.flipX ? -shift : shift, 0];
}

/** A d3-zoom-like transform: screen = world * k + (x, y). */
export interface ZoomTransformLike {
  k: number;
  x: number;
  y: number;
}

/** A view independent of the screen size: the zoom factor and the data point at the centre of the viewport. */
export interface MapView {
  zoom: number;
  centerX: number;
  centerY: number;
}

/**
 * The uniform scale and offset that fit `bounds` into a `width` × `height` viewport with `paddingPx` on every side,
 * centred. A degenerate box (one point) is treated as a unit square around it.
 * With `turned`, the data turned a quarter (see `BaseFit`) is fitted instead.
 * @example fitBounds({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 200, 100, 0) // => { scale: 100, offsetX: 50, offsetY: 0 }
 */
export function fitBounds(original: Bounds, width: number, height: number, paddingPx: number, turned = false): BaseFit {
  const bounds = turned ? { minX: -original.maxY, maxX: -original.minY, minY: original.minX, maxY: original.maxX } : original;
  const spanX = bounds.maxX - bounds.minX || 1;
  const spanY = bounds.maxY - bounds.minY || 1;
  const innerWidth = Math.max(1, width - 2 * paddingPx);
  const innerHeight = Math.max(1, height - 2 * paddingPx);
  const scale = Math.min(innerWidth / spanX, innerHeight / spanY);
  const midX = (bounds.minX + bounds.maxX) / 2;
  const midY = (bounds.minY + bounds.maxY) / 2;
  const fit: BaseFit = { scale, offsetX: width / 2 - midX * scale, offsetY: height / 2 - midY * scale };
  if (turned) fit.turned = true;
  return fit;
}

/**
 * The zoom transform that shows `view` in a `width` × `height` viewport.
 * @example transformForView({ scale: 100, offsetX: 0, offsetY: 0 }, { zoom: 2, centerX: 0.5, centerY: 0.5 }, 100, 100) // => { k: 2, x: -50, y: -50 }
 */
export function transformForView(fit: BaseFit, view: MapView, width: number, height: number): ZoomTransformLike {
  const [worldX, worldY] = dataToWorld(fit, view.centerX, view.centerY);
  return { k: view.zoom, x: width / 2 - worldX * view.zoom, y: height / 2 - worldY * view.zoom };
}

/**
 * The view a zoom transform shows: the inverse of `transformForView`.
 * @example viewForTransform({ scale: 100, offsetX: 0, offsetY: 0 }, { k: 2, x: -50, y: -50 }, 100, 100) // => { zoom: 2, centerX: 0.5, centerY: 0.5 }
 */
export function viewForTransform(fit: BaseFit, transform: ZoomTransformLike, width: number, height: number): MapView {
  const [centerX, centerY] = worldToData(fit, (width / 2 - transform.x) / transform.k, (height / 2 - transform.y) / transform.k);
  return { zoom: transform.k, centerX, centerY };
}

/**
 * The view that frames `bounds` with `paddingPx` around it, zoom clamped to [minZoom, maxZoom].
 * @example viewForBounds({ scale: 100, offsetX: 0, offsetY: 0 }, { minX: 0, minY: 0, maxX: 0.5, maxY: 0.5 }, 100, 100, 0, 1, 8) // => { zoom: 2, centerX: 0.25, centerY: 0.25 }
 */
export function viewForBounds(
  fit: BaseFit,
  bounds: Bounds,
  width: number,
  height: number,
  paddingPx: number,
  minZoom: number,
  maxZoom: number,
): MapView {
  const spanX = Math.max((fit.turned ? bounds.maxY - bounds.minY : bounds.maxX - bounds.minX) * fit.scale, 1e-9);
  const spanY = Math.max((fit.turned ? bounds.maxX - bounds.minX : bounds.maxY - bounds.minY) * fit.scale, 1e-9);
  const zoom = Math.min(
    Math.max(1, width - 2 * paddingPx) / spanX,
    Math.max(1, height - 2 * paddingPx) / spanY,
  );
  return {
    zoom: Math.min(maxZoom, Math.max(minZoom, zoom)),
    centerX: (bounds.minX + bounds.maxX) / 2,
    centerY: (bounds.minY + bounds.maxY) / 2,
  };
}

/**
 * A view part way from `from` to `to` (`t` in [0, 1]): zoom moves geometrically so a 1→8 zoom feels even,
 * and the centre moves in step with it.
 * @example interpolateView({ zoom: 1, centerX: 0, centerY: 0 }, { zoom: 4, centerX: 1, centerY: 1 }, 0.5) // => { zoom: 2, centerX: 0.5, centerY: 0.5 }
 */
export function interpolateView(from: MapView, to: MapView, t: number): MapView {
  return {
    zoom: from.zoom * (to.zoom / from.zoom) ** t,
    centerX: from.centerX + (to.centerX - from.centerX) * t,
    centerY: from.centerY + (to.centerY - from.centerY) * t,
  };
}

/**
 * Where a data point lands on screen: data → world pixels by `fit`, world → screen by the zoom transform.
 * @example dataToScreen({ scale: 100, offsetX: 10, offsetY: 0 }, { k: 2, x: 5, y: 0 }, 0.5, 0.25) // => [125, 50]
 */
export function dataToScreen(fit: BaseFit, transform: ZoomTransformLike, x: number, y: number): [number, number] {
  const { k, x: tx, y: ty } = transform;
  const [worldX, worldY] = dataToWorld(fit, x, y);
  return [worldX * k + tx, worldY * k + ty];
}

/**
 * The data point under a screen pixel: the inverse of `dataToScreen`.
 * @example screenToData({ scale: 100, offsetX: 10, offsetY: 0 }, { k: 2, x: 5, y: 0 }, 125, 50) // => [0.5, 0.25]
 */
export function screenToData(fit: BaseFit, transform: ZoomTransformLike, sx: number, sy: number): [number, number] {
  const { k, x: tx, y: ty } = transform;
  return worldToData(fit, (sx - tx) / k, (sy - ty) / k);
}

/**
 * Whether a transform is the home view (zoom 1, no pan), within rounding: a home view is not written to the URL,
 * and when the stage changes size the map is fitted again rather than kept on its centre.
 * @example isHomeTransform({ k: 1, x: 0.2, y: -0.3 }) // => true
 */
export function isHomeTransform(transform: ZoomTransformLike): boolean {
  const { k, x, y } = transform;
  return Math.abs(k - 1) < 1e-6 && Math.abs(x) < 0.5 && Math.abs(y) < 0.5;
}

/**
 * Cubic easing in and out of animation progress `t` in [0, 1]: slow start, slow landing.
 * @example easeInOutCubic(0.25) // => 0.0625
 */
export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}
