import type { Bounds } from './bounds.ts';
import { fitBounds, type BaseFit } from './view-transform.ts';

/** A screen rectangle in stage pixels (an overlay: the topics panel, the search bar, the buttons). */
export interface StageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Cells per side of the occupancy grid: a cell is under 10 px at zoom 1 on a laptop (the fit errs by less than a
 * cell), and five grids of 129² running totals cost a few milliseconds on a phone's first paint.
 */
const GRID_CELLS = 128;
/** Each tried scale is this share of the one before: 40 steps go down to a fifth of the whole-stage fit. */
const SCALE_STEP = 0.96;
const SCALE_STEPS = 40;
/** Positions tried per axis within the room a scale leaves: centred first, then towards the edges. */
const POSITIONS_PER_AXIS = 9;
/** Pixels kept between a dot and an overlay (a dot's radius and a little air). */
const OBSTACLE_MARGIN_PX = 6;

/**
 * Where the points of a map are, as counts on a grid over their bounding box with 2-D prefix sums, so "are there
 * points in this rectangle?" costs four lookups however many papers the map has.
 */
export interface PointGrid {
  bounds: Bounds;
  cells: number;
  /** (cells + 1)² running totals: prefix[(row) * (cells + 1) + column] counts the points below and left of the corner. */
  prefix: Uint32Array;
}

/**
 * The occupancy grid of points (u, v) (already turned when the map is drawn turned).
 * @example pointsInBox(pointGrid([0, 1], [0, 1]), { minX: 0.9, minY: 0.9, maxX: 2, maxY: 2 }) // => 1
 */
export function pointGrid(us: ArrayLike<number>, vs: ArrayLike<number>, cells = GRID_CELLS): PointGrid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < us.length; i++) {
    const u = us[i] as number;
    const v = vs[i] as number;
    if (u < minX) minX = u;
    if (u > maxX) maxX = u;
    if (v < minY) minY = v;
    if (v > maxY) maxY = v;
  }
  if (us.length === 0) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  const bounds = { minX, minY, maxX: maxX > minX ? maxX : minX + 1, maxY: maxY > minY ? maxY : minY + 1 };
  const side = cells + 1;
  const prefix = new Uint32Array(side * side);
  for (let i = 0; i < us.length; i++) {
    const column = cellOf(us[i] as number, bounds.minX, bounds.maxX, cells);
    const row = cellOf(vs[i] as number, bounds.minY, bounds.maxY, cells);
    prefix[(row + 1) * side + column + 1]! += 1;
  }
  for (let row = 1; row < side; row++) {
    for (let column = 1; column < side; column++) {
      const at = row * side + column;
      prefix[at] = prefix[at]! + prefix[at - 1]! + prefix[at - side]! - prefix[at - side - 1]!;
    }
  }
  return { bounds, cells, prefix };
}

/**
 * How many points of `grid` may lie in `box` (data units): the points of every cell the box touches, so never
 * fewer than the true count.
 * @example pointsInBox(pointGrid([0, 0.5, 1], [0, 0.5, 1]), { minX: -1, minY: -1, maxX: 0.2, maxY: 0.2 }) // => 1
 */
export function pointsInBox(grid: PointGrid, box: Bounds): number {
  const { bounds, cells, prefix } = grid;
  if (box.maxX < bounds.minX || box.minX > bounds.maxX || box.maxY < bounds.minY || box.minY > bounds.maxY) return 0;
  const c0 = cellOf(box.minX, bounds.minX, bounds.maxX, cells);
  const c1 = cellOf(box.maxX, bounds.minX, bounds.maxX, cells) + 1;
  const r0 = cellOf(box.minY, bounds.minY, bounds.maxY, cells);
  const r1 = cellOf(box.maxY, bounds.minY, bounds.maxY, cells) + 1;
  const side = cells + 1;
  return prefix[r1 * side + c1]! - prefix[r0 * side + c1]! - prefix[r1 * side + c0]! + prefix[r0 * side + c0]!;
}

function cellOf(value: number, min: number, max: number, cells: number): number {
  return Math.min(cells - 1, Math.max(0, Math.floor(((value - min) / (max - min)) * cells)));
}

/**
 * The largest fit of the points into a `width` × `height` stage that keeps `paddingPx` from its edges and leaves
 * no point under an overlay: the points may use the room under a short side panel or beside a small button, not
 * only the rectangle left of the panel. Scales are tried from the whole-stage fit down (4 % a step); at each, a
 * 9 × 9 set of positions in the room the scale leaves, nearest the centre first; the first position with no point
 * under any overlay wins. When even a fifth of the whole-stage scale collides (an overlay over most of the stage),
 * the whole-stage fit is returned: the map is then shown under the overlay rather than as a speck.
 * @param grid the points (turned when `turned`): pointGrid of the data, or of (−y, x) for a turned map
 * @param orientation how the grid's points are turned or mirrored (the result then draws the data so)
 * @example fitFreeArea(pointGrid([0, 1], [0, 1]), 200, 100, 0, [{ left: 150, top: 0, width: 50, height: 100 }]).scale // => 100
 */
