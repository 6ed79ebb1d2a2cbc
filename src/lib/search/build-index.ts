import MiniSearch, { type Options } from 'minisearch';
import type { SluggedPaper } from '../ingest/paper.ts';
import type { AtlasData } from '../topics/atlas-schema.ts';
import {
  indexFileName,
  type DocRecord,
  type FacetFile,
  type SearchManifest,
  SEARCH_INDEX_VERSION,
  type SearchTopic,
  type ShardFile,
  type StageManifest,
} from './manifest.ts';
import { encodeShard } from './shard-codec.ts';
// Shards and doc-store chunks are published deflated: a fifth to two fifths of their bytes (README "Search").
import { deflateText } from '../bytes/deflate.ts';
import { bodyIndexOptions, headIndexOptions, type SearchDoc } from './options.ts';
import { texToPlain } from '../tex/plain.ts';

/** What the build needs of one paper: the searchable text and what its result shows. */
export interface SearchSource {
  title: string;
  slug: string;
  abstract: string;
  authors: string[];
  /** Publication year, or 0 when unknown. */
  year: number;
  /** Topic id in `topics`, or -1. */
  topic: number;
}

export interface SearchBuildInput {
  papers: SearchSource[];
  /** Topics with their labels and keywords; `papers[i].topic` indexes this list. */
  topics: { id: number; label: string; slug: string; keywords: string[]; color?: string; parent?: number | null }[];
}

export interface SearchBuildOptions {
  /** Target size of a head shard in bytes (a shard holding one huge term may exceed it). Default 120 000. */
  headShardBytes?: number;
  /** Target size of a body shard in bytes. Default 60 000. */
  bodyShardBytes?: number;
  /** Papers per doc-store chunk. Default 32. */
  docChunkSize?: number;
  /** Characters of abstract kept as snippet source. Default 420. */
  snippetChars?: number;
  /**
   * Abstract terms found in more papers than this are left out of the body index. Such words (`network`,
   * `learning` at 100k papers) rank little, cost most of the bytes and the query time, and the head index still
   * finds them in titles. Default 2500.
   */
  maxBodyPostings?: number;
}

/** The published index: file name (relative to `/search-index/`) → file text or bytes, plus the manifest object. */
export interface SearchBundle {
  manifest: SearchManifest;
  files: Map<string, string | Uint8Array>;
}


type PlainIndex = ReturnType<MiniSearch<SearchDoc>['toJSON']>;
type IndexEntry = ShardFile['index'][number];

/**
 * The search inputs of the site's papers, in source order, with topics from the atlas (matched by slug).
 * `colorOf` gives a topic's badge colour (the map palette), so badges look the same everywhere.
 * @example papersToSearchInput([paper], atlas).papers[0] // => { title: 'TÜLU 3…', slug: 'tulu-3', topic: 4, year: 2024, … }
 */
export function papersToSearchInput(
  papers: readonly SluggedPaper[],
  atlas: AtlasData,
  colorOf?: (topicId: number, topicCount: number) => string,
): SearchBuildInput {
  const topicBySlug = new Map(atlas.papers.map((paper) => [paper.slug, paper.topic]));
  return {
    topics: atlas.topics.map((topic) => ({
      id: topic.id,
      label: topic.label,
      slug: topic.slug,
      keywords: topic.keywords,
      parent: topic.parent,
      ...(colorOf ? { color: colorOf(topic.id, atlas.topics.length) } : {}),
    })),
    // Titles and abstracts are indexed and shown as snippets in their plain form: `$k$-modal` → `k-modal`.
    papers: papers.map((paper) => ({
      title: texToPlain(paper.title),
      slug: paper.slug,
      abstract: texToPlain(paper.abstract),
      authors: paper.authors,
      year: paper.date ? Number(paper.date.slice(0, 4)) : 0,
      topic: topicBySlug.get(paper.slug) ?? -1,
    })),
  };
}

/**
 * Cut `text` to at most `maxChars` characters at a word boundary, adding an ellipsis when cut.
 * @example clipText('Graph neural networks for molecules', 20) // => 'Graph neural…'
 */
