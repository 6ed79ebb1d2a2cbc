/**
 * Refinement of a partition by a mixture of unigram (multinomial) word distributions, one per cluster, fitted by
 * iterated conditional modes: each row in turn leaves its cluster and joins the one under which its word counts are
 * most probable (Nigam et al. 2000; the same conditional as GSDMM, Yin & Wang 2014, taken at its mode rather than
 * sampled). Two additions keep the clusters coherent:
 * - Dirichlet smoothing towards the corpus word distribution (Zhai & Lafferty 2001): a cluster's word probabilities
 *   are (its count + μ · corpus share) / (its total + μ), so a small cluster cannot claim a paper by one rare word, and
 *   a cluster too small to outweigh μ loses its papers and empties (the data choose how many clusters survive).
 * - A Potts prior over the nearest-neighbour graph (as HMRF-KMeans, Basu et al. 2004): each of a row's neighbours
 *   already in a candidate cluster adds a fixed log-odds bonus, so topics stay contiguous on the graph and the map.
 * A row only weighs its own cluster and its neighbours' clusters, so a pass costs O(nonzeros × neighbours).
 */
import type { SparseMatrix } from './tfidf.ts';

export interface WordMixtureOptions {
  /** Dirichlet smoothing mass μ, in word occurrences. Default 8,000 (about 80 abstracts' worth). */
  smoothingMass?: number;
  /** Log-probability bonus per graph neighbour already in a cluster. Default 4. */
  neighbourBonus?: number;
  /** Most passes over the rows. Default 10. */
  maxIterations?: number;
  /** Stop when fewer than this share of rows moved in a pass. Default 0.002. */
  tolerance?: number;
}

/**
 * Default μ and neighbour bonus. On arXiv-cs 10k (seeds 1–3) they measured NMI 0.451–0.452 (vs 0.437–0.441 without
 * this step), ARI 0.13–0.15 (vs 0.08), silhouette and map cohesion up; μ 2,000–4,000 and bonus 2 gave NMI up to 0.459
 * but incoherent keywords (NPMI below 0.05), μ 16,000 or bonus 6 fewer topics and NMI 0.445.
 */
const DEFAULT_SMOOTHING_MASS = 8000;
const DEFAULT_NEIGHBOUR_BONUS = 4;

/**
 * Move rows between clusters to raise the smoothed mixture likelihood plus the neighbour prior. Rows are visited in
 * order and the counts follow each move at once, so the result is deterministic. Clusters keep their ids; some may
 * end up empty.
 * @param matrix document × term matrix; only its sparsity pattern is read
 * @param counts raw occurrence count of each matrix entry (same layout as matrix.values)
 * @param clusterOfRow starting cluster of each row, 0 .. clusterCount − 1
 * @param clusterCount number of clusters
 * @param neighbourIndices each row's graph neighbours, rowCount × neighbourCount (−1 for none)
 * @param neighbourCount neighbours per row in neighbourIndices
 * @returns the cluster of each row after refinement
 * @example
 * // rows 0–5 use words 0–3 and rows 6–11 words 4–7; row 6 starts in the wrong cluster, every row lists 6 neighbours
 * refineByWordMixture(matrix, counts, Int32Array.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1), 2, neighbours, 6, { smoothingMass: 1, neighbourBonus: 0 })
 * // => Int32Array [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
 */
export function refineByWordMixture(
  matrix: SparseMatrix,
  counts: Float32Array,
  clusterOfRow: Int32Array,
  clusterCount: number,
  neighbourIndices: Int32Array,
  neighbourCount: number,
  options: WordMixtureOptions = {},
): Int32Array {
  const { rowCount, columnCount, rowStart, colIndex } = matrix;
  const smoothingMass = options.smoothingMass ?? DEFAULT_SMOOTHING_MASS;
  const neighbourBonus = options.neighbourBonus ?? DEFAULT_NEIGHBOUR_BONUS;
  const maxIterations = options.maxIterations ?? 10;
  const tolerance = options.tolerance ?? 0.002;
  const assignment = Int32Array.from(clusterOfRow);

  const pseudoCount = corpusShares(counts, colIndex, columnCount).map((share) => smoothingMass * share);
  const logPseudoCount = pseudoCount.map((value) => Math.log(value));
  const termCount = new Float32Array(clusterCount * columnCount);
  const logSmoothedCount = new Float32Array(clusterCount * columnCount);
  for (let cluster = 0; cluster < clusterCount; cluster++) logSmoothedCount.set(logPseudoCount, cluster * columnCount);
  const clusterSize = new Float64Array(clusterCount);
  const clusterLength = new Float64Array(clusterCount);
  const rowLength = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) rowLength[row]! += counts[entry]!;
  }
  const addRow = (row: number, cluster: number, sign: 1 | -1): void => {
    const base = cluster * columnCount;
    clusterSize[cluster]! += sign;
    clusterLength[cluster]! += sign * rowLength[row]!;
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) {
      const column = colIndex[entry]!;
      termCount[base + column]! += sign * counts[entry]!;
      logSmoothedCount[base + column] = Math.log(Math.max(0, termCount[base + column]!) + pseudoCount[column]!);
    }
  };
  for (let row = 0; row < rowCount; row++) addRow(row, assignment[row]!, 1);

  const candidates = new Int32Array(neighbourCount + 1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let moved = 0;
    for (let row = 0; row < rowCount; row++) {
      const own = assignment[row]!;
      addRow(row, own, -1);
      let candidateCount = 0;
      candidates[candidateCount++] = own;
      for (let slot = 0; slot < neighbourCount; slot++) {
        const other = neighbourIndices[row * neighbourCount + slot]!;
        if (other < 0) continue;
        const cluster = assignment[other]!;
        let isListed = false;
        for (let index = 0; index < candidateCount && !isListed; index++) isListed = candidates[index] === cluster;
        if (!isListed) candidates[candidateCount++] = cluster;
      }
      let best = own;
      let bestScore = -Infinity;
      for (let index = 0; index < candidateCount; index++) {
        const cluster = candidates[index]!;
        const base = cluster * columnCount;
        let score = Math.log(clusterSize[cluster]! + 1) - rowLength[row]! * Math.log(clusterLength[cluster]! + smoothingMass);
        for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) score += counts[entry]! * logSmoothedCount[base + colIndex[entry]!]!;
        for (let slot = 0; slot < neighbourCount; slot++) {
          const other = neighbourIndices[row * neighbourCount + slot]!;
          if (other >= 0 && assignment[other] === cluster) score += neighbourBonus;
        }
        if (score > bestScore) {
          bestScore = score;
          best = cluster;
        }
      }
      assignment[row] = best;
      addRow(row, best, 1);
      if (best !== own) moved++;
    }
    if (moved <= tolerance * rowCount) break;
  }
  return assignment;
}

/**
 * Each column's share of all occurrences (a column never seen gets a tiny share, so its logarithm stays finite).
 * @example corpusShares(Float32Array.of(1, 3), Int32Array.of(0, 1), 2) // => Float64Array [0.25, 0.75]
 */
export function corpusShares(counts: Float32Array, colIndex: Int32Array, columnCount: number): Float64Array {
  const shares = new Float64Array(columnCount);
  let total = 0;
  for (let entry = 0; entry < counts.length; entry++) {
    shares[colIndex[entry]!]! += counts[entry]!;
    total += counts[entry]!;
  }
  for (let column = 0; column < columnCount; column++) shares[column] = Math.max(shares[column]!, 1e-9) / Math.max(total, 1e-9);
  return shares;
}
