/** Which papers are drawn in colour when a topic is focused or a search is active; the rest are dimmed. */
export interface Emphasis {
  /** 1 for an emphasised paper, 0 for a dimmed one, by paper index. */
  flags: Uint8Array;
  /** The emphasised paper indices, ascending. */
  indices: Int32Array;
}

/**
 * The papers in every one of `sets` (the focused topic's members, the search matches), or null when there is no
 * set, meaning nothing is dimmed. `count` is the number of papers.
 * @example emphasisOf(5, [[0, 1, 3], [3, 1, 4]])?.indices // => Int32Array [1, 3]
 */
export function emphasisOf(count: number, sets: readonly ArrayLike<number>[]): Emphasis | null {
  if (sets.length === 0) return null;
  const hits = new Uint8Array(count);
  for (const set of sets) for (let i = 0; i < set.length; i++) hits[set[i] as number]! += 1;
  const flags = new Uint8Array(count);
  const indices: number[] = [];
  for (let i = 0; i < count; i++) {
    if (hits[i] === sets.length) {
      flags[i] = 1;
      indices.push(i);
    }
  }
  return { flags, indices: Int32Array.from(indices) };
}

/**
 * The search box's count: "12 matches", "No matches", or "3 of 12 matches" while a topic is focused and only
 * `shownCount` of the matches are drawn in colour; empty without a search (`matchCount` null).
 * @example searchCountText(12, 3) // => '3 of 12 matches'
 */
export function searchCountText(matchCount: number | null, shownCount: number): string {
  if (matchCount === null) return '';
  if (matchCount === 0) return 'No matches';
  const total = `${matchCount.toLocaleString('en')} match${matchCount === 1 ? '' : 'es'}`;
  return shownCount === matchCount ? total : `${shownCount.toLocaleString('en')} of ${total}`;
}
