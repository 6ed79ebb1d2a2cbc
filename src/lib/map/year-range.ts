/**
 * The papers published in `years` (first and last year, inclusive), by index, ascending; undated papers (year 0)
 * are never in a range.
 * @example papersInYears([2012, 0, 2015, 2013], [2012, 2013]) // => [0, 3]
 */
export function papersInYears(yearOfPaper: ArrayLike<number>, years: readonly [number, number]): number[] {
  const indices: number[] = [];
  for (let index = 0; index < yearOfPaper.length; index++) {
    const year = yearOfPaper[index] as number;
    if (year !== 0 && year >= years[0] && year <= years[1]) indices.push(index);
  }
  return indices;
}

/**
 * The year range to show, or null when it covers every year of the atlas (`bounds`), so nothing is dimmed and the
 * URL stays clean. Ends outside the atlas are clamped into it; reversed ends are swapped.
 * @example normalizeYears([2010, 2030], [2008, 2016]) // => [2010, 2016]
 * @example normalizeYears([2008, 2016], [2008, 2016]) // => null
 */
export function normalizeYears(years: readonly [number, number] | null, bounds: readonly [number, number]): [number, number] | null {
  if (!years) return null;
  const clamp = (year: number) => Math.min(bounds[1], Math.max(bounds[0], year));
  const first = clamp(Math.min(years[0], years[1]));
  const last = clamp(Math.max(years[0], years[1]));
  return first === bounds[0] && last === bounds[1] ? null : [first, last];
}

/**
 * The next frame of "play", which grows the range one year at a time so a reader watches themes appear: from
 * `[first, first]` (when the range already reaches the last year, or none is set) to `[first, last]` of `bounds`;
 * null when the range reaches the last year (play stops).
 * @example nextPlayRange([2010, 2012], [2008, 2016]) // => [2010, 2013]
 * @example nextPlayRange([2010, 2016], [2008, 2016]) // => null
 */
export function nextPlayRange(years: readonly [number, number] | null, bounds: readonly [number, number]): [number, number] | null {
  if (!years) return null;
  return years[1] >= bounds[1] ? null : [years[0], years[1] + 1];
}

/**
 * Where "play" starts: the reader's first year and one year on (or the atlas's first year when the range already
 * reaches the end or none is set, so play always has frames to show).
 * @example playStart([2012, 2013], [2008, 2016]) // => [2012, 2013]
 * @example playStart(null, [2008, 2016]) // => [2008, 2008]
 */
export function playStart(years: readonly [number, number] | null, bounds: readonly [number, number]): [number, number] {
  if (years && years[1] < bounds[1]) return [years[0], years[1]];
  const first = years && years[0] < bounds[1] ? years[0] : bounds[0];
  return [first, first];
}
