/**
 * The published vector files (under `/vectors/`), shared by the build that writes them and the worker that reads
 * them. See the README section "Vector files" for the whole format.
 */

import { inflateBytes } from '../bytes/inflate.ts';

/**
 * Format version of the files; a worker refuses files of another version. 2: every `.bin` is published deflated (raw
 * deflate of the pack, read through `inflatingLoader`), and whole-number sections (term columns, row starts, document
 * frequencies, neighbour places) are the narrowest of u8/u16/i32 that holds them (format 1: plain packs, i32 throughout).
 */
export const VECTOR_FORMAT = 2;

/** Reads one file under the vector folder (path as in `vectorFilePath`), as published. */
export type VectorLoader = (path: string) => Promise<Uint8Array>;

/**
 * A loader that gives the packs inflated: what the readers (query.ts, library/paper-vectors.ts) open the files with.
 * @example await inflatingLoader(load)('topics.bin') // => the RAV1 pack bytes
 */
export function inflatingLoader(load: VectorLoader): VectorLoader {
  return async (path) => (path.endsWith('.bin') ? inflateBytes(await load(path)) : load(path));
}

/** `/vectors/manifest.json`: everything a query needs before its first file. */
export interface VectorManifest {
  format: typeof VECTOR_FORMAT;
  /** Numbers per vector (LSA dimensions). */
  dimensions: number;
  paperCount: number;
  /** Corpus figures of the BM25 weights (text-vector.ts). */
  documentCount: number;
  meanLength: number;
  termCount: number;
  /** Term shards: a term lives in `terms/<fnv1a(first word key) % termShardCount>.bin`. */
  termShardCount: number;
  /** First published column of each term shard: shard s holds columns [starts[s], starts[s + 1]). */
  termShardStarts: number[];
  /** Vectors the papers' neighbours come from: 'text' (LSA) or 'embedding' (the records' own vectors). */
  paperVectors: 'text' | 'embedding';
}

/** Header of `topics.bin` (sections `codes` i8 and `scales` f32: one unit centroid per finest topic). */
export interface TopicsHeader {
  topics: Array<{ id: number; slug: string; label: string; size: number; parentLabel: string | null }>;
}

/**
 * Header of `terms/<n>.bin`: term i is column firstColumn + i. Sections: `df` (document frequency; whole-number
 * sections are u8, u16 or i32, the narrowest that fits: read them with pack-file.ts intSection), `codes` i8
 * and `scales` f32 (its row of the LSA basis, int8 per row).
 */
export interface TermShardHeader {
  firstColumn: number;
  /** Term keys: a word's key (tokenize.ts termKey), or a phrase's word keys joined by spaces. */
  keys: string[];
  display: string[];
}

/**
 * Header of `papers/<topic id>.bin`, one per finest topic. Sections: `codes` i8 and `scales` f32 (unit vectors),
 * `rowStart` (paper p's TF-IDF entries are [rowStart[p], rowStart[p + 1])), `terms` (columns, ascending; u16 while
 * the vocabulary is under 65,536 terms) and `weights` u8 (weight × 255). When the manifest's `paperVectors` is
 * 'embedding', also `nearStart` (paper p's neighbours are entries [nearStart[p], nearStart[p + 1])), `nearTopic`,
 * `nearIndex` (the neighbour's topic and
 * place in that topic's shard) and `nearSimilarity` f32: the related papers the sources' embeddings gave.
 */
export interface PaperShardHeader {
  slugs: string[];
  titles: string[];
}

/**
 * Path of a file under the vector folder.
 * @example vectorFilePath({ kind: 'terms', shard: 7 }) // => 'terms/7.bin'
 */
export function vectorFilePath(file: { kind: 'manifest' } | { kind: 'topics' } | { kind: 'terms'; shard: number } | { kind: 'papers'; topic: number }): string {
  switch (file.kind) {
    case 'manifest':
      return 'manifest.json';
    case 'topics':
      return 'topics.bin';
    case 'terms':
      return `terms/${file.shard}.bin`;
    case 'papers':
      return `papers/${file.topic}.bin`;
  }
}
