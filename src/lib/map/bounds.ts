/** An axis-aligned rectangle in data coordinates. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The bounding box of some points, optionally ignoring the outer `trimFraction` of them on each side of each axis,
 * so one stray outlier does not make "zoom to this topic" zoom out to the whole map.
 * @param xs x of every point
 * @param ys y of every point
 * @param indices which points to include (all when omitted)
 * @param trimFraction share of points dropped at each end of each axis, in [0, 0.5)
 * @returns the box, or null when no point is included
 * @example pointBounds([0, 1, 5], [0, 2, 1]) // => { minX: 0, minY: 0, maxX: 5, maxY: 2 }
 */
export function pointBounds(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  indices?: ArrayLike<number>,
  trimFraction = 0,
): Bounds | null {
  const count = indices ? indices.length : xs.length;
  if (count === 0) return null;
  if (!(trimFraction >= 0 && trimFraction < 0.5)) {
    throw new RangeError(`pointBounds: expected trimFraction in [0, 0.5), got ${trimFraction}`);
  }
  const at = (i: number): number => (indices ? (indices[i] as number) : i);
  if (trimFraction === 0) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < count; i++) {
      const x = xs[at(i)] as number;
      const y = ys[at(i)] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return { minX, minY, maxX, maxY };
  }
  const sortedX = new Float64Array(count);
  const sortedY = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    sortedX[i] = xs[at(i)] as number;
    sortedY[i] = ys[at(i)] as number;
  }
  sortedX.sort();
  sortedY.sort();
  const low = Math.floor(trimFraction * (count - 1));
  const high = count - 1 - low;
  return {
    minX: sortedX[low] as number,
    minY: sortedY[low] as number,
    maxX: sortedX[high] as number,
    maxY: sortedY[high] as number,
  };
}
