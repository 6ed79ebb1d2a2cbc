/**
 * The published search index: shapes shared by the build (`build-index.ts`) and the browser (`engine.ts`).
 *
 * Files, all under `/search-index/`:
 * - `manifest.json`: a `SearchManifest` (small; fetched first).
 * - `head-<n>.deflate`, `body-<n>.deflate`: `ShardFile`s in the compact text of `shard-codec.ts`, deflated (raw
 *   deflate, read with `inflate.ts`), slices of the head and body MiniSearch indexes by term range.
 * - `docs-<n>.deflate`: `DocRecord[]` as JSON, deflated, `manifest.docs.chunkSize` papers each, in doc-store order.
 * - `facets.json`: `FacetFile`, topic and year of every paper (for filters on /search/).
 * - `authors.json`: `AuthorEntry[]` (src/lib/search/author-suggest.ts), every author for the filters' typeahead.
 * - `categories.json`: `CategoryEntry[]`, the papers of each choice of the category filter.
 */

/** One stage (head or body) of the index: the MiniSearch header plus where its shards start. */
export interface StageManifest {
  /** MiniSearch `fieldIds` of the full index. */
  fieldIds: Record<string, number>;
  /** MiniSearch `averageFieldLength` of the full index, so BM25 scores match the unsharded index. */
  averageFieldLength: number[];
  /** The first (smallest) term of each shard, ascending; shard `n` holds the terms from `firstTerms[n]` up to `firstTerms[n + 1]`. */
  firstTerms: string[];
  /** Size in bytes of each shard file. */
  shardBytes: number[];
}

export interface SearchTopic {
  id: number;
  label: string;
  slug: string;
  /** Badge colour (CSS colour), the map's palette. */
  color: string;
  /** The theme this subtopic belongs to (absent for a theme): filtering by a theme keeps its subtopics' papers. */
  parent?: number;
}

/**
 * Format of the published index: 2 is the compact shard text of `shard-codec.ts`, shards and doc-store chunks deflated
 * (1 was JSON shards and chunks, uncompressed).
 */
export const SEARCH_INDEX_VERSION = 2;

export interface SearchManifest {
  version: typeof SEARCH_INDEX_VERSION;
  /** Number of papers; doc ids are 0..documentCount-1. */
  documentCount: number;
  head: StageManifest;
  body: StageManifest;
  docs: { chunkSize: number; chunks: number };
  topics: SearchTopic[];
  /** Whether any paper has a year / authors (filters are offered only then). */
  hasYears: boolean;
  hasAuthors: boolean;
}

/**
 * One shard in MiniSearch's `toJSON` form (what `shard-codec.ts` encodes, and `shardFileOf` gives back; the page
 * decodes to Maps instead): `toJSON().index` entries for a term range, plus the field lengths of the papers those
 * entries mention (flat: for each referenced id ascending, one number per field of the stage).
 */
export interface ShardFile {
  lengths: number[];
  index: [string, Record<string, Record<string, number>>][];
}

/** What a result needs to render: title, slug, topic id (-1: none), year (0: none), short author line, snippet source. */
export type DocRecord = [title: string, slug: string, topic: number, year: number, authors: string, text: string];

/**
 * One choice of the category filter (src/lib/site/categories.ts) with the doc-store ids of its papers, ascending:
 * `['cs.LG', [3, 17, 40]]`. Fetched only when a category is picked.
 */
export type CategoryEntry = [value: string, paperIds: number[]];

export interface FacetFile {
  topic: number[];
  year: number[];
}

/**
 * File name of a published index file (deflated: `inflate.ts` reads it).
 * @example indexFileName('head', 3) // => 'head-3.deflate'
 */
export function indexFileName(kind: 'head' | 'body' | 'docs', n: number): string {
  return `${kind}-${n}.deflate`;
}

/**
 * Index of the shard whose term range contains `term` (binary search over `firstTerms`); 0 for terms below the first.
 * @example shardForTerm(['a', 'm', 't'], 'neural') // => 1
 */
export function shardForTerm(firstTerms: readonly string[], term: string): number {
  let low = 0;
  let high = firstTerms.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((firstTerms[mid] as string) <= term) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Shards holding terms that start with `prefix`: a contiguous run, from the shard of `prefix` to the shard of the
 * largest string with that prefix.
 * @example shardsForPrefix(['a', 'ma', 'mo', 't'], 'm') // => [0, 1, 2]
 */
export function shardsForPrefix(firstTerms: readonly string[], prefix: string): number[] {
  const first = shardForTerm(firstTerms, prefix);
  const last = shardForTerm(firstTerms, `${prefix}\uffff`);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
