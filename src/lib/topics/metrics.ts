/**
 * Agreement between a clustering and reference labels: normalised mutual information (arithmetic-mean
 * normalisation, as scikit-learn's default) and the adjusted Rand index (Hubert & Arabie 1985).
 */

/** Contingency counts of two labelings, as a Map keyed `${a} ${b}`, plus the marginals. */
function contingency(first: ArrayLike<number>, second: ArrayLike<number>) {
  if (first.length !== second.length) throw new RangeError(`labelings differ in length: ${first.length} vs ${second.length}`);
  const joint = new Map<string, number>();
  const firstCounts = new Map<number, number>();
  const secondCounts = new Map<number, number>();
  for (let index = 0; index < first.length; index++) {
    const a = first[index]!;
    const b = second[index]!;
    joint.set(`${a} ${b}`, (joint.get(`${a} ${b}`) ?? 0) + 1);
    firstCounts.set(a, (firstCounts.get(a) ?? 0) + 1);
    secondCounts.set(b, (secondCounts.get(b) ?? 0) + 1);
  }
  return { joint, firstCounts, secondCounts, total: first.length };
}

function entropy(counts: Map<number, number>, total: number): number {
  let result = 0;
  for (const count of counts.values()) result -= (count / total) * Math.log(count / total);
  return result;
}

/**
 * Normalised mutual information in [0, 1]: MI / mean(H(a), H(b)). Two single-cluster labelings score 1.
 * @example normalizedMutualInformation([0, 0, 1, 1], [5, 5, 7, 7]) // => 1
 */
export function normalizedMutualInformation(first: ArrayLike<number>, second: ArrayLike<number>): number {
  const { joint, firstCounts, secondCounts, total } = contingency(first, second);
  if (total === 0) return 1;
  let mutual = 0;
  for (const [key, count] of joint) {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    mutual += (count / total) * Math.log((count * total) / (firstCounts.get(a)! * secondCounts.get(b)!));
  }
  const mean = (entropy(firstCounts, total) + entropy(secondCounts, total)) / 2;
  return mean > 0 ? Math.max(0, mutual / mean) : 1;
}

/**
 * Adjusted Rand index: 1 for identical partitions, about 0 for chance agreement.
 * @example adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]) // => 1
 */
export function adjustedRandIndex(first: ArrayLike<number>, second: ArrayLike<number>): number {
  const { joint, firstCounts, secondCounts, total } = contingency(first, second);
  const pairs = (count: number): number => (count * (count - 1)) / 2;
  let index = 0;
  for (const count of joint.values()) index += pairs(count);
  let firstPairs = 0;
  for (const count of firstCounts.values()) firstPairs += pairs(count);
  let secondPairs = 0;
  for (const count of secondCounts.values()) secondPairs += pairs(count);
  const expected = (firstPairs * secondPairs) / Math.max(1, pairs(total));
  const maximum = (firstPairs + secondPairs) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}
