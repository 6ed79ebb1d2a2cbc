/**
 * Any text as a point of the atlas's vector space, with the build's own code: the topic step's tokenizer
 * (tokenize.ts), its phrases (a phrase is a column of the vocabulary, found by the keys of its words), its BM25
 * weights and idf (tfidf.ts), then the LSA projection (TF-IDF row × V, the fold-in of Deerwester et al. 1990).
 * The build projects every paper through this module and the browser projects the visitor's text through it, so a
 * paper's own text lands exactly on its published vector (tests/unit/vectors/text-vector.test.ts).
 */
import { BOUNDARY, tokenizeCorpus } from '../topics/tokenize.ts';
import { BM25_B, BM25_K1, inverseDocumentFrequency } from '../topics/tfidf.ts';

/** Longest phrase of the vocabulary, in words (phrases.ts finds bigrams and trigrams). */
const MAX_PHRASE_WORDS = 3;

/** A sparse TF-IDF row: columns ascending, weights of unit length. */
export interface SparseRow {
  columns: Int32Array;
  weights: Float32Array;
}

/** What the weighting needs of one vocabulary term. */
export interface TermInfo {
  column: number;
  documentFrequency: number;
}

/** Corpus figures the BM25 weights depend on (published in the vector manifest). */
export interface CorpusStats {
  documentCount: number;
  /** Mean number of vocabulary-term occurrences per document. */
  meanLength: number;
}

/**
 * Every candidate term of a text with its count: each word's key, and each run of two or three adjacent words (no
 * punctuation between) as a phrase key, the words' keys joined by spaces. Only candidates found in the vocabulary
 * count; a phrase is a vocabulary term only if the build found it.
 * @example candidateTerms('Graph neural networks.') // => Map { 'graph' => 1, 'graph neural' => 1, 'graph neural network' => 1, 'neural' => 1, … }
 */
export function candidateTerms(text: string): Map<string, number> {
  const corpus = tokenizeCorpus([text]);
  const counts = new Map<string, number>();
  const { tokenIds, unigramKeys } = corpus;
  for (let index = 0; index < tokenIds.length; index++) {
    if (tokenIds[index] === BOUNDARY) continue;
    let key = '';
    for (let length = 1; length <= MAX_PHRASE_WORDS && index + length - 1 < tokenIds.length; length++) {
      const token = tokenIds[index + length - 1]!;
      if (token === BOUNDARY) break;
      key = length === 1 ? unigramKeys[token]! : `${key} ${unigramKeys[token]!}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The word whose shard holds a term: its first word's key, so a text's phrases live in the shards of its words and
 * looking them up costs no extra file.
 * @example shardWordOf('graph neural network') // => 'graph'
 */
export function shardWordOf(termKey: string): string {
  const space = termKey.indexOf(' ');
  return space < 0 ? termKey : termKey.slice(0, space);
}

/**
 * A text's TF-IDF row over the vocabulary, weighted exactly as tfidf.ts weighs a corpus document (BM25 term
 * frequency × smoothed idf, unit length). Terms the vocabulary lacks are left out.
 * @example weighTerms(new Map([['graph', 2]]), (key) => ({ column: 7, documentFrequency: 30 }), { documentCount: 1000, meanLength: 60 }).columns // => Int32Array [7]
 */
export function weighTerms(counts: ReadonlyMap<string, number>, lookup: (key: string) => TermInfo | undefined, stats: CorpusStats): SparseRow {
  const found: Array<{ term: TermInfo; count: number }> = [];
  let length = 0;
  for (const [key, count] of counts) {
    const term = lookup(key);
    if (!term) continue;
    found.push({ term, count });
    length += count;
  }
  found.sort((a, b) => a.term.column - b.term.column);
  const saturation = BM25_K1 * (1 - BM25_B + (BM25_B * length) / Math.max(1e-9, stats.meanLength));
  const weights = new Float32Array(found.length);
  let squaredNorm = 0;
  found.forEach(({ term, count }, index) => {
    const weight = ((count * (BM25_K1 + 1)) / (count + saturation)) * inverseDocumentFrequency(stats.documentCount, term.documentFrequency);
    weights[index] = weight;
    squaredNorm += weight * weight;
  });
  const scale = squaredNorm > 0 ? 1 / Math.sqrt(squaredNorm) : 0;
  for (let index = 0; index < weights.length; index++) weights[index]! *= scale;
  return { columns: Int32Array.from(found, ({ term }) => term.column), weights };
}

/**
 * A TF-IDF row projected through the LSA basis and scaled to unit length (all zeros when no term has a basis row).
 * @param basisRowOf the basis row (`dimensions` numbers) of a column, or undefined for a column without one
 * @example projectRow({ columns: Int32Array.of(0), weights: Float32Array.of(1) }, () => Float32Array.of(3, 4), 2) // => Float32Array [0.6, 0.8]
 */
export function projectRow(row: SparseRow, basisRowOf: (column: number) => ArrayLike<number> | undefined, dimensions: number): Float32Array {
  const sum = new Float64Array(dimensions);
  row.columns.forEach((column, index) => {
    const basis = basisRowOf(column);
    if (!basis) return;
    const weight = row.weights[index]!;
    for (let d = 0; d < dimensions; d++) sum[d]! += weight * basis[d]!;
  });
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += sum[d]! * sum[d]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(sum, (value) => value * scale);
}

/**
 * Cosine of two unit sparse rows (their dot product).
 * @example sparseDot({ columns: Int32Array.of(1, 4), weights: Float32Array.of(0.6, 0.8) }, { columns: Int32Array.of(4), weights: Float32Array.of(1) }) // => 0.8
 */
export function sparseDot(first: SparseRow, second: SparseRow): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < first.columns.length && j < second.columns.length) {
    const a = first.columns[i]!;
    const b = second.columns[j]!;
    if (a === b) sum += first.weights[i++]! * second.weights[j++]!;
    else if (a < b) i++;
    else j++;
  }
  return sum;
}

/**
 * FNV-1a hash of a string: which term shard holds a word (stable across builds and machines).
 * @example fnv1a('graph') % 64 // => the same shard in the build and in the browser
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
