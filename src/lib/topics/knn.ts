/**
 * The k-nearest-neighbour graph of unit-length paper vectors (cosine similarity), the shared input of graph
 * clustering, the map and the related-papers lists. Up to EXACT_LIMIT rows every pair is compared; above, rows are
 * bucketed by spherical k-means on a sample (an inverted-file index, as FAISS "IVF") and each bucket searches itself
 * plus its nearest buckets until enough candidates, which keeps 100k papers to tens of seconds.
 */
import { sphericalKMeans } from './cluster.ts';
import { sampleIndices, type RandomSource } from './random.ts';

export interface NeighbourGraph {
  rowCount: number;
  /** Neighbours per row. */
  neighbourCount: number;
  /** Row ids of each row's neighbours, most similar first, rowCount × neighbourCount (-1 when fewer exist). */
  indices: Int32Array;
  /** Cosine similarity of each neighbour (same layout as indices). */
  similarities: Float32Array;
}

export interface NeighbourGraphOptions {
  /** Rows compared exhaustively at or below this count. Default 12,000. */
  exactLimit?: number;
  /** On larger inputs, candidates each row is compared with (its bucket and the nearest buckets). Default 1,600. */
  candidateTarget?: number;
}

/**
 * Each row's `neighbourCount` most similar other rows (ties by lower row id).
 * @param vectors unit-length rows, row-major
 * @param dimensions length of each row
 * @param neighbourCount neighbours per row (capped at rowCount − 1)
 * @param random seeded source (bucketing of large inputs)
 * @example nearestNeighbourGraph(Float32Array.of(1, 0, 0.8, 0.6, 0, 1), 2, 1, createRandom(1)).indices // => Int32Array [1, 0, 1]
 */
export function nearestNeighbourGraph(
  vectors: Float32Array,
  dimensions: number,
  neighbourCount: number,
  random: RandomSource,
  options: NeighbourGraphOptions = {},
): NeighbourGraph {
  const rowCount = dimensions > 0 ? vectors.length / dimensions : 0;
  const count = Math.max(0, Math.min(neighbourCount, rowCount - 1));
  const indices = new Int32Array(rowCount * count).fill(-1);
  const similarities = new Float32Array(rowCount * count).fill(-Infinity);
  if (count === 0) return { rowCount, neighbourCount: count, indices, similarities };
  const exactLimit = options.exactLimit ?? 12000;
  if (rowCount <= exactLimit) {
    searchAllPairs(vectors, dimensions, rowCount, count, indices, similarities);
  } else {
    const { bucketsOfBucket, membersOfBucket } = bucketRows(vectors, dimensions, rowCount, random, options.candidateTarget ?? 1600);
    membersOfBucket.forEach((members, bucket) => {
      const candidates = Int32Array.from(bucketsOfBucket[bucket]!.flatMap((other) => [...membersOfBucket[other]!])).sort();
      searchBlock(vectors, dimensions, members, candidates, count, indices, similarities);
    });
  }
  for (let index = 0; index < similarities.length; index++) {
    if (indices[index]! < 0) similarities[index] = 0;
  }
  return { rowCount, neighbourCount: count, indices, similarities };
}

/**
 * A graph found in a reduced space, its candidates re-scored in the full space: each row keeps its `neighbourCount`
 * candidates most similar by the full vectors (ties by lower row id), with those similarities. Searching a reduced
 * space for three times the neighbours wanted and re-ranking them exactly costs a few dot products per row and
 * returns nearly the full space's own neighbours (pca.ts keeps the strongest directions, where neighbours differ most).
 * @param graph the reduced space's graph, with more neighbours per row than wanted
 * @param vectors the full unit-length rows, row-major
 * @param dimensions length of each full row
 * @param neighbourCount neighbours kept per row (at most graph.neighbourCount)
 * @example rerankNeighbours({ rowCount: 2, neighbourCount: 1, indices: Int32Array.of(1, 0), similarities: Float32Array.of(0.9, 0.9) }, Float32Array.of(1, 0, 0.6, 0.8), 2, 1).similarities // => Float32Array [0.6, 0.6]
 */
