import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import {
  indexFileName,
  shardForTerm,
  shardsForPrefix,
  type CategoryEntry,
  type DocRecord,
  type FacetFile,
  SEARCH_INDEX_VERSION,
  type SearchManifest,
  type ShardFile,
  type StageManifest,
} from './manifest.ts';
import { decodeShard } from './shard-codec.ts';
import { loadShard } from './shard-load.ts';
import { inflateText } from '../bytes/inflate.ts';
import { bodyIndexOptions, fuzzyDistance, headIndexOptions, termSearchOptions, type SearchDoc } from './options.ts';
import { parseQuery, queryVariants, type QueryWord } from './query.ts';
import { findAuthor, type AuthorEntry } from './author-suggest.ts';
import { categoryIds, hasFilters, idsPassingFacets, intersect, type SearchFilters } from './filters.ts';

/** Reads one published index file (relative to `/search-index/`): its text, or its bytes (deflated files). */
export type FetchIndexFile = (file: string) => Promise<string | Uint8Array>;

/** One matching paper. */
export interface SearchHit {
  /** Doc-store id. */
  id: number;
  score: number;
  /** How many query words the paper itself contains (title, authors, abstract); papers matching every word rank first. */
  matchedWords: number;
  /**
   * True when the paper contains none of the words and is found only because its topic's label or keywords hold
   * every one of them: such papers come after all papers that contain the words, are not counted as results and are
   * marked as topic matches where shown.
   */
  isTopicMatch: boolean;
}

export interface SearchResponse {
  /**
   * All matches, best first: papers containing the most query words, then score, then id; topic matches last.
   * With no query words but a filter, every paper the filters allow, newest first (then source order).
   */
  hits: SearchHit[];
  /** Number of words in the processed query (0: nothing searchable, or a filters-only listing). */
  wordCount: number;
  /** Papers containing at least one query word (all hits but the topic matches): what a result count counts. */
  resultCount: number;
  /** Papers containing every word. */
  allWordsCount: number;
  /** Index terms a hit matched (processed, e.g. `tulu`), for highlighting; computed on demand for the hits shown. */
  termsOf: (id: number) => string[];
}

export { hasFilters, type SearchFilters } from './filters.ts';

export interface EngineSearchOptions extends SearchFilters {
  /** `head` searches titles, topics and authors only (first results); `all` adds abstract terms. Default `all`. */
  stages?: 'head' | 'all';
}

/** Below this many exact matches a term is also matched fuzzily. */
const FUZZY_FALLBACK = 20;

/** A prefix typed so short that it spans more shards than this is looked up in its own shard only. */
const MAX_PREFIX_SHARDS = 3;

interface TermMatches {
  score: number;
  /** The matched index terms, as the arrays MiniSearch returned (merged only for the hits shown). */
  terms: string[][];
  /** True when some term matched a field of the paper itself, not only its topic's label and keywords. */
  isDirect: boolean;
}

type Stage = 'head' | 'body';

function emptyResponse(): SearchResponse {
  return { hits: [], wordCount: 0, resultCount: 0, allWordsCount: 0, termsOf: () => [] };
}

function collectMatches(shards: MiniSearch<SearchDoc>[], term: string, searchOptions: SearchOptions): Map<number, TermMatches> {
  const matches = new Map<number, TermMatches>();
  for (const shard of shards) {
    for (const result of shard.search(term, searchOptions)) {
      const id = result.id as number;
      const isDirect = Object.values(result.match).some((fields) => fields.some((field) => field !== 'topic'));
      const existing = matches.get(id);
      if (existing) {
        existing.score += result.score;
        existing.terms.push(result.terms);
        existing.isDirect ||= isDirect;
      } else {
        matches.set(id, { score: result.score, terms: [result.terms], isDirect });
      }
    }
  }
  return matches;
}

/**
 * The search engine shared by the browser, the tests and the benchmark. It loads the manifest, then only the
 * shards the query's words fall in, and scores exactly as one MiniSearch index over all papers would.
 * @example
 * const engine = await SearchEngine.open(async (file) => new Uint8Array(await (await fetch(`/search-index/${file}`)).arrayBuffer()));
 * (await engine.search('tulu')).hits[0] // => { id: 38, score: 22.7, matchedWords: 1 }
 */
