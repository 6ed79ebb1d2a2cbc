/** An arrow key's direction on screen (y grows downwards, as on the map). */
export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, readonly [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * How much sideways distance costs against forward distance. 2 means a paper 1 unit ahead and 1 unit aside
 * scores like one 3 units straight ahead, which is how people expect arrow keys on a scatter plot to behave.
 */
const SIDEWAYS_COST = 2;

/**
 * The point an arrow key should move to from point `from`: among points ahead in `direction` (inside a 45° cone
 * when any are, else anywhere in that half-plane), the one with the least forward + 2 × sideways distance.
 * Ties go to the lower index so the answer is deterministic.
 * @param xs x of every point
 * @param ys y of every point (screen orientation: larger is lower)
 * @param from index of the current point
 * @param direction the arrow pressed
 * @param candidates indices allowed as targets (e.g. the focused topic); all points when omitted
 * @returns the index to move to, or -1 when nothing lies that way
 * @example nearestInDirection([0, 1, 5, -1], [0, 0.2, 0, 0], 0, 'right') // => 1
 */
export function nearestInDirection(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  from: number,
  direction: Direction,
  candidates?: ArrayLike<number>,
): number {
  const [ux, uy] = UNIT[direction];
  const originX = xs[from] as number;
  const originY = ys[from] as number;
  const count = candidates ? candidates.length : xs.length;
  let bestInCone = -1;
  let bestInConeScore = Infinity;
  let bestAhead = -1;
  let bestAheadScore = Infinity;
  for (let i = 0; i < count; i++) {
    const index = candidates ? (candidates[i] as number) : i;
    if (index === from) continue;
    const dx = (xs[index] as number) - originX;
    const dy = (ys[index] as number) - originY;
    const ahead = dx * ux + dy * uy;
    if (ahead <= 0) continue;
    const sideways = Math.abs(dx * uy - dy * ux);
    const score = ahead + SIDEWAYS_COST * sideways;
    if (sideways <= ahead && (score < bestInConeScore || (score === bestInConeScore && index < bestInCone))) {
      bestInCone = index;
      bestInConeScore = score;
    }
    if (score < bestAheadScore || (score === bestAheadScore && index < bestAhead)) {
      bestAhead = index;
      bestAheadScore = score;
    }
  }
  return bestInCone !== -1 ? bestInCone : bestAhead;
}

/**
 * The index of the point closest to (x, y), or -1 for an empty set: where keyboard navigation starts.
 * @example nearestPoint([0, 1, 5], [0, 0, 0], 4, 0) // => 2
 */
export function nearestPoint(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: number,
  y: number,
  candidates?: ArrayLike<number>,
): number {
  const count = candidates ? candidates.length : xs.length;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < count; i++) {
    const index = candidates ? (candidates[i] as number) : i;
    const distance = ((xs[index] as number) - x) ** 2 + ((ys[index] as number) - y) ** 2;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}