export function rerankNeighbours(graph: NeighbourGraph, vectors: Float32Array, dimensions: number, neighbourCount: number): NeighbourGraph {
  const count = Math.min(neighbourCount, graph.neighbourCount);
  const { rowCount } = graph;
  const indices = new Int32Array(rowCount * count).fill(-1);
  const similarities = new Float32Array(rowCount * count).fill(-Infinity);
  const order = Int32Array.from({ length: graph.neighbourCount }, (_, slot) => slot);
  for (let row = 0; row < rowCount; row++) {
    const candidates = graph.indices.subarray(row * graph.neighbourCount, (row + 1) * graph.neighbourCount);
    // Offered in ascending row order, so an equal score keeps the lower row id (as the search itself does).
    const ascending = Array.from(order).filter((slot) => candidates[slot]! >= 0).sort((a, b) => candidates[a]! - candidates[b]!);
    for (const slot of ascending) {
      const other = candidates[slot]!;
      offer(row, other, dotAt(vectors, row * dimensions, other * dimensions, dimensions), count, indices, similarities);
    }
  }
  for (let index = 0; index < similarities.length; index++) {
    if (indices[index]! < 0) similarities[index] = 0;
  }
  return { rowCount, neighbourCount: count, indices, similarities };
}

/** Rows per query block: small enough that the block's rows stay in cache while candidates stream past. */
const BLOCK_ROWS = 32;

/**
 * Every row against every other, each pair's dot product computed once and offered to both rows. Each row still
 * receives its candidates in ascending row order (earlier blocks first, then its own block), so ties resolve exactly
 * as a row-by-row search would: half the work of searchBlock over all rows, the same graph.
 */
function searchAllPairs(vectors: Float32Array, dimensions: number, rowCount: number, count: number, indices: Int32Array, similarities: Float32Array): void {
  // Float64 copies of float32 values are exact, so every dot product is bit for bit what dotAt gives on `vectors`;
  // reading doubles spares a conversion per load in the loop that is most of the topic step at 10,000 papers.
  const rows = Float64Array.from(vectors);
  const scores = new Float64Array(BLOCK_ROWS);
  const nextScores = new Float64Array(BLOCK_ROWS);
  for (let start = 0; start < rowCount; start += BLOCK_ROWS) {
    const end = Math.min(rowCount, start + BLOCK_ROWS);
    for (let other = start + 1; other < rowCount; other++) {
      const otherBase = other * dimensions;
      const last = Math.min(end, other);
      if (other >= end && other + 1 < rowCount) {
        // Past the block's own rows: two other rows a step (each block row's values loaded once for both), offered
        // in the same order as one at a time.
        let row = start;
        for (; row + 3 < end; row += 4) dotsOfFourByTwo(rows, row * dimensions, otherBase, dimensions, scores, nextScores, row - start);
        for (; row < end; row++) {
          scores[row - start] = dotAt(rows, row * dimensions, otherBase, dimensions);
          nextScores[row - start] = dotAt(rows, row * dimensions, otherBase + dimensions, dimensions);
        }
        for (let row = start; row < end; row++) {
          const dot = scores[row - start]!;
          offer(row, other, dot, count, indices, similarities);
          offer(other, row, dot, count, indices, similarities);
        }
        for (let row = start; row < end; row++) {
          const dot = nextScores[row - start]!;
          offer(row, other + 1, dot, count, indices, similarities);
          offer(other + 1, row, dot, count, indices, similarities);
        }
        other++;
        continue;
      }
      let row = start;
      for (; row + 3 < last; row += 4) dotsOfFour(rows, row * dimensions, otherBase, dimensions, scores, row - start);
      for (; row < last; row++) scores[row - start] = dotAt(rows, row * dimensions, otherBase, dimensions);
      for (let row = start; row < last; row++) {
        const dot = scores[row - start]!;
        offer(row, other, dot, count, indices, similarities);
        offer(other, row, dot, count, indices, similarities);
      }
    }
  }
}

/**
 * The dot products of four consecutive rows (the first at `base`) with the row at `otherBase`, into
 * `scores[slot…slot + 3]`: each sum is formed in exactly dotAt's order (so the same bits), while each of the other
 * row's values is loaded once for four rows instead of once per row.
 */
