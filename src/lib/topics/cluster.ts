/**
 * Spherical k-means (Dhillon & Modha 2001) on unit-length LSA vectors, seeded k-means++ initialisation
 * (Arthur & Vassilvitskii 2007), and the mean silhouette (Rousseeuw 1987) that evaluation scores clusterings by.
 * Vectors are one row-major Float32Array; a cluster run works on a subset of rows given as an index list.
 */
import { randomInt, type RandomSource } from './random.ts';

export interface KMeansResult {
  clusterCount: number;
  /** Cluster of each row of the run (position in the `rows` list, not the global row id). */
  assignment: Int32Array;
  /** Unit-length centroids, clusterCount × dimensions. */
  centroids: Float32Array;
  /** Cosine similarity of each row to its centroid. */
  similarity: Float32Array;
  /** Sum of similarities (higher is tighter). */
  cohesion: number;
}

/**
 * Scale each row of a row-major matrix to unit length in place (zero rows stay zero).
 * @example normalizeRows(Float32Array.of(3, 4), 2) // => Float32Array [0.6, 0.8]
 */
export function normalizeRows(vectors: Float32Array, dimensions: number): Float32Array {
  for (let base = 0; base < vectors.length; base += dimensions) {
    let squared = 0;
    for (let k = 0; k < dimensions; k++) squared += vectors[base + k]! * vectors[base + k]!;
    if (squared === 0) continue;
    const scale = 1 / Math.sqrt(squared);
    for (let k = 0; k < dimensions; k++) vectors[base + k]! *= scale;
  }
  return vectors;
}

/**
 * Dot product of row `row` of `vectors` with row `other` of `others`.
 * @example dotRows(Float32Array.of(1, 0), 0, Float32Array.of(0.5, 0.5), 0, 2) // => 0.5
 */
export function dotRows(vectors: Float32Array, row: number, others: Float32Array, other: number, dimensions: number): number {
  const a = row * dimensions;
  const b = other * dimensions;
  let sum = 0;
  for (let k = 0; k < dimensions; k++) sum += vectors[a + k]! * others[b + k]!;
  return sum;
}

/**
 * Unit-length mean of some rows of a row-major matrix.
 * @example meanDirection(Float32Array.of(1, 0, 0, 1), 2, Int32Array.of(0, 1)) // => Float32Array [0.7071…, 0.7071…]
 */
export function meanDirection(vectors: Float32Array, dimensions: number, rows: Int32Array): Float32Array {
  const sum = new Float32Array(dimensions);
  for (const row of rows) for (let d = 0; d < dimensions; d++) sum[d]! += vectors[row * dimensions + d]!;
  return normalizeRows(sum, dimensions);
}

export interface KMeansOptions {
  /** Most Lloyd iterations. Default 40. */
  maxIterations?: number;
  /** Stop when fewer than this share of rows change cluster. Default 0.001. */
  tolerance?: number;
  /** Start from these unit-length centroids (clusterCount × dimensions) instead of k-means++ seeds. */
  initialCentroids?: Float32Array;
}

/**
 * Spherical k-means with k-means++ seeding over the rows listed in `rows` (vectors must be unit length).
 * @param vectors unit-length row vectors, row-major
 * @param dimensions length of each vector
 * @param rows the rows to cluster (global row ids)
 * @param clusterCount k; capped at the number of rows
 * @param random seeded source
 * @example sphericalKMeans(Float32Array.of(1, 0, 0.99, 0.14, 0, 1, 0.14, 0.99), 2, Int32Array.of(0, 1, 2, 3), 2, createRandom(1)).assignment // => Int32Array [0, 0, 1, 1] (or [1, 1, 0, 0])
 */
export function sphericalKMeans(
  vectors: Float32Array,
  dimensions: number,
  rows: Int32Array,
  clusterCount: number,
  random: RandomSource,
  options: KMeansOptions = {},
): KMeansResult {
  const rowCount = rows.length;
  const k = Math.max(1, Math.min(clusterCount, rowCount));
  const centroids =
    options.initialCentroids && options.initialCentroids.length === k * dimensions
      ? Float32Array.from(options.initialCentroids)
      : seedCentroids(vectors, dimensions, rows, k, random);
  const assignment = new Int32Array(rowCount).fill(-1);
  const similarity = new Float32Array(rowCount);
  const maxIterations = options.maxIterations ?? 40;
  const tolerance = options.tolerance ?? 0.001;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const changed = assignRows(vectors, dimensions, rows, centroids, k, assignment, similarity);
    updateCentroids(vectors, dimensions, rows, assignment, similarity, centroids, k);
    if (changed <= tolerance * rowCount && iteration > 0) break;
  }
  assignRows(vectors, dimensions, rows, centroids, k, assignment, similarity);
  let cohesion = 0;
  for (let index = 0; index < rowCount; index++) cohesion += similarity[index]!;
  return { clusterCount: k, assignment, centroids, similarity, cohesion };
}

/** k-means++ with cosine distance (1 − similarity) as the sampling weight. */
function seedCentroids(vectors: Float32Array, dimensions: number, rows: Int32Array, k: number, random: RandomSource): Float32Array {
  const centroids = new Float32Array(k * dimensions);
  const rowCount = rows.length;
  const distance = new Float64Array(rowCount).fill(Infinity);
  let chosen = rows[randomInt(random, rowCount)]!;
  for (let cluster = 0; cluster < k; cluster++) {
    centroids.set(vectors.subarray(chosen * dimensions, (chosen + 1) * dimensions), cluster * dimensions);
    if (cluster === k - 1) break;
    let total = 0;
    for (let index = 0; index < rowCount; index++) {
      const gap = Math.max(0, 1 - dotRows(vectors, rows[index]!, centroids, cluster, dimensions));
      if (gap < distance[index]!) distance[index] = gap;
      total += distance[index]!;
    }
    if (total <= 0) {
      chosen = rows[randomInt(random, rowCount)]!;
      continue;
    }
    let target = random() * total;
    let pick = rowCount - 1;
    for (let index = 0; index < rowCount; index++) {
      target -= distance[index]!;
      if (target < 0) {
        pick = index;
        break;
      }
    }
    chosen = rows[pick]!;
  }
  return centroids;
}

