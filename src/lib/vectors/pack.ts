/**
 * The build side of `/vectors/`: from the papers, their atlas and the fitted LSA basis, every file a browser needs
 * to place a text in the atlas's space and find its nearest papers (format.ts, README "Vector files").
 *
 * Designed so a query fetches a small part of the whole at 100,000 papers: the manifest and topic centroids first,
 * then only the term shards of the query's words (terms are hashed to shards by their first word) and the paper
 * shards of the nearest topics (one shard per finest topic).
 */
import type { AtlasData, TopicInput } from '../topics/atlas-schema.ts';
import { takeCorpusTerms } from '../topics/corpus-terms.ts';
import { topicText } from '../topics/atlas-schema.ts';
import { encodePack, narrowInts } from './pack-file.ts';
import { deflateBytes } from '../bytes/deflate.ts';
import { dequantiseRows, quantiseRows, quantiseUnitWeights } from './quantise.ts';
import { fnv1a, projectRow, shardWordOf } from './text-vector.ts';
import { VECTOR_FORMAT, vectorFilePath, type PaperShardHeader, type TermShardHeader, type TopicsHeader, type VectorManifest } from './format.ts';

/** Terms per term shard: a 200-word abstract touches about a hundred shards of the 10k atlas's ~300. */
export const TERMS_PER_SHARD = 64;

export interface VectorPackInput {
  /** The papers, parallel to atlas.papers. */
  papers: readonly TopicInput[];
  atlas: AtlasData;
  /** The fitted LSA basis: identity of each row (TopicModel.termKeys) and the rows, `dimensions` numbers each. */
  termKeys: readonly string[];
  termBasis: Float32Array;
  dimensions: number;
  /** Vectors the atlas's neighbours came from (default 'text'). */
  paperVectors?: 'text' | 'embedding';
}

export interface VectorPack {
  /** Path under `/vectors/` → contents as published (`.bin` packs deflated: format.ts `inflatingLoader` reads them). */
  files: Map<string, Uint8Array>;
  manifest: VectorManifest;
  /** Each paper's unit vector before int8 quantisation (what the browser's projection of its text gives). */
  vectors: Float32Array;
}

/**
 * Build every vector file.
 * @example buildVectorPack({ papers, atlas, termKeys, termBasis, dimensions: 100 }).files.get('manifest.json') // => Uint8Array of the manifest JSON
 */