function dotsOfFour(rows: Float64Array, base: number, otherBase: number, dimensions: number, scores: Float64Array, slot: number): void {
  const base1 = base + dimensions;
  const base2 = base1 + dimensions;
  const base3 = base2 + dimensions;
  let dot0 = 0;
  let dot1 = 0;
  let dot2 = 0;
  let dot3 = 0;
  let d = 0;
  for (; d + 3 < dimensions; d += 4) {
    const b0 = rows[otherBase + d]!;
    const b1 = rows[otherBase + d + 1]!;
    const b2 = rows[otherBase + d + 2]!;
    const b3 = rows[otherBase + d + 3]!;
    dot0 += rows[base + d]! * b0 + rows[base + d + 1]! * b1 + rows[base + d + 2]! * b2 + rows[base + d + 3]! * b3;
    dot1 += rows[base1 + d]! * b0 + rows[base1 + d + 1]! * b1 + rows[base1 + d + 2]! * b2 + rows[base1 + d + 3]! * b3;
    dot2 += rows[base2 + d]! * b0 + rows[base2 + d + 1]! * b1 + rows[base2 + d + 2]! * b2 + rows[base2 + d + 3]! * b3;
    dot3 += rows[base3 + d]! * b0 + rows[base3 + d + 1]! * b1 + rows[base3 + d + 2]! * b2 + rows[base3 + d + 3]! * b3;
  }
  for (; d < dimensions; d++) {
    const b = rows[otherBase + d]!;
    dot0 += rows[base + d]! * b;
    dot1 += rows[base1 + d]! * b;
    dot2 += rows[base2 + d]! * b;
    dot3 += rows[base3 + d]! * b;
  }
  scores[slot] = dot0;
  scores[slot + 1] = dot1;
  scores[slot + 2] = dot2;
  scores[slot + 3] = dot3;
}

/** dotsOfFour for two consecutive other rows at once (the second's into `nextScores`), the same sums. */
function dotsOfFourByTwo(rows: Float64Array, base: number, otherBase: number, dimensions: number, scores: Float64Array, nextScores: Float64Array, slot: number): void {
  const base1 = base + dimensions;
  const base2 = base1 + dimensions;
  const base3 = base2 + dimensions;
  const nextBase = otherBase + dimensions;
  let dot0 = 0;
  let dot1 = 0;
  let dot2 = 0;
  let dot3 = 0;
  let next0 = 0;
  let next1 = 0;
  let next2 = 0;
  let next3 = 0;
  let d = 0;
  for (; d + 3 < dimensions; d += 4) {
    const a0 = rows[base + d]!, a1 = rows[base + d + 1]!, a2 = rows[base + d + 2]!, a3 = rows[base + d + 3]!;
    const b0 = rows[base1 + d]!, b1 = rows[base1 + d + 1]!, b2 = rows[base1 + d + 2]!, b3 = rows[base1 + d + 3]!;
    const c0 = rows[base2 + d]!, c1 = rows[base2 + d + 1]!, c2 = rows[base2 + d + 2]!, c3 = rows[base2 + d + 3]!;
    const e0 = rows[base3 + d]!, e1 = rows[base3 + d + 1]!, e2 = rows[base3 + d + 2]!, e3 = rows[base3 + d + 3]!;
    const o0 = rows[otherBase + d]!, o1 = rows[otherBase + d + 1]!, o2 = rows[otherBase + d + 2]!, o3 = rows[otherBase + d + 3]!;
    const n0 = rows[nextBase + d]!, n1 = rows[nextBase + d + 1]!, n2 = rows[nextBase + d + 2]!, n3 = rows[nextBase + d + 3]!;
    dot0 += a0 * o0 + a1 * o1 + a2 * o2 + a3 * o3;
    dot1 += b0 * o0 + b1 * o1 + b2 * o2 + b3 * o3;
    dot2 += c0 * o0 + c1 * o1 + c2 * o2 + c3 * o3;
    dot3 += e0 * o0 + e1 * o1 + e2 * o2 + e3 * o3;
    next0 += a0 * n0 + a1 * n1 + a2 * n2 + a3 * n3;
    next1 += b0 * n0 + b1 * n1 + b2 * n2 + b3 * n3;
    next2 += c0 * n0 + c1 * n1 + c2 * n2 + c3 * n3;
    next3 += e0 * n0 + e1 * n1 + e2 * n2 + e3 * n3;
  }
  for (; d < dimensions; d++) {
    const o = rows[otherBase + d]!;
    const n = rows[nextBase + d]!;
    dot0 += rows[base + d]! * o;
    dot1 += rows[base1 + d]! * o;
    dot2 += rows[base2 + d]! * o;
    dot3 += rows[base3 + d]! * o;
    next0 += rows[base + d]! * n;
    next1 += rows[base1 + d]! * n;
    next2 += rows[base2 + d]! * n;
    next3 += rows[base3 + d]! * n;
  }
  scores[slot] = dot0;
  scores[slot + 1] = dot1;
  scores[slot + 2] = dot2;
  scores[slot + 3] = dot3;
  nextScores[slot] = next0;
  nextScores[slot + 1] = next1;
  nextScores[slot + 2] = next2;
  nextScores[slot + 3] = next3;
}

