/**
 * The keywords two related papers share (the related papers themselves are the first neighbours of the similarity
 * graph, see knn.ts).
 */
import type { SparseMatrix } from './tfidf.ts';

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