export class SearchEngine {
  readonly manifest: SearchManifest;
  private readonly fetchFile: FetchIndexFile;
  private readonly shards = new Map<string, Promise<MiniSearch<SearchDoc>>>();
  private readonly docChunks = new Map<number, Promise<DocRecord[]>>();
  private facetFile: Promise<FacetFile> | undefined;
  private authorFile: Promise<AuthorEntry[]> | undefined;
  private categoryFile: Promise<CategoryEntry[]> | undefined;
  /** Files fetched so far with their sizes (characters of text, or bytes), in fetch order (the benchmark reads it). */
  readonly fetched: { file: string; size: number }[] = [];

  constructor(manifest: SearchManifest, fetchFile: FetchIndexFile) {
    this.manifest = manifest;
    this.fetchFile = fetchFile;
  }

  /**
   * Fetch the manifest and return an engine.
   * @example await SearchEngine.open((file) => readFile(`dist/search-index/${file}`))
   */
  static async open(fetchFile: FetchIndexFile): Promise<SearchEngine> {
    const data = await fetchFile('manifest.json');
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const manifest = JSON.parse(text) as SearchManifest;
    if (manifest.version !== SEARCH_INDEX_VERSION) {
      throw new Error(`search-index/manifest.json: expected version ${SEARCH_INDEX_VERSION}, found ${String(manifest.version)}`);
    }
    const engine = new SearchEngine(manifest, fetchFile);
    engine.fetched.push({ file: 'manifest.json', size: text.length });
    return engine;
  }

  /** A file's text: deflated files (`.deflate`, manifest.ts) are inflated, others decoded as UTF-8. */
  private async fetchText(file: string): Promise<string> {
    const data = await this.fetchFile(file);
    this.fetched.push({ file, size: typeof data === 'string' ? data.length : data.byteLength });
    if (typeof data === 'string') return data;
    return file.endsWith('.deflate') ? inflateText(data) : new TextDecoder().decode(data);
  }

  private loadShard(stage: Stage, n: number): Promise<MiniSearch<SearchDoc>> {
    const file = indexFileName(stage, n);
    let shard = this.shards.get(file);
    if (!shard) {
      const stageManifest = this.manifest[stage];
      const options: Options<SearchDoc> = stage === 'head' ? headIndexOptions : bodyIndexOptions;
      shard = this.fetchText(file).then((text) => {
        return loadShard(decodeShard(text, Object.keys(stageManifest.fieldIds).length), stageManifest, this.manifest.documentCount, options);
      });
      shard.catch(() => this.shards.delete(file));
      this.shards.set(file, shard);
    }
    return shard;
  }

  private shardsFor(stage: Stage, term: string, isPrefix: boolean): number[] {
    const { firstTerms } = this.manifest[stage];
    if (firstTerms.length === 0) return [];
    if (!isPrefix) return [shardForTerm(firstTerms, term)];
    const run = shardsForPrefix(firstTerms, term);
    return run.length <= MAX_PREFIX_SHARDS ? run : [shardForTerm(firstTerms, term)];
  }

  /**
   * Matches of one term in the given stages: exact (and prefix, when typing) first; fuzzy only when that finds
   * fewer than `FUZZY_FALLBACK` papers, so common words never pay for typo expansion.
   */
  private async matchTerm(term: string, isPrefix: boolean, stages: Stage[], fields?: string[]): Promise<Map<number, TermMatches>> {
    const loads = stages.flatMap((stage) => this.shardsFor(stage, term, isPrefix).map((n) => this.loadShard(stage, n)));
    const shards = await Promise.all(loads);
    const exact = collectMatches(shards, term, { ...termSearchOptions(isPrefix, false), ...(fields ? { fields } : {}) });
    // A name is matched as written: a typo-tolerant "Gupta" would also keep Gupte's papers.
    const isNameField = fields !== undefined && fields.every((field) => field === 'authors');
    if (exact.size >= FUZZY_FALLBACK || fuzzyDistance(term) === 0 || isNameField) return exact;
    return collectMatches(shards, term, { ...termSearchOptions(isPrefix, true), ...(fields ? { fields } : {}) });
  }