export function clipText(text: string, maxChars: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= maxChars) return collapsed;
  const cut = collapsed.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function compareTerms(a: IndexEntry, b: IndexEntry): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * Split one MiniSearch index into term-range shards, written in the compact form of `shard-codec.ts`. A shard ends
 * where its JSON form (manifest version 1) would pass `targetBytes`: the same term ranges as before the compact form,
 * so a query loads the same terms and fuzzy matching (which stays within the typed term's shard) finds the same
 * papers; each shard is about a quarter of those bytes.
 */
function shardIndex(plain: PlainIndex, targetBytes: number): { stage: StageManifest; shards: string[] } {
  const entries = (plain.index as IndexEntry[]).slice().sort(compareTerms);
  const fieldCount = Object.keys(plain.fieldIds).length;
  const fieldLength = plain.fieldLength as Record<string, number[]>;
  const firstTerms: string[] = [];
  const shards: string[] = [];
  let current: IndexEntry[] = [];
  let currentIds = new Set<number>();
  let currentBytes = 0;

  const flush = (): void => {
    if (current.length === 0) return;
    const ids = [...currentIds].sort((a, b) => a - b);
    const lengths = ids.flatMap((id) => fieldLength[id] ?? new Array<number>(fieldCount).fill(0));
    firstTerms.push(current[0]![0]);
    shards.push(encodeShard({ lengths, index: current }, fieldCount));
    current = [];
    currentIds = new Set();
    currentBytes = 0;
  };

  for (const entry of entries) {
    const entryIds = new Set<number>();
    for (const postings of Object.values(entry[1])) for (const id of Object.keys(postings)) entryIds.add(Number(id));
    const entryText = JSON.stringify(entry).length + 1;
    const countNewIds = (): number => [...entryIds].filter((id) => !currentIds.has(id)).length;
    // ~4 bytes of JSON lengths per field for each paper the shard does not mention yet.
    if (currentBytes > 0 && currentBytes + entryText + countNewIds() * fieldCount * 4 > targetBytes) flush();
    currentBytes += entryText + countNewIds() * fieldCount * 4;
    current.push(entry);
    for (const id of entryIds) currentIds.add(id);
  }
  flush();
  return {
    stage: {
      fieldIds: plain.fieldIds,
      averageFieldLength: plain.averageFieldLength.map((length) => Number(length.toFixed(4))),
      firstTerms,
      shardBytes: shards.map((text) => Buffer.byteLength(text)),
    },
    shards,
  };
}

/** The index without terms whose postings (papers, summed over fields) exceed `maxPostings`. */
function withoutCommonTerms(plain: PlainIndex, maxPostings: number): PlainIndex {
  const index = (plain.index as IndexEntry[]).filter(
    ([, fields]) => Object.values(fields).reduce((sum, postings) => sum + Object.keys(postings).length, 0) <= maxPostings,
  );
  return { ...plain, index };
}

function buildIndex(docs: SearchDoc[], options: Options<SearchDoc>): PlainIndex {
  const miniSearch = new MiniSearch<SearchDoc>(options);
  miniSearch.addAll(docs);
  return miniSearch.toJSON();
}

/** The body index of a set of abstracts, cut into shards: what `buildBodyIndex` gives and `buildSearchIndex` takes. */
export interface BodyIndex {
  stage: StageManifest;
  shards: string[];
}

/**
 * The body index (abstracts only), sharded. It needs nothing from the topic step, so the build makes it in a worker
 * thread while the topic step runs (src/data/search.ts); `abstracts[i]` is paper i in source order.
 * @example buildBodyIndex(['Message passing on graphs.']).shards.length // => 1
 */
export function buildBodyIndex(abstracts: readonly string[], options: Pick<SearchBuildOptions, 'bodyShardBytes' | 'maxBodyPostings'> = {}): BodyIndex {
  const { bodyShardBytes = 60_000, maxBodyPostings = 2500 } = options;
  const docs: SearchDoc[] = abstracts.map((abstract, id) => ({ id, title: '', topic: '', authors: '', abstract }));
  return shardIndex(withoutCommonTerms(buildIndex(docs, bodyIndexOptions), maxBodyPostings), bodyShardBytes);
}

/**
 * Build the published search index: a head index (title, topic label + keywords, authors) and a body index
 * (abstract), each a MiniSearch index serialized with `toJSON`, cut into term-range shards and written in the
 * compact text of `shard-codec.ts`; a doc store in
 * chunks; facets; and the manifest. Same input, same bytes. `prebuiltBody` is the body index of the same papers'
 * abstracts when it was made elsewhere (`buildBodyIndex`).
 * @example buildSearchIndex({ papers, topics }).files.get('manifest.json') // => '{"version":2,"documentCount":120,…}'
 */
export function buildSearchIndex(input: SearchBuildInput, options: SearchBuildOptions = {}, prebuiltBody?: BodyIndex): SearchBundle {
  const { headShardBytes = 120_000, docChunkSize = 32, snippetChars = 420 } = options;
  const topicText = new Map(input.topics.map((topic) => [topic.id, `${topic.label} ${topic.keywords.join(' ')}`]));
  const docs: SearchDoc[] = input.papers.map((paper, id) => ({
    id,
    title: paper.title,
    topic: topicText.get(paper.topic) ?? '',
    authors: paper.authors.join(' '),
    abstract: paper.abstract,
  }));

  const head = shardIndex(buildIndex(docs, headIndexOptions), headShardBytes);
  const body = prebuiltBody ?? buildBodyIndex(input.papers.map((paper) => paper.abstract), options);

  const files = new Map<string, string | Uint8Array>();
  head.shards.forEach((text, n) => files.set(indexFileName('head', n), deflateText(text)));
  body.shards.forEach((text, n) => files.set(indexFileName('body', n), deflateText(text)));

  const records: DocRecord[] = input.papers.map((paper) => [
    paper.title,
    paper.slug,
    paper.topic,
    paper.year,
    paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', '),
    clipText(paper.abstract, snippetChars),
  ]);
  const chunkCount = Math.ceil(records.length / docChunkSize);
  for (let n = 0; n < chunkCount; n += 1) {
    files.set(indexFileName('docs', n), deflateText(JSON.stringify(records.slice(n * docChunkSize, (n + 1) * docChunkSize))));
  }

  const facets: FacetFile = { topic: input.papers.map((paper) => paper.topic), year: input.papers.map((paper) => paper.year) };
  files.set('facets.json', JSON.stringify(facets));

  const topics: SearchTopic[] = input.topics.map((topic) => ({
    id: topic.id,
    label: topic.label,
    slug: topic.slug,
    color: topic.color ?? '#64748b',
    ...(topic.parent === undefined || topic.parent === null ? {} : { parent: topic.parent }),
  }));
  const manifest: SearchManifest = {
    version: SEARCH_INDEX_VERSION,
    documentCount: docs.length,
    head: head.stage,
    body: body.stage,
    docs: { chunkSize: docChunkSize, chunks: chunkCount },
    topics,
    hasYears: input.papers.some((paper) => paper.year > 0),
    hasAuthors: input.papers.some((paper) => paper.authors.length > 0),
  };
  files.set('manifest.json', JSON.stringify(manifest));
  return { manifest, files };
}
