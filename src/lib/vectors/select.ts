/**
 * Partial top-k selection: the positions of the k largest of n scores without sorting all n. The similar-papers
 * worker keeps the 10 best of thousands of candidates for feedback and the 100 best for re-ranking; a full sort of
 * every candidate per question cost more than the scoring itself.
 */

/**
 * Positions of the `k` largest of `scores[0 .. length)`, best first; equal scores keep the lower position first (as a
 * stable sort would). One pass with a k-slot sorted list: a score that does not beat the k-th best costs one compare.
 * @param out where to write the positions (reused by the caller); its first min(k, length) entries are the answer
 * @returns how many positions were written: min(k, length)
 * @example const out = new Int32Array(2); topPositions(Float64Array.of(0.2, 0.9, 0.5, 0.9), 4, 2, out); out // => Int32Array [1, 3]
 */
export function topPositions(scores: Float64Array, length: number, k: number, out: Int32Array): number {
  const kept = Math.max(0, Math.min(k, length, out.length));
  if (kept === 0) return 0;
  let filled = 0;
  for (let position = 0; position < length; position++) {
    const score = scores[position]!;
    if (filled === kept) {
      if (!(score > scores[out[kept - 1]!]!)) continue;
      filled--;
    }
    let slot = filled;
    while (slot > 0 && score > scores[out[slot - 1]!]!) {
      out[slot] = out[slot - 1]!;
      slot--;
    }
    out[slot] = position;
    filled++;
  }
  return kept;
}