export function buildVectorPack(input: VectorPackInput): VectorPack {
  const { papers, atlas, dimensions } = input;
  // The topic step's own terms when it just made them from these texts (corpus-terms.ts), else made here.
  const { corpus, features, tfidf } = takeCorpusTerms(papers.map(topicText));
  const termCount = tfidf.matrix.columnCount;
  const keys = Array.from(tfidf.termFeature, (feature) => Array.from(features.featureParts[feature]!, (unigram) => corpus.unigramKeys[unigram]!).join(' '));
  const display = Array.from(tfidf.termFeature, (feature) => features.featureDisplay[feature]!);

  // The basis rows the browser receives are int8; the papers are projected through the same rows, so a paper's
  // own text gives exactly its published vector.
  const basisRowOfKey = new Map(input.termKeys.map((key, row) => [key, row]));
  const basis = new Float32Array(termCount * dimensions);
  keys.forEach((key, column) => {
    const row = basisRowOfKey.get(key);
    if (row !== undefined) basis.set(input.termBasis.subarray(row * dimensions, (row + 1) * dimensions), column * dimensions);
  });
  const quantisedBasis = quantiseRows(basis, dimensions);
  const shippedBasis = dequantiseRows(quantisedBasis);
  const basisRowOf = (column: number) => shippedBasis.subarray(column * dimensions, (column + 1) * dimensions);

  const { rowStart, colIndex, values } = tfidf.matrix;
  const vectors = new Float32Array(papers.length * dimensions);
  let meanLength = 0;
  for (let row = 0; row < papers.length; row++) {
    const columns = colIndex.subarray(rowStart[row]!, rowStart[row + 1]!);
    vectors.set(projectRow({ columns, weights: values.subarray(rowStart[row]!, rowStart[row + 1]!) }, basisRowOf, dimensions), row * dimensions);
    let length = 0;
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) length += tfidf.counts[entry]!;
    meanLength += length / Math.max(1, papers.length);
  }

  // Published columns are numbered shard by shard, so a column's shard is found from the manifest's shard starts
  // (a paper's own terms can be looked up for display) and a query's words are found by hashing their keys.
  const files = new Map<string, Uint8Array>();
  const termShardCount = Math.max(1, Math.ceil(termCount / TERMS_PER_SHARD));
  const columnsOfShard: number[][] = Array.from({ length: termShardCount }, () => []);
  keys.forEach((key, column) => columnsOfShard[fnv1a(shardWordOf(key)) % termShardCount]!.push(column));
  const publishedColumn = new Int32Array(termCount);
  const termShardStarts: number[] = [];
  let nextColumn = 0;
  columnsOfShard.forEach((columns, shard) => {
    termShardStarts.push(nextColumn);
    for (const column of columns) publishedColumn[column] = nextColumn++;
    const header: TermShardHeader = { firstColumn: termShardStarts[shard]!, keys: columns.map((column) => keys[column]!), display: columns.map((column) => display[column]!) };
    files.set(
      vectorFilePath({ kind: 'terms', shard }),
      encodePack(header, {
        df: narrowInts(Array.from(columns, (column) => tfidf.documentFrequency[column]!)),
        codes: gatherRows(quantisedBasis.codes, columns, dimensions),
        scales: Float32Array.from(columns, (column) => quantisedBasis.scales[column]!),
      }),
    );
  });

  const quantisedPapers = quantiseRows(vectors, dimensions);
  const rowsOfTopic = new Map<number, number[]>();
  atlas.papers.forEach((paper, row) => {
    const rows = rowsOfTopic.get(paper.topic) ?? [];
    rows.push(row);
    rowsOfTopic.set(paper.topic, rows);
  });
  const finestTopics = [...rowsOfTopic.keys()].sort((a, b) => a - b);
  // With embeddings, a paper's neighbours are those the embeddings gave (atlas `related`), not the text's: each paper
  // shard lists them as (topic, index in that topic's shard) so "papers like this paper" follows the embeddings.
  let near: NearPapers | undefined;
  if (input.paperVectors === 'embedding') {
    const placeOfSlug = new Map<string, [number, number]>();
    for (const [topic, rows] of rowsOfTopic) rows.forEach((row, index) => placeOfSlug.set(papers[row]!.slug, [topic, index]));
    near = { placeOfSlug, atlas };
  }
  const centroids = new Float32Array(finestTopics.length * dimensions);
  finestTopics.forEach((topic, index) => {
    const rows = rowsOfTopic.get(topic)!;
    const centroid = centroids.subarray(index * dimensions, (index + 1) * dimensions);
    for (const row of rows) for (let d = 0; d < dimensions; d++) centroid[d]! += vectors[row * dimensions + d]!;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += centroid[d]! * centroid[d]!;
    for (let d = 0; d < dimensions; d++) centroid[d] = norm > 0 ? centroid[d]! / Math.sqrt(norm) : 0;
    files.set(vectorFilePath({ kind: 'papers', topic }), paperShard(rows, papers, quantisedPapers, tfidf.matrix, publishedColumn, near));
  });
  const quantisedCentroids = quantiseRows(centroids, dimensions);
  const topicsHeader: TopicsHeader = {
    topics: finestTopics.map((id) => {
      const topic = atlas.topics[id]!;
      return { id, slug: topic.slug, label: topic.label, size: rowsOfTopic.get(id)!.length, parentLabel: topic.parent === null ? null : atlas.topics[topic.parent]!.label };
    }),
  };
  files.set(vectorFilePath({ kind: 'topics' }), encodePack(topicsHeader, { codes: quantisedCentroids.codes, scales: quantisedCentroids.scales }));

  const manifest: VectorManifest = {
    format: VECTOR_FORMAT,
    dimensions,
    paperCount: papers.length,
    documentCount: papers.length,
    meanLength,
    termCount,
    termShardCount,
    termShardStarts,
    paperVectors: input.paperVectors ?? 'text',
  };
  // Published deflated (format 2): the packs' strings and int8 rows shrink to about half; readers inflate them.
  for (const [path, bytes] of files) files.set(path, deflateBytes(bytes));
  files.set(vectorFilePath({ kind: 'manifest' }), new TextEncoder().encode(JSON.stringify(manifest)));
  return { files, manifest, vectors };
}

