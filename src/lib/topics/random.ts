/**
 * Seeded pseudo-random numbers for the topic step. Every step that needs randomness takes one of these,
 * so the same papers and seed always give the same atlas; nothing in the topic step calls Math.random.
 */

/** A function returning the next number in [0, 1). */
export type RandomSource = () => number;

/**
 * Create a seeded generator (mulberry32: 32-bit state, fast, good enough for sampling and initialisation).
 * @param seed any finite number; it is truncated to a 32-bit integer
 * @returns a function giving the next number in [0, 1)
 * @example const random = createRandom(42); random() // => 0.6011037519201636
 */
export function createRandom(seed: number): RandomSource {
  if (!Number.isFinite(seed)) throw new RangeError(`createRandom: seed must be a finite number, got ${String(seed)}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pick a random integer in [0, limit).
 * @example randomInt(createRandom(1), 10) // => 6
 */
export function randomInt(random: RandomSource, limit: number): number {
  return Math.min(limit - 1, Math.floor(random() * limit));
}

/**
 * A standard normal variate (Box–Muller), used for random projections.
 * @example Number.isFinite(randomNormal(createRandom(3))) // => true
 */
export function randomNormal(random: RandomSource): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Choose `count` distinct indices from [0, total) without replacement, returned in ascending order
 * (partial Fisher–Yates on an index array, so the cost is O(total)).
 * @example sampleIndices(createRandom(7), 10, 3).length // => 3
 */
export function sampleIndices(random: RandomSource, total: number, count: number): Int32Array {
  if (count >= total) return Int32Array.from({ length: total }, (_, index) => index);
  const pool = Int32Array.from({ length: total }, (_, index) => index);
  for (let index = 0; index < count; index++) {
    const swapWith = index + randomInt(random, total - index);
    const held = pool[index]!;
    pool[index] = pool[swapWith]!;
    pool[swapWith] = held;
  }
  return pool.slice(0, count).sort();
}
