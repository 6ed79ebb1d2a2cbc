/**
 * Sparse TF-IDF: BM25-saturated term frequency (Robertson & Zaragoza 2009: tf (k1 + 1) / (tf + k1 (1 − b + b len / mean
 * len)), k1 = 1.2, b = 0.75) or sublinear term frequency (1 + ln tf), smoothed idf (ln((1 + N) / (1 + df)) + 1, as scikit-learn),
 * rows scaled to unit length. Stored as CSR typed arrays so 100k documents stay a few tens of megabytes.
 */

/** A compressed-sparse-row matrix: row r's entries are colIndex/values[rowStart[r] .. rowStart[r + 1]). */
export interface SparseMatrix {
  rowCount: number;
  columnCount: number;
  rowStart: Int32Array;
  /** Column of each entry, ascending within a row. */
  colIndex: Int32Array;
  values: Float32Array;
}

export interface TfidfOptions {
  /** Least number of documents a term must appear in. Default 2, rising to N / 10,000 for large corpora. */
  minDf?: number;
  /** Terms in more than this share of documents are dropped. Default 0.5. */
  maxDfRatio?: number;
  /**
   * Term-frequency weighting. 'bm25' (default) saturates repeats and discounts long documents, which measured better
   * topic agreement on arXiv abstracts (k-means NMI 0.424 vs 0.416 at k = 150); 'sublinear' is 1 + ln tf.
   */
  weighting?: 'bm25' | 'sublinear';
}

/** BM25 saturation and length normalisation constants (the usual defaults); the browser's query vectors use them too. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * Smoothed inverse document frequency, as a Float32 (the precision the matrix keeps), shared by the build and the
 * browser's query vectors (src/lib/vectors/text-vector.ts).
 * @example inverseDocumentFrequency(1, 1) // => 1
 */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.fround(Math.log((1 + documentCount) / (1 + documentFrequency)) + 1);
}

export interface TfidfModel {
  /** Document × term weights, each row of unit length (or empty). */
  matrix: SparseMatrix;
  /** Raw occurrence count of each matrix entry (same layout as matrix.values). */
  counts: Float32Array;
  /** Feature id of each kept term (matrix column). */
  termFeature: Int32Array;
  /** Inverse document frequency of each kept term. */
  idf: Float32Array;
  /** Number of documents containing each kept term. */
  documentFrequency: Int32Array;
}

/**
 * Build the TF-IDF matrix from documents given as feature-id lists.
 * @param docOffsets document d's features are featureIds[docOffsets[d] .. docOffsets[d + 1])
 * @param featureIds feature id of every occurrence
 * @param featureCount number of distinct feature ids
 * @example buildTfidf(Int32Array.of(0, 2, 3), Int32Array.of(0, 1, 0), 2, { minDf: 1, maxDfRatio: 1 }).idf // => Float32Array [1, 1.4054651]
 */
export function buildTfidf(
  docOffsets: Int32Array,
  featureIds: Int32Array,
  featureCount: number,
  options: TfidfOptions = {},
): TfidfModel {
  const documentCount = docOffsets.length - 1;
  const minDf = options.minDf ?? (documentCount < 1000 ? 2 : Math.max(3, Math.round(documentCount / 10000)));
  const maxDf = Math.floor((options.maxDfRatio ?? 0.5) * documentCount);

  const lastSeenIn = new Int32Array(featureCount).fill(-1);
  const featureDf = new Int32Array(featureCount);
  for (let doc = 0; doc < documentCount; doc++) {
    for (let index = docOffsets[doc]!; index < docOffsets[doc + 1]!; index++) {
      const feature = featureIds[index]!;
      if (lastSeenIn[feature] !== doc) {
        lastSeenIn[feature] = doc;
        featureDf[feature]!++;
      }
    }
  }
  const featureTerm = new Int32Array(featureCount).fill(-1);
  const kept: number[] = [];
  for (let feature = 0; feature < featureCount; feature++) {
    const df = featureDf[feature]!;
    if (df >= minDf && df <= Math.max(maxDf, 1)) {
      featureTerm[feature] = kept.length;
      kept.push(feature);
    }
  }
  const termCount = kept.length;
  const termFeature = Int32Array.from(kept);
  const documentFrequency = new Int32Array(termCount);
  const idf = new Float32Array(termCount);
  for (let term = 0; term < termCount; term++) {
    documentFrequency[term] = featureDf[termFeature[term]!]!;
    idf[term] = inverseDocumentFrequency(documentCount, documentFrequency[term]!);
  }

  const isBm25 = (options.weighting ?? 'bm25') === 'bm25';
  const documentLength = new Float64Array(documentCount);
  let meanLength = 0;
  for (let doc = 0; doc < documentCount; doc++) {
    for (let index = docOffsets[doc]!; index < docOffsets[doc + 1]!; index++) if (featureTerm[featureIds[index]!]! >= 0) documentLength[doc]!++;
    meanLength += documentLength[doc]! / Math.max(1, documentCount);
  }

  const rowStart = new Int32Array(documentCount + 1);
  const termCounts = new Float32Array(termCount);
  const touched = new Int32Array(termCount);
  let colIndex: Int32Array = new Int32Array(Math.max(16, featureIds.length >> 1));
  let values: Float32Array = new Float32Array(colIndex.length);
  let counts: Float32Array = new Float32Array(colIndex.length);
  let entryCount = 0;
  for (let doc = 0; doc < documentCount; doc++) {
    rowStart[doc] = entryCount;
    let touchedCount = 0;
    for (let index = docOffsets[doc]!; index < docOffsets[doc + 1]!; index++) {
      const term = featureTerm[featureIds[index]!]!;
      if (term < 0) continue;
      if (termCounts[term] === 0) touched[touchedCount++] = term;
      termCounts[term]!++;
    }
    const rowTerms = touched.subarray(0, touchedCount).sort();
    if (entryCount + touchedCount > colIndex.length) {
      const size = Math.max(colIndex.length * 2, entryCount + touchedCount);
      colIndex = grownInt(colIndex, size);
      values = grownFloat(values, size);
      counts = grownFloat(counts, size);
    }
    let squaredNorm = 0;
    const saturation = BM25_K1 * (1 - BM25_B + (BM25_B * documentLength[doc]!) / Math.max(1e-9, meanLength));
    for (let offset = 0; offset < touchedCount; offset++) {
      const term = rowTerms[offset]!;
      const count = termCounts[term]!;
      const weight = (isBm25 ? (count * (BM25_K1 + 1)) / (count + saturation) : 1 + Math.log(count)) * idf[term]!;
      colIndex[entryCount + offset] = term;
      values[entryCount + offset] = weight;
      counts[entryCount + offset] = termCounts[term]!;
      squaredNorm += weight * weight;
      termCounts[term] = 0;
    }
    const scale = squaredNorm > 0 ? 1 / Math.sqrt(squaredNorm) : 0;
    for (let offset = 0; offset < touchedCount; offset++) values[entryCount + offset]! *= scale;
    entryCount += touchedCount;
  }
  rowStart[documentCount] = entryCount;
  return {
    matrix: {
      rowCount: documentCount,
      columnCount: termCount,
      rowStart,
      colIndex: colIndex.slice(0, entryCount),
      values: values.slice(0, entryCount),
    },
    counts: counts.slice(0, entryCount),
    termFeature,
    idf,
    documentFrequency,
  };
}

function grownInt(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function grownFloat(array: Float32Array, size: number): Float32Array {
  const grown = new Float32Array(size);
  grown.set(array);
  return grown;
}