function paperShard(
  rows: readonly number[],
  papers: readonly TopicInput[],
  quantised: { codes: Int8Array; scales: Float32Array },
  matrix: { rowStart: Int32Array; colIndex: Int32Array; values: Float32Array },
  publishedColumn: Int32Array,
  near?: NearPapers,
): Uint8Array {
  const dimensions = quantised.codes.length / Math.max(1, quantised.scales.length);
  const header: PaperShardHeader = { slugs: rows.map((row) => papers[row]!.slug), titles: rows.map((row) => papers[row]!.title) };
  const codes = gatherRows(quantised.codes, rows, dimensions);
  const rowStart = new Int32Array(rows.length + 1);
  const terms: number[] = [];
  const weights: number[] = [];
  rows.forEach((row, index) => {
    rowStart[index] = terms.length;
    const entries: Array<[number, number]> = [];
    for (let entry = matrix.rowStart[row]!; entry < matrix.rowStart[row + 1]!; entry++) entries.push([publishedColumn[matrix.colIndex[entry]!]!, matrix.values[entry]!]);
    entries.sort((a, b) => a[0] - b[0]);
    for (const [column, weight] of entries) {
      terms.push(column);
      weights.push(weight);
    }
  });
  rowStart[rows.length] = terms.length;
  return encodePack(header, {
    codes,
    scales: Float32Array.from(rows, (row) => quantised.scales[row]!),
    rowStart: narrowInts(rowStart),
    terms: narrowInts(terms),
    weights: quantiseUnitWeights(Float32Array.from(weights)),
    ...(near ? nearSections(rows, near) : {}),
  });
}

interface NearPapers {
  placeOfSlug: ReadonlyMap<string, [number, number]>;
  atlas: AtlasData;
}

/** Sections `nearStart`, `nearTopic`, `nearIndex` (whole numbers, narrowInts) and `nearSimilarity` f32: each paper's related papers, in order. */
function nearSections(rows: readonly number[], near: NearPapers): Record<string, Uint8Array | Uint16Array | Int32Array | Float32Array> {
  const nearStart = new Int32Array(rows.length + 1);
  const topics: number[] = [];
  const indices: number[] = [];
  const similarities: number[] = [];
  rows.forEach((row, index) => {
    nearStart[index] = topics.length;
    for (const related of near.atlas.papers[row]!.related) {
      const place = near.placeOfSlug.get(related.slug);
      if (!place) continue;
      topics.push(place[0]);
      indices.push(place[1]);
      similarities.push(related.similarity);
    }
  });
  nearStart[rows.length] = topics.length;
  return { nearStart: narrowInts(nearStart), nearTopic: narrowInts(topics), nearIndex: narrowInts(indices), nearSimilarity: Float32Array.from(similarities) };
}

/** The chosen rows of a row-major int8 matrix, in the order given. */
function gatherRows(codes: Int8Array, rows: readonly number[], dimensions: number): Int8Array {
  const gathered = new Int8Array(rows.length * dimensions);
  rows.forEach((row, index) => gathered.set(codes.subarray(row * dimensions, (row + 1) * dimensions), index * dimensions));
  return gathered;
}
