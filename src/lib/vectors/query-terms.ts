/**
 * The words shown with a similar-papers answer: a query's strongest terms, and the terms it shares with each paper.
 */
import type { SparseRow } from './text-vector.ts';

/** A vocabulary term of a query: its published column, key (tokenize.ts termKey) and display form. */
export interface QueryTerm {
  column: number;
  key: string;
  display: string;
}

/**
 * The row's terms by weight, strongest first, a word inside a chosen phrase (or a phrase around a chosen word) left out.
 * @example strongestTerms(row, termOfColumn, 2) // => ['graph neural network', 'molecule'] ('graph' is inside the phrase)
 */
export function strongestTerms(row: SparseRow, termOfColumn: ReadonlyMap<number, QueryTerm>, limit: number, weightOf = (index: number) => row.weights[index]!): string[] {
  const order = Array.from(row.columns.keys()).filter((index) => weightOf(index) > 0);
  order.sort((a, b) => weightOf(b) - weightOf(a) || row.columns[a]! - row.columns[b]!);
  const chosen: QueryTerm[] = [];
  for (const index of order) {
    if (chosen.length === limit) break;
    const term = termOfColumn.get(row.columns[index]!);
    if (!term) continue;
    const words = term.key.split(' ');
    const overlaps = chosen.some((other) => {
      const otherWords = other.key.split(' ');
      return words.every((word) => otherWords.includes(word)) || otherWords.every((word) => words.includes(word));
    });
    if (!overlaps) chosen.push(term);
  }
  return chosen.map((term) => term.display);
}

/**
 * The query's terms a paper shares, strongest first by the product of the two weights (what they add to the exact
 * cosine), at most 5.
 * @example sharedTerms(queryRow, paperRow, termOfColumn) // => ['transformer', 'attention']
 */
export function sharedTerms(query: SparseRow, paper: SparseRow, termOfColumn: ReadonlyMap<number, QueryTerm>): string[] {
  const product = new Float32Array(query.columns.length);
  let j = 0;
  for (let i = 0; i < query.columns.length; i++) {
    while (j < paper.columns.length && paper.columns[j]! < query.columns[i]!) j++;
    if (j < paper.columns.length && paper.columns[j] === query.columns[i]) product[i] = query.weights[i]! * paper.weights[j]!;
  }
  return strongestTerms(query, termOfColumn, 5, (index) => product[index]!);
}
