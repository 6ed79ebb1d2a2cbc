/**
 * Related papers: each paper's first neighbours of the similarity graph (see knn.ts), and the keywords two related
 * papers share.
 */
import type { NeighbourGraph } from './knn.ts';
import type { FeatureCorpus } from './phrases.ts';
import type { SparseMatrix, TfidfModel } from './tfidf.ts';

/** Related papers listed per paper (by a fit and by a fold alike). */
export const RELATED_COUNT = 5;

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

/**
 * The first `count` graph neighbours of every paper as related papers (similarity clamped to [0, 1]).
 * @example relatedPapers(neighbourGraph, 5)[0] // => [{ row: 17, similarity: 0.62 }, …] (up to five rows)
 */
export function relatedPapers(neighbourGraph: NeighbourGraph, count: number): Array<Array<{ row: number; similarity: number }>> {
  const { neighbourCount, indices, similarities, rowCount } = neighbourGraph;
  return Array.from({ length: rowCount }, (_, row) => {
    const list: Array<{ row: number; similarity: number }> = [];
    for (let slot = 0; slot < Math.min(count, neighbourCount); slot++) {
      const other = indices[row * neighbourCount + slot]!;
      if (other >= 0) list.push({ row: other, similarity: Math.max(0, Math.min(1, similarities[row * neighbourCount + slot]!)) });
    }
    return list;
  });
}
/**
 * Up to five keywords two papers share, strongest first, leaving out a word already inside a shared phrase.
 * @example sharedKeywords(tfidf, features, 0, 1) // => ['catastrophic forgetting', 'replay']
 */
export function sharedKeywords(tfidf: TfidfModel, features: FeatureCorpus, first: number, second: number): string[] {
  const chosen: number[] = [];
  for (const term of sharedTerms(tfidf.matrix, first, second, 15)) {
    if (chosen.length === 5) break;
    const parts = features.featureParts[tfidf.termFeature[term]!]!;
    const isInside = chosen.some((other) => {
      const otherParts = features.featureParts[tfidf.termFeature[other]!]!;
      return parts.every((part) => otherParts.includes(part)) || otherParts.every((part) => parts.includes(part));
    });
    if (!isInside) chosen.push(term);
  }
  return chosen.map((term) => features.featureDisplay[tfidf.termFeature[term]!]!);
}