/** Assign every row to its most similar centroid; returns how many rows changed cluster. */
function assignRows(
  vectors: Float32Array,
  dimensions: number,
  rows: Int32Array,
  centroids: Float32Array,
  k: number,
  assignment: Int32Array,
  similarity: Float32Array,
): number {
  let changed = 0;
  for (let index = 0; index < rows.length; index++) {
    const base = rows[index]! * dimensions;
    let best = 0;
    let bestSimilarity = -Infinity;
    for (let cluster = 0; cluster < k; cluster++) {
      const centroidBase = cluster * dimensions;
      let sum = 0;
      for (let d = 0; d < dimensions; d++) sum += vectors[base + d]! * centroids[centroidBase + d]!;
      if (sum > bestSimilarity) {
        bestSimilarity = sum;
        best = cluster;
      }
    }
    if (assignment[index] !== best) changed++;
    assignment[index] = best;
    similarity[index] = bestSimilarity;
  }
  return changed;
}

/** Centroids become the normalised sums of their rows; an empty cluster takes the row farthest from its centroid. */
function updateCentroids(
  vectors: Float32Array,
  dimensions: number,
  rows: Int32Array,
  assignment: Int32Array,
  similarity: Float32Array,
  centroids: Float32Array,
  k: number,
): void {
  const sums = new Float64Array(k * dimensions);
  const sizes = new Int32Array(k);
  for (let index = 0; index < rows.length; index++) {
    const cluster = assignment[index]!;
    sizes[cluster]!++;
    const base = rows[index]! * dimensions;
    const out = cluster * dimensions;
    for (let d = 0; d < dimensions; d++) sums[out + d]! += vectors[base + d]!;
  }
  for (let cluster = 0; cluster < k; cluster++) {
    if (sizes[cluster] === 0) {
      let farthest = -1;
      for (let index = 0; index < rows.length; index++) {
        if (sizes[assignment[index]!]! > 1 && (farthest < 0 || similarity[index]! < similarity[farthest]!)) farthest = index;
      }
      if (farthest < 0) continue;
      sizes[assignment[farthest]!]!--;
      assignment[farthest] = cluster;
      sizes[cluster] = 1;
      similarity[farthest] = 1;
      centroids.set(vectors.subarray(rows[farthest]! * dimensions, (rows[farthest]! + 1) * dimensions), cluster * dimensions);
      continue;
    }
    let squared = 0;
    for (let d = 0; d < dimensions; d++) squared += sums[cluster * dimensions + d]! ** 2;
    const scale = squared > 0 ? 1 / Math.sqrt(squared) : 0;
    for (let d = 0; d < dimensions; d++) centroids[cluster * dimensions + d] = sums[cluster * dimensions + d]! * scale;
  }
}

/**
 * Pairwise cosine similarities of a few rows (rows.length² floats), reused to score many clusterings of them.
 * @example pairwiseSimilarity(Float32Array.of(1, 0, 0, 1), 2, Int32Array.of(0, 1)) // => Float32Array [1, 0, 0, 1]
 */
export function pairwiseSimilarity(vectors: Float32Array, dimensions: number, rows: Int32Array): Float32Array {
  const count = rows.length;
  const result = new Float32Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a; b < count; b++) {
      const value = dotRows(vectors, rows[a]!, vectors, rows[b]!, dimensions);
      result[a * count + b] = value;
      result[b * count + a] = value;
    }
  }
  return result;
}

/**
 * Mean silhouette of a clustering with cosine distance, from precomputed pairwise similarities.
 * Rows alone in their cluster score 0, as Rousseeuw defines.
 * @param similarity count × count similarities (see pairwiseSimilarity)
 * @param assignment cluster of each of the count rows
 * @example silhouetteFromSimilarity(Float32Array.of(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1), Int32Array.of(0, 0, 1, 1), 2) // => 1
 */
export function silhouetteFromSimilarity(similarity: Float32Array, assignment: Int32Array, clusterCount: number): number {
  const count = assignment.length;
  const sizes = new Int32Array(clusterCount);
  for (let index = 0; index < count; index++) sizes[assignment[index]!]!++;
  const distanceSums = new Float64Array(clusterCount);
  let total = 0;
  for (let a = 0; a < count; a++) {
    distanceSums.fill(0);
    for (let b = 0; b < count; b++) {
      if (a !== b) distanceSums[assignment[b]!]! += 1 - similarity[a * count + b]!;
    }
    const own = assignment[a]!;
    if (sizes[own]! <= 1) continue;
    const cohesion = distanceSums[own]! / (sizes[own]! - 1);
    let separation = Infinity;
    for (let cluster = 0; cluster < clusterCount; cluster++) {
      if (cluster !== own && sizes[cluster]! > 0) separation = Math.min(separation, distanceSums[cluster]! / sizes[cluster]!);
    }
    if (!Number.isFinite(separation)) continue;
    const spread = Math.max(cohesion, separation);
    total += spread > 0 ? (separation - cohesion) / spread : 0;
  }
  return count > 0 ? total / count : 0;
}