  /** Papers matching one query word: its whole form, or every part of a compound. */
  private async matchWord(word: QueryWord, stages: Stage[], fields?: string[]): Promise<Map<number, TermMatches>> {
    const variants = queryVariants(word);
    const variantMatches = await Promise.all(variants.map((variant) => this.matchTerm(variant.term, variant.isPrefix, stages, fields)));
    const wholeMatches = word.whole === null ? undefined : variantMatches[0];
    const partMatches = word.whole === null ? variantMatches : variantMatches.slice(1);
    const matches = new Map<number, TermMatches>();
    const candidates = new Set<number>(wholeMatches?.keys() ?? []);
    if (partMatches.length > 0) {
      for (const id of partMatches[0]!.keys()) if (partMatches.every((part) => part.has(id))) candidates.add(id);
    }
    for (const id of candidates) {
      const combined: TermMatches = { score: 0, terms: [], isDirect: false };
      // When the whole word matched (`tau-bench`), only its terms are highlighted, not the words its parts found
      // as prefixes or typos (`benchmarks`).
      const whole = wholeMatches?.get(id);
      variantMatches.forEach((variant, i) => {
        const match = variant.get(id);
        if (!match) return;
        combined.score += match.score;
        combined.isDirect ||= match.isDirect;
        if (whole === undefined || (i === 0 && word.whole !== null)) combined.terms.push(...match.terms);
      });
      matches.set(id, combined);
    }
    return matches;
  }

  /**
   * Search: every query word is matched as a whole and by parts, with fuzzy matching scaled to its length and
   * prefix matching for the word being typed. Papers containing all words come first; papers found only through
   * their topic's label and keywords come last, flagged `isTopicMatch`, and are not counted in `resultCount`.
   * With no words but a filter, lists every paper the filters allow, newest first.
   * @example (await engine.search('tau-bench', { stages: 'head' })).hits.length // => 1
   */
  async search(query: string, options: EngineSearchOptions = {}): Promise<SearchResponse> {
    const words = parseQuery(query);
    if (words.length === 0) return hasFilters(options) ? this.browse(options) : emptyResponse();
    const stages: Stage[] = options.stages === 'head' ? ['head'] : ['head', 'body'];
    const [wordMatches, allowed] = await Promise.all([
      Promise.all(words.map((word) => this.matchWord(word, stages))),
      this.allowedIds(options),
    ]);
    const byId = new Map<number, SearchHit & { topicWords: number }>();
    for (const matches of wordMatches) {
      for (const [id, match] of matches) {
        if (allowed && !allowed.has(id)) continue;
        const hit = byId.get(id) ?? { id, score: 0, matchedWords: 0, topicWords: 0, isTopicMatch: false };
        hit.score += match.score;
        if (match.isDirect) hit.matchedWords += 1;
        else hit.topicWords += 1;
        byId.set(id, hit);
      }
    }
    const hits: SearchHit[] = [];
    for (const { topicWords, ...hit } of byId.values()) {
      if (hit.matchedWords > 0) hits.push(hit);
      else if (topicWords === words.length) hits.push({ ...hit, isTopicMatch: true });
    }
    hits.sort((a, b) => Number(a.isTopicMatch) - Number(b.isTopicMatch) || b.matchedWords - a.matchedWords || b.score - a.score || a.id - b.id);
    const termsOf = (id: number): string[] => {
      const terms = new Set<string>();
      for (const matches of wordMatches) for (const list of matches.get(id)?.terms ?? []) for (const term of list) terms.add(term);
      return [...terms].sort();
    };
    const resultCount = hits.filter((hit) => !hit.isTopicMatch).length;
    return { hits, wordCount: words.length, resultCount, allWordsCount: hits.filter((hit) => hit.matchedWords === words.length).length, termsOf };
  }