export function fitFreeArea(
  grid: PointGrid,
  width: number,
  height: number,
  paddingPx: number,
  obstacles: readonly StageBox[],
  orientation: MapOrientation = 'upright',
): BaseFit {
  const { bounds } = grid;
  const whole = fitBounds(bounds, width, height, paddingPx);
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  const inflated = obstacles.map((box) => ({
    left: box.left - OBSTACLE_MARGIN_PX,
    top: box.top - OBSTACLE_MARGIN_PX,
    right: box.left + box.width + OBSTACLE_MARGIN_PX,
    bottom: box.top + box.height + OBSTACLE_MARGIN_PX,
  }));
  const withTurn = (fit: BaseFit): BaseFit => {
    if (orientation === 'turned') return { ...fit, turned: true };
    if (orientation === 'flipXY') return { ...fit, flipX: true, flipY: true };
    return orientation === 'upright' ? fit : { ...fit, [orientation]: true };
  };
  if (inflated.length === 0) return withTurn(whole);
  const fractions = positionFractions(POSITIONS_PER_AXIS);
  for (let step = 0; step < SCALE_STEPS; step++) {
    const scale = whole.scale * SCALE_STEP ** step;
    const roomX = width - 2 * paddingPx - spanX * scale;
    const roomY = height - 2 * paddingPx - spanY * scale;
    const positions: Array<[number, number]> = [];
    for (const fx of roomX > 0 ? fractions : [0.5]) for (const fy of roomY > 0 ? fractions : [0.5]) positions.push([fx, fy]);
    positions.sort((a, b) => Math.hypot(a[0] - 0.5, a[1] - 0.5) - Math.hypot(b[0] - 0.5, b[1] - 0.5) || a[0] - b[0] || a[1] - b[1]);
    for (const [fx, fy] of positions) {
      const offsetX = paddingPx + Math.max(0, roomX) * fx - bounds.minX * scale + Math.min(0, roomX) / 2;
      const offsetY = paddingPx + Math.max(0, roomY) * fy - bounds.minY * scale + Math.min(0, roomY) / 2;
      const isClear = inflated.every(
        (box) =>
          pointsInBox(grid, {
            minX: (box.left - offsetX) / scale,
            maxX: (box.right - offsetX) / scale,
            minY: (box.top - offsetY) / scale,
            maxY: (box.bottom - offsetY) / scale,
          }) === 0,
      );
      if (isClear) return withTurn({ scale, offsetX, offsetY });
    }
  }
  return withTurn(whole);
}

/** How a map may be drawn: upright, turned a quarter clockwise (data (x, y) at (−y, x)), or mirrored. */
export type MapOrientation = 'upright' | 'turned' | 'flipX' | 'flipY' | 'flipXY';

/** Each orientation's share of gain over upright that is worth changing a map's look for. */
const ORIENTATION_GAIN: Record<MapOrientation, number> = { upright: 1, turned: 1.25, flipX: 1.15, flipY: 1.15, flipXY: 1.15 };

/** The points of a map as occupancy grids, one per orientation, each made on first use. */
export type MapGrids = (orientation: MapOrientation) => PointGrid;

/**
 * The occupancy grids `fitMap` chooses between, each built when first asked for and kept.
 * @example mapGrids([0, 2], [0, 1])('turned').bounds // => { minX: -1, minY: 0, maxX: 0, maxY: 2 }
 */
export function mapGrids(xs: ArrayLike<number>, ys: ArrayLike<number>): MapGrids {
  const grids = new Map<MapOrientation, PointGrid>();
  const flipped = (values: ArrayLike<number>) => Array.from(values, (value) => -value);
  const build: Record<MapOrientation, () => PointGrid> = {
    upright: () => pointGrid(xs, ys),
    turned: () => pointGrid(flipped(ys), xs),
    flipX: () => pointGrid(flipped(xs), ys),
    flipY: () => pointGrid(xs, flipped(ys)),
    flipXY: () => pointGrid(flipped(xs), flipped(ys)),
  };
  return (orientation) => {
    let grid = grids.get(orientation);
    if (!grid) grids.set(orientation, (grid = build[orientation]()));
    return grid;
  };
}

/**
 * The fit of a map into the free area of its stage (`fitFreeArea`) in the orientation that shows it largest:
 * turned a quarter when that shows it at least 25% larger (a wide map on a phone held upright), mirrored when that
 * shows it at least 15% larger (the map's empty corner then lies under a short side panel: the bundled atlas on a
 * laptop, 18–28% larger); never for small gains, so most screens keep the layout as computed. A map layout has no
 * meaningful north or handedness: turning and mirroring keep every distance and neighbour.
 * @example fitMap(mapGrids([0, 2], [0, 1]), 390, 700, 20, []).turned // => true
 */
export function fitMap(grids: MapGrids, width: number, height: number, paddingPx: number, obstacles: readonly StageBox[]): BaseFit {
  let best = fitFreeArea(grids('upright'), width, height, paddingPx, obstacles);
  const upright = best.scale;
  let bestGain = 1;
  for (const orientation of ['turned', 'flipY', 'flipX', 'flipXY'] as const) {
    // A quarter turn only helps a map on a stage of the other shape, and mirroring only moves it round overlays.
    if (orientation === 'turned' ? (width >= height) === (spanOf(grids('upright'), 'x') >= spanOf(grids('upright'), 'y')) : obstacles.length === 0) continue;
    const fit = fitFreeArea(grids(orientation), width, height, paddingPx, obstacles, orientation);
    const gain = fit.scale / (upright * ORIENTATION_GAIN[orientation]);
    if (gain >= 1 && gain > bestGain) {
      best = fit;
      bestGain = gain;
    }
  }
  return best;
}

function spanOf(grid: PointGrid, axis: 'x' | 'y'): number {
  return axis === 'x' ? grid.bounds.maxX - grid.bounds.minX : grid.bounds.maxY - grid.bounds.minY;
}

/** `count` fractions of the free room along one axis, 0 (start) to 1 (end). */
function positionFractions(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i / (count - 1));
}
