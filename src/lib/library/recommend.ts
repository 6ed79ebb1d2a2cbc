/**
 * Recommendations from a library, as arxiv-sanity ranked them: a linear SVM trained with the saved papers as
 * positives and every other paper as a negative (arxiv-sanity-lite `serve.py`: `svm.LinearSVC(class_weight=
 * 'balanced', C=0.01)` over tf-idf), here over the atlas's unit paper vectors, with the papers the reader marked
 * "not interested" as negatives that weigh ten times more. Trained by Pegasos (Shalev-Shwartz et al. 2007,
 * stochastic sub-gradient descent on the hinge loss), classes balanced by drawing a positive half the time, with a
 * seeded generator: the same library gives the same ranking. Pure: the browser runs it in a Web Worker
 * (src/scripts/library/recommend-worker.ts); bench/recommend.ts times it at 100,000 papers.
 *
 * The minimal interface it needs (`PaperVectors`): paper ids and their unit vectors, row-major Float32; and for
 * the "why" line, each paper's weighted terms (`termsOf`).
 */
import { createRandom, randomInt } from '../topics/random.ts';

export interface PaperVectors {
  ids: readonly string[];
  dimensions: number;
  /** ids.length × dimensions numbers, each row of unit length. */
  vectors: Float32Array;
}

export interface RecommendOptions {
  /** How many to return, best first. Default 20. */
  limit?: number;
  /** Pegasos steps. Default 4,000 + 20 per labelled paper (converges for libraries of a few hundred). */
  steps?: number;
  /** Regularisation λ of Pegasos. Default 1 / (C · n) with arxiv-sanity's C = 0.01 and n papers, within [1e-4, 1]. */
  lambda?: number;
  /** Seed of the sample order. Default 1. */
  seed?: number;
}

export interface Recommendation {
  id: string;
  /** Signed distance from the SVM's margin; larger is more like the library. */
  score: number;
}

/** Weight of a "not interested" paper against an unlabelled one: an explicit no counts ten times more. */
const NEGATIVE_WEIGHT = 10;

/**
 * The papers most like the library, best first, never a saved or "not interested" paper.
 * Returns [] when no saved paper has a vector.
 * @example rankRecommendations({ ids: ['a', 'b', 'c'], dimensions: 2, vectors: Float32Array.of(1, 0, 0.9, 0.44, 0, 1) }, ['a'], []).map((r) => r.id) // => ['b', 'c']
 */
export function rankRecommendations(
  papers: PaperVectors,
  saved: readonly string[],
  notInterested: readonly string[],
  options: RecommendOptions = {},
): Recommendation[] {
  const { ids, dimensions, vectors } = papers;
  const rowById = new Map<string, number>();
  ids.forEach((id, row) => rowById.set(id, row));
  const positives = saved.map((id) => rowById.get(id)).filter((row): row is number => row !== undefined);
  if (positives.length === 0) return [];
  const negatives = notInterested.map((id) => rowById.get(id)).filter((row): row is number => row !== undefined);
  const excluded = new Uint8Array(ids.length);
  for (const row of positives) excluded[row] = 1;
  for (const row of negatives) excluded[row] = 1;

  const lambda = options.lambda ?? Math.min(1, Math.max(1e-4, 1 / (0.01 * ids.length)));
  const steps = options.steps ?? 4_000 + 20 * (positives.length + negatives.length);
  const random = createRandom(options.seed ?? 1);
  const weights = new Float64Array(dimensions);
  let bias = 0;
  // The average of the iterates over the second half of the run: plain SGD's last iterate jumps with the last
  // few draws, the average does not (Polyak–Juditsky averaging; Shamir & Zhang 2013 for Pegasos).
  const averaged = new Float64Array(dimensions);
  let averagedBias = 0;
  let averagedCount = 0;
  for (let step = 1; step <= steps; step += 1) {
    // Balanced classes: half the draws are saved papers; of the rest, explicit negatives get their share.
    let row: number;
    let label: number;
    let importance = 1;
    if (random() < 0.5) {
      row = positives[randomInt(random, positives.length)] ?? 0;
      label = 1;
    } else {
      label = -1;
      if (negatives.length > 0 && random() < 0.25) {
        row = negatives[randomInt(random, negatives.length)] ?? 0;
        importance = NEGATIVE_WEIGHT;
      } else {
        row = randomInt(random, ids.length);
        if (excluded[row] === 1 && !negatives.includes(row)) continue;
      }
    }
    // η = 1 / (λ (t + t0)): Pegasos's rate, offset so the first steps do not jump far.
    const rate = 1 / (lambda * (step + 100));
    const offset = row * dimensions;
    let margin = bias;
    for (let d = 0; d < dimensions; d += 1) margin += (weights[d] ?? 0) * (vectors[offset + d] ?? 0);
    const shrink = 1 - rate * lambda;
    for (let d = 0; d < dimensions; d += 1) weights[d] = (weights[d] ?? 0) * shrink;
    if (label * margin < 1) {
      const push = rate * label * importance;
      for (let d = 0; d < dimensions; d += 1) weights[d] = (weights[d] ?? 0) + push * (vectors[offset + d] ?? 0);
      // The bias is not regularised; a smaller rate keeps it from swinging with each draw.
      bias += push * 0.01;
    }
    if (step > steps / 2) {
      for (let d = 0; d < dimensions; d += 1) averaged[d] = (averaged[d] ?? 0) + (weights[d] ?? 0);
      averagedBias += bias;
      averagedCount += 1;
    }
  }
  for (let d = 0; d < dimensions; d += 1) averaged[d] = (averaged[d] ?? 0) / Math.max(1, averagedCount);
  bias = averagedBias / Math.max(1, averagedCount);

  const limit = options.limit ?? 20;
  const best: Recommendation[] = [];
  const w = Float32Array.from(averaged);
  for (let row = 0; row < ids.length; row += 1) {
    if (excluded[row] === 1) continue;
    const offset = row * dimensions;
    let score = bias;
    for (let d = 0; d < dimensions; d += 1) score += (w[d] ?? 0) * (vectors[offset + d] ?? 0);
    if (best.length < limit || score > (best.at(-1)?.score ?? -Infinity)) {
      const id = ids[row] ?? '';
      let at = best.length;
      while (at > 0 && ((best[at - 1]?.score ?? 0) < score || ((best[at - 1]?.score ?? 0) === score && (best[at - 1]?.id ?? '') > id))) at -= 1;
      best.splice(at, 0, { id, score });
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/** A paper's weighted terms (its tf-idf row): term text and weight. */
export type WeightedTerms = ReadonlyMap<string, number>;

/**
 * The words a paper shares with the library most: terms ranked by the paper's weight times the library's summed
 * weight, strongest first.
 * @example sharedWords([new Map([['graph', 0.8], ['neural', 0.3]])], new Map([['graph', 0.5], ['vision', 0.9]]), 3) // => ['graph']
 */
export function sharedWords(library: readonly WeightedTerms[], paper: WeightedTerms, limit = 5): string[] {
  const total = new Map<string, number>();
  for (const terms of library) for (const [term, weight] of terms) total.set(term, (total.get(term) ?? 0) + weight);
  return [...paper]
    .map(([term, weight]) => ({ term, strength: weight * (total.get(term) ?? 0) }))
    .filter((item) => item.strength > 0)
    .sort((a, b) => b.strength - a.strength || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit)
    .map((item) => item.term);
}