/** Dot product of the rows starting at `base` and `otherBase`, four terms a step (the inner loop of every search). */
function dotAt(vectors: Float32Array | Float64Array, base: number, otherBase: number, dimensions: number): number {
  let dot = 0;
  let d = 0;
  for (; d + 3 < dimensions; d += 4) {
    dot +=
      vectors[base + d]! * vectors[otherBase + d]! +
      vectors[base + d + 1]! * vectors[otherBase + d + 1]! +
      vectors[base + d + 2]! * vectors[otherBase + d + 2]! +
      vectors[base + d + 3]! * vectors[otherBase + d + 3]!;
  }
  for (; d < dimensions; d++) dot += vectors[base + d]! * vectors[otherBase + d]!;
  return dot;
}

/** Insert `candidate` into `row`'s sorted list of the `count` best when it beats the last (an equal score stays out). */
function offer(row: number, candidate: number, dot: number, count: number, indices: Int32Array, similarities: Float32Array): void {
  const slotBase = row * count;
  if (dot <= similarities[slotBase + count - 1]!) return;
  let slot = count - 1;
  while (slot > 0 && dot > similarities[slotBase + slot - 1]!) {
    similarities[slotBase + slot] = similarities[slotBase + slot - 1]!;
    indices[slotBase + slot] = indices[slotBase + slot - 1]!;
    slot--;
  }
  similarities[slotBase + slot] = dot;
  indices[slotBase + slot] = candidate;
}

/** For every query row, keep the `count` best candidates (other than itself) by dot product, sorted. */
function searchBlock(
  vectors: Float32Array,
  dimensions: number,
  queries: Int32Array,
  candidates: Int32Array,
  count: number,
  indices: Int32Array,
  similarities: Float32Array,
): void {
  const scores = new Float64Array(BLOCK_ROWS);
  for (let start = 0; start < queries.length; start += BLOCK_ROWS) {
    const end = Math.min(queries.length, start + BLOCK_ROWS);
    for (let index = 0; index < candidates.length; index++) {
      const other = candidates[index]!;
      const otherBase = other * dimensions;
      for (let query = start; query < end; query++) {
        scores[query - start] = dotAt(vectors, queries[query]! * dimensions, otherBase, dimensions);
      }
      for (let query = start; query < end; query++) {
        const row = queries[query]!;
        if (other !== row) offer(row, other, scores[query - start]!, count, indices, similarities);
      }
    }
  }
}

/**
 * Bucket rows by spherical k-means (about √N buckets, centroids fitted on a sample) and list, for every bucket,
 * the buckets to search: itself, then the most similar centroids until `candidateTarget` rows.
 */
function bucketRows(vectors: Float32Array, dimensions: number, rowCount: number, random: RandomSource, candidateTarget: number) {
  const bucketCount = Math.max(2, Math.round(Math.sqrt(rowCount)));
  const sample = sampleIndices(random, rowCount, Math.min(rowCount, bucketCount * 40));
  const fit = sphericalKMeans(vectors, dimensions, sample, bucketCount, random, { maxIterations: 15 });
  const membersByBucket: number[][] = Array.from({ length: fit.clusterCount }, () => []);
  for (let row = 0; row < rowCount; row++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let bucket = 0; bucket < fit.clusterCount; bucket++) {
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += vectors[row * dimensions + d]! * fit.centroids[bucket * dimensions + d]!;
      if (dot > bestScore) {
        bestScore = dot;
        best = bucket;
      }
    }
    membersByBucket[best]!.push(row);
  }
  const membersOfBucket = membersByBucket.map((members) => Int32Array.from(members));
  const bucketsOfBucket = membersOfBucket.map((_, bucket) => {
    const others: Array<[number, number]> = [];
    for (let other = 0; other < fit.clusterCount; other++) {
      if (other === bucket) continue;
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += fit.centroids[bucket * dimensions + d]! * fit.centroids[other * dimensions + d]!;
      others.push([other, dot]);
    }
    others.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const chosen = [bucket];
    let total = membersOfBucket[bucket]!.length;
    for (const [other] of others) {
      if (total >= candidateTarget) break;
      chosen.push(other);
      total += membersOfBucket[other]!.length;
    }
    return chosen;
  });
  return { bucketsOfBucket, membersOfBucket };
}
