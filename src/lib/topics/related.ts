/**
 * Nearest papers by cosine similarity of unit-length LSA vectors, and the keywords two papers share.
 * Small corpora are searched exhaustively; large ones search each paper's own topic plus the topics whose centroids
 * are nearest to it until about 800 candidates, which keeps 100k papers to seconds.
 */
import type { SparseMatrix } from './tfidf.ts';

export interface Neighbour {
  row: number;
  similarity: number;
}

export interface NeighbourOptions {
  /** Neighbours per paper. Default 5. */
  count?: number;
  /** Rows searched exhaustively at or below this corpus size. Default 3,000. */
  exhaustiveLimit?: number;
  /** On larger corpora, nearby topics are added to a paper's own until this many candidates. Default 800. */
  candidateTarget?: number;
  /** Most topics searched besides the paper's own. Default 8. */
  nearbyTopics?: number;
}

/**
 * The `count` most similar other rows of every row, most similar first (ties by lower row).
 * @param vectors unit-length rows, row-major
 * @param topicOfRow finest topic of each row (used to build candidate lists on large corpora)
 * @param topicCentroids unit-length topic centroids, row-major
 * @example nearestNeighbours(Float32Array.of(1, 0, 0.8, 0.6, 0, 1), 2, Int32Array.of(0, 0, 0), Float32Array.of(1, 0)).map((list) => list[0].row) // => [1, 0, 1]
 */
export function nearestNeighbours(
  vectors: Float32Array,
  dimensions: number,
  topicOfRow: Int32Array,
  topicCentroids: Float32Array,
  options: NeighbourOptions = {},
): Neighbour[][] {
  const rowCount = topicOfRow.length;
  const count = options.count ?? 5;
  const exhaustiveLimit = options.exhaustiveLimit ?? 3000;
  const candidateTarget = options.candidateTarget ?? 800;
  const topicCount = topicCentroids.length / dimensions;
  const membersByTopic: number[][] = Array.from({ length: topicCount }, () => []);
  for (let row = 0; row < rowCount; row++) membersByTopic[topicOfRow[row]!]!.push(row);

  const candidateTopics: number[][] = [];
  for (let topic = 0; topic < topicCount; topic++) {
    if (rowCount <= exhaustiveLimit) {
      candidateTopics.push(Array.from({ length: topicCount }, (_, index) => index));
      continue;
    }
    const others: Array<[number, number]> = [];
    for (let other = 0; other < topicCount; other++) {
      if (other === topic) continue;
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += topicCentroids[topic * dimensions + d]! * topicCentroids[other * dimensions + d]!;
      others.push([other, dot]);
    }
    others.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const chosen = [topic];
    let candidateCount = membersByTopic[topic]!.length;
    for (const [other] of others.slice(0, options.nearbyTopics ?? 8)) {
      if (candidateCount >= candidateTarget) break;
      chosen.push(other);
      candidateCount += membersByTopic[other]!.length;
    }
    candidateTopics.push(chosen);
  }

  const result: Neighbour[][] = Array.from({ length: rowCount }, () => []);
  const bestRows = new Int32Array(count);
  const bestScores = new Float64Array(count);
  for (let topic = 0; topic < topicCount; topic++) {
    const candidates = Int32Array.from(candidateTopics[topic]!.flatMap((other) => membersByTopic[other]!)).sort();
    for (const row of membersByTopic[topic]!) {
      bestRows.fill(-1);
      bestScores.fill(-Infinity);
      const base = row * dimensions;
      for (let index = 0; index < candidates.length; index++) {
        const other = candidates[index]!;
        if (other === row) continue;
        const otherBase = other * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++) dot += vectors[base + d]! * vectors[otherBase + d]!;
        if (dot <= bestScores[count - 1]!) continue;
        let slot = count - 1;
        while (slot > 0 && dot > bestScores[slot - 1]!) {
          bestScores[slot] = bestScores[slot - 1]!;
          bestRows[slot] = bestRows[slot - 1]!;
          slot--;
        }
        bestScores[slot] = dot;
        bestRows[slot] = other;
      }
      const list: Neighbour[] = [];
      for (let slot = 0; slot < count; slot++) {
        if (bestRows[slot]! >= 0) list.push({ row: bestRows[slot]!, similarity: Math.max(0, Math.min(1, bestScores[slot]!)) });
      }
      result[row] = list;
    }
  }
  return result;
}

/**
 * Matrix terms two documents share, strongest first by the product of their TF-IDF weights.
 * @param matrix the TF-IDF matrix (columns ascending within a row)
 * @param limit how many to return
 * @example sharedTerms(matrix, 0, 1, 5) // => [12, 40] (term ids both rows contain)
 */
export function sharedTerms(matrix: SparseMatrix, first: number, second: number, limit: number): number[] {
  const { rowStart, colIndex, values } = matrix;
  const shared: Array<[number, number]> = [];
  let a = rowStart[first]!;
  let b = rowStart[second]!;
  const aEnd = rowStart[first + 1]!;
  const bEnd = rowStart[second + 1]!;
  while (a < aEnd && b < bEnd) {
    const termA = colIndex[a]!;
    const termB = colIndex[b]!;
    if (termA === termB) {
      shared.push([termA, values[a]! * values[b]!]);
      a++;
      b++;
    } else if (termA < termB) a++;
    else b++;
  }
  shared.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return shared.slice(0, limit).map(([term]) => term);
}
