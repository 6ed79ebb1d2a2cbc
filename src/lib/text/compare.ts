/**
 * Order strings by UTF-16 code unit, not by locale: the same inputs sort the same way on every machine, which keeps
 * reports, slugs and pages byte-identical across builds.
 * @example ['b', 'B', 'a'].sort(compareCodeUnits) // => ['B', 'a', 'b']
 */
export function compareCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