  /**
   * Every paper the filters allow, newest first (undated last), then in source order: "all 2021 papers in this
   * topic", "all papers by this author".
   * @example (await engine.browse({ yearFrom: 2024, yearTo: 2024 })).hits.map((hit) => hit.id) // => [1, 2]
   */
  async browse(filters: SearchFilters): Promise<SearchResponse> {
    const [allowed, facets] = await Promise.all([this.allowedIds(filters), this.facets()]);
    const ids = allowed ? [...allowed] : Array.from({ length: this.manifest.documentCount }, (_, id) => id);
    ids.sort((a, b) => (facets.year[b] ?? 0) - (facets.year[a] ?? 0) || a - b);
    const hits = ids.map((id): SearchHit => ({ id, score: 0, matchedWords: 0, isTopicMatch: false }));
    return { hits, wordCount: 0, resultCount: hits.length, allWordsCount: hits.length, termsOf: () => [] };
  }

  /** Ids allowed by the filters, or undefined when nothing is filtered. */
  private async allowedIds(filters: SearchFilters): Promise<Set<number> | undefined> {
    let allowed: Set<number> | undefined;
    if (filters.topic !== undefined || filters.yearFrom !== undefined || filters.yearTo !== undefined) {
      allowed = idsPassingFacets(await this.facets(), this.manifest.documentCount, filters, this.manifest.topics);
    }
    if (filters.category) allowed = intersect(allowed, categoryIds(await this.categories(), filters.category));
    const author = filters.author?.trim() ? findAuthor(await this.authors(), filters.author) : undefined;
    if (author) return intersect(allowed, new Set(author[1]));
    const authorWords = filters.author ? parseQuery(filters.author) : [];
    for (const word of authorWords) {
      const matches = await this.matchWord(word, ['head'], ['authors']);
      allowed = intersect(allowed, new Set(matches.keys()));
    }
    return allowed;
  }

  /**
   * Topic and year of every paper (fetched once, for filters and their counts).
   * @example (await engine.facets()).topic[0] // => 3
   */
  facets(): Promise<FacetFile> {
    this.facetFile ??= this.fetchText('facets.json').then((text) => JSON.parse(text) as FacetFile);
    return this.facetFile;
  }

  /**
   * Every author with the ids of their papers, in family-name order (fetched once, for the author filter and its
   * typeahead); empty when the index has no authors file.
   * @example (await engine.authors())[0] // => ['Ada Lovelace', [0, 4]]
   */
  authors(): Promise<AuthorEntry[]> {
    this.authorFile ??= this.fetchText('authors.json').then(
      (text) => (text === '' ? [] : (JSON.parse(text) as AuthorEntry[])),
      () => [],
    );
    return this.authorFile;
  }

  /**
   * Every choice of the category filter with the ids of its papers (fetched once, when a category is picked);
   * empty when the index has no categories file.
   * @example (await engine.categories())[0] // => ['cs.LG', [2, 9, 31]]
   */
  categories(): Promise<CategoryEntry[]> {
    this.categoryFile ??= this.fetchText('categories.json').then(
      (text) => (text === '' ? [] : (JSON.parse(text) as CategoryEntry[])),
      () => [],
    );
    return this.categoryFile;
  }

  /**
   * The doc-store records of the given ids, fetching only the chunks they sit in.
   * @example (await engine.docs([0])).get(0)?.[0] // => 'Impatient Users Confuse AI Agents: …'
   */
  async docs(ids: readonly number[]): Promise<Map<number, DocRecord>> {
    const { chunkSize } = this.manifest.docs;
    const chunkIds = [...new Set(ids.map((id) => Math.floor(id / chunkSize)))];
    const chunks = await Promise.all(chunkIds.map((n) => this.loadDocChunk(n)));
    const records = new Map<number, DocRecord>();
    for (const id of ids) {
      const chunk = chunks[chunkIds.indexOf(Math.floor(id / chunkSize))];
      const record = chunk?.[id % chunkSize];
      if (record) records.set(id, record);
    }
    return records;
  }

  private loadDocChunk(n: number): Promise<DocRecord[]> {
    let chunk = this.docChunks.get(n);
    if (!chunk) {
      chunk = this.fetchText(indexFileName('docs', n)).then((text) => JSON.parse(text) as DocRecord[]);
      chunk.catch(() => this.docChunks.delete(n));
      this.docChunks.set(n, chunk);
    }
    return chunk;
  }
}
