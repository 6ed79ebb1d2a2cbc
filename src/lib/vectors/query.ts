/**
 * Nearest papers of a text or of a paper, over the published vector files. Pure apart from `load` (fetch in the
 * browser's worker, a Map in the evaluation and the tests), so the evaluation measures exactly what ships.
 *
 * A query: its words' term shards → its TF-IDF row and LSA vector → the nearest topic centroids → the paper shards
 * of those topics (at least MIN_CANDIDATES papers) → int8 dot products → the best SHORTLIST papers re-ranked by a
 * mix of LSA cosine and exact TF-IDF cosine (LSA finds papers that say the same thing in other words; the exact
 * terms keep the specific ones on top: see the README's evaluation figures).
 */
import { texToPlain } from '../tex/plain.ts';
import { decodePack, intSection } from './pack-file.ts';
import { dequantiseRow, dotQuantisedRows, type QuantisedRows } from './quantise.ts';
import { topPositions } from './select.ts';
import { sharedTerms, strongestTerms, type QueryTerm } from './query-terms.ts';
import { compareCodeUnits } from '../text/compare.ts';
import { candidateTerms, fnv1a, projectRow, shardWordOf, sparseDot, weighTerms, type SparseRow } from './text-vector.ts';
import { inflatingLoader, VECTOR_FORMAT, vectorFilePath, type VectorLoader, type PaperShardHeader, type TermShardHeader, type TopicsHeader, type VectorManifest } from './format.ts';

export type { VectorLoader } from './format.ts';

/** Longest text a query reads; the rest is ignored (with a notice), so a pasted book never stalls the worker. */
export const MAX_QUERY_CHARACTERS = 20_000;

export interface SimilarOptions {
  /** Papers returned. Default 20. */
  count?: number;
  /** Least number of candidate papers gathered from the nearest topics. Default 600. */
  minCandidates?: number;
  /** Papers re-ranked by exact TF-IDF. Default 100. */
  shortlist?: number;
  /** Weight of the exact TF-IDF cosine in the final score (the rest is LSA). Default 0.5. */
  exactWeight?: number;
  /** Search every topic (no sharding), for the evaluation's comparison. */
  exhaustive?: boolean;
  /** A slug left out of the answer (the paper a "more like this" list belongs to). */
  exclude?: string;
  /** Papers (the best by LSA) whose mean vector is added to the query before the final scoring (pseudo-relevance feedback). Default 10. */
  feedback?: number;
  /** Weight of the feedback mean against the query. Default 1. */
  feedbackWeight?: number;
  /** Weight of the similarity of a paper's topic centroid to the query, added to its score. Default 0.5. */
  topicWeight?: number;
}

export interface SimilarPaper {
  slug: string;
  title: string;
  /** The ranking score scaled to [0, 1]: LSA cosine (with feedback), exact TF-IDF cosine and the topic's closeness, mixed. */
  similarity: number;
  /** Terms of the query this paper shares, strongest first (at most 5). */
  shared: string[];
  topicSlug: string;
  topicLabel: string;
}

export interface SimilarTopic {
  slug: string;
  label: string;
  parentLabel: string | null;
  similarity: number;
}

export type SimilarAnswer =
  | { status: 'ok'; papers: SimilarPaper[]; topics: SimilarTopic[]; notices: string[]; queryTerms: string[] }
  | { status: 'message'; message: string };

const DEFAULTS = { count: 20, minCandidates: 600, shortlist: 100, exactWeight: 0.5, feedback: 10, feedbackWeight: 1, topicWeight: 0.5 };
const MIN_TOPICS = 3;
const SHOWN_TOPICS = 3;

interface TermShard {
  header: TermShardHeader;
  df: Int32Array;
  basis: QuantisedRows;
  indexOfKey: Map<string, number>;
}

interface PaperShard {
  topic: number;
  /** Place of the topic in topics.bin. */
  topicIndex: number;
  header: PaperShardHeader;
  vectors: QuantisedRows;
  rowStart: Int32Array;
  terms: Int32Array;
  /** The TF-IDF weights, decoded from bytes once when the shard arrives. */
  weights: Float32Array;
  /** With embeddings (format.ts PaperShardHeader): each paper's neighbours by the embeddings. */
  near?: { start: Int32Array; topic: Int32Array; index: Int32Array; similarity: Float32Array };
}

/** Per-candidate arrays of one question, kept by the index and reused (see rank). */
interface Scratch {
  lsa: Float64Array;
  ranking: Float64Array;
  /** Candidate → its shard (place in the question's list of shards) and its row in that shard. */
  shardOf: Int32Array;
  rowOf: Int32Array;
  /** Positions chosen by topPositions. */
  top: Int32Array;
  paperVector: Float32Array;
}

/**
 * Open the vector files: the manifest and the topic centroids (the only files every query needs).
 * @example const index = await openSimilarIndex((path) => fetch(`/vectors/${path}`).then(async (r) => new Uint8Array(await r.arrayBuffer())))
 */
export async function openSimilarIndex(published: VectorLoader): Promise<SimilarIndex> {
  const load = inflatingLoader(published);
  const manifest = JSON.parse(new TextDecoder().decode(await load(vectorFilePath({ kind: 'manifest' })))) as VectorManifest;
  if (manifest.format !== VECTOR_FORMAT) throw new Error(`vector files of format ${manifest.format}; this page reads format ${VECTOR_FORMAT}`);
  const topics = decodePack<TopicsHeader>(await load(vectorFilePath({ kind: 'topics' })));
  return new SimilarIndex(manifest, topics.header, { codes: topics.sections.codes as Int8Array, scales: topics.sections.scales as Float32Array, dimensions: manifest.dimensions }, load);
}

/** The opened vector files; shards are fetched on demand and kept. */
export class SimilarIndex {
  private readonly termShards = new Map<number, Promise<TermShard>>();
  private readonly paperShards = new Map<number, Promise<PaperShard>>();
  private readonly topicIndexOfId: Map<number, number>;
  readonly manifest: VectorManifest;
  private readonly topics: TopicsHeader;
  private readonly centroids: QuantisedRows;
  private readonly load: VectorLoader;
  private scratch: Scratch | undefined;

  constructor(manifest: VectorManifest, topics: TopicsHeader, centroids: QuantisedRows, load: VectorLoader) {
    this.manifest = manifest;
    this.topics = topics;
    this.centroids = centroids;
    this.load = load;
    this.topicIndexOfId = new Map(topics.topics.map((topic, index) => [topic.id, index]));
  }

  /**
   * The papers nearest to a text (a title and abstract, a paragraph), or a message saying why there are none.
   * @example (await index.queryText('Graph neural networks for molecules…')).status // => 'ok'
   */
  async queryText(rawText: string, options: SimilarOptions = {}): Promise<SimilarAnswer> {
    const trimmed = rawText.trim();
    if (trimmed === '') return { status: 'message', message: 'Paste a title and abstract, or any paragraph, to see the papers closest to it.' };
    const notices: string[] = [];
    let text = trimmed;
    if (text.length > MAX_QUERY_CHARACTERS) {
      notices.push(`Only the first ${MAX_QUERY_CHARACTERS.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters were read.`);
      text = text.slice(0, MAX_QUERY_CHARACTERS);
    }
    // TeX read as the build reads the papers' (tex/plain.ts): `$\ell_1$` is the word `ℓ1`.
    const counts = candidateTerms(texToPlain(text));
    if (counts.size === 0) {
      return { status: 'message', message: 'This text has no words the atlas can compare: only numbers, symbols or very common words. Paste a title and abstract.' };
    }
    const shards = await this.termShardsOf([...new Set([...counts.keys()].map((key) => this.shardOfKey(key)))]);
    const termOfColumn = new Map<number, QueryTerm>();
    const basisOfColumn = new Map<number, Float32Array>();
    const lookup = (key: string) => {
      const shard = shards.get(this.shardOfKey(key))!;
      const index = shard.indexOfKey.get(key);
      if (index === undefined) return undefined;
      const column = shard.header.firstColumn + index;
      termOfColumn.set(column, { column, key, display: shard.header.display[index]! });
      basisOfColumn.set(column, dequantiseRow(shard.basis, index));
      return { column, documentFrequency: shard.df[index]! };
    };
    const row = weighTerms(counts, lookup, this.manifest);
    if (row.columns.length === 0) {
      return {
        status: 'message',
        message: `None of the words of this text occur in the atlas's vocabulary (${this.manifest.termCount.toLocaleString('en')} terms from its papers), so there is nothing to compare. Try a text in the papers' language with some of their terms.`,
      };
    }
    const queryTerms = strongestTerms(row, termOfColumn, 8);
    if (row.columns.length === 1) notices.push(`Only one known term (“${queryTerms[0]}”): a whole paragraph finds closer papers.`);
    const vector = projectRow(row, (column) => basisOfColumn.get(column), this.manifest.dimensions);
    const answer = await this.rank(vector, row, termOfColumn, options);
    return { ...answer, notices, queryTerms };
  }

  /**
   * The papers nearest to one of the atlas's papers (its published vector and TF-IDF row), itself left out.
   * @example (await index.queryPaper('attention-is-all-you-need', 12)).status // => 'ok'
   */
  async queryPaper(slug: string, topicId: number, options: SimilarOptions = {}): Promise<SimilarAnswer> {
    if (!this.topicIndexOfId.has(topicId)) return { status: 'message', message: `No topic ${topicId} in this atlas's vector files.` };
    const shard = await this.paperShard(topicId);
    const index = shard.header.slugs.indexOf(slug);
    if (index < 0) return { status: 'message', message: `The paper “${slug}” is not in this atlas's vector files.` };
    const row = paperRow(shard, index);
    const starts = this.manifest.termShardStarts;
    const shardOfColumn = (column: number) => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= column) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const termShards = await this.termShardsOf([...new Set(Array.from(row.columns, shardOfColumn))]);
    const termOfColumn = new Map<number, QueryTerm>();
    for (const column of row.columns) {
      const termShard = termShards.get(shardOfColumn(column))!;
      const position = column - termShard.header.firstColumn;
      termOfColumn.set(column, { column, key: termShard.header.keys[position]!, display: termShard.header.display[position]! });
    }
    const vector = new Float32Array(this.manifest.dimensions);
    dequantiseRow(shard.vectors, index, vector);
    const answer = await this.rank(vector, row, termOfColumn, { ...options, exclude: slug });
    const queryTerms = strongestTerms(row, termOfColumn, 8);
    if (!shard.near) return { ...answer, notices: [], queryTerms };
    // The atlas was placed by the sources' embeddings: its neighbours are the paper's, the text ranking only gives topics.
    const { start, topic, index: place, similarity } = shard.near;
    const papers: SimilarPaper[] = [];
    for (let entry = start[index]!; entry < start[index + 1]!; entry++) {
      const other = await this.paperShard(topic[entry]!);
      const otherTopic = this.topics.topics[this.topicIndexOfId.get(topic[entry]!)!]!;
      papers.push({
        slug: other.header.slugs[place[entry]!]!,
        title: other.header.titles[place[entry]!]!,
        similarity: Math.max(0, Math.min(1, similarity[entry]!)),
        shared: sharedTerms(row, paperRow(other, place[entry]!), termOfColumn),
        topicSlug: otherTopic.slug,
        topicLabel: otherTopic.label,
      });
    }
    return { ...answer, papers, notices: [], queryTerms };
  }

  /**
   * Nearest topics → their shards → every candidate scored by int8 dot product into reused typed arrays → the best
   * `feedback` expand the query → all scored again → the best `shortlist` (partial selection, no full sort) re-ranked
   * with exact TF-IDF and topic closeness. Nothing per candidate is allocated; after the shards arrive it runs
   * without a pause, so the scratch arrays are never shared by two questions.
   */
  private async rank(vector: Float32Array, row: SparseRow, termOfColumn: ReadonlyMap<number, QueryTerm>, options: SimilarOptions) {
    const { count, minCandidates, shortlist, exactWeight, feedback, feedbackWeight, topicWeight } = { ...DEFAULTS, ...options };
    const { topics } = this.topics;
    const topicScores = dotQuantisedRows(vector, this.centroids, new Float64Array(topics.length));
    const topicOrder = Array.from(topics.keys()).sort((a, b) => topicScores[b]! - topicScores[a]! || topics[a]!.id - topics[b]!.id);
    const chosen: number[] = [];
    let candidateCount = 0;
    for (const index of topicOrder) {
      if (!options.exhaustive && chosen.length >= MIN_TOPICS && candidateCount >= minCandidates) break;
      chosen.push(topics[index]!.id);
      candidateCount += topics[index]!.size;
    }
    const shards = await Promise.all(chosen.map((topic) => this.paperShard(topic)));
    const scratch = this.scratchFor(shards.reduce((total, shard) => total + shard.header.slugs.length, 0), Math.max(count, shortlist, feedback));
    // `lsa` is the cosine with the query itself; `ranking` the cosine with the query expanded by feedback.
    const { lsa, ranking, shardOf, rowOf, top } = scratch;
    const excluded = shards.map((shard) => (options.exclude === undefined ? -1 : shard.header.slugs.indexOf(options.exclude)));
    const candidates = scoreShards(vector, shards, excluded, lsa);
    let candidate = 0;
    shards.forEach((shard, shardIndex) => {
      for (let index = 0; index < shard.header.slugs.length; index++) {
        if (index === excluded[shardIndex]) continue;
        shardOf[candidate] = shardIndex;
        rowOf[candidate++] = index;
      }
    });
    let rankingScores = lsa;
    if (feedback > 0 && candidates > 0) {
      const used = topPositions(lsa, candidates, feedback, top);
      const expanded = Float32Array.from(vector);
      const paperVector = scratch.paperVector;
      for (let place = 0; place < used; place++) {
        dequantiseRow(shards[shardOf[top[place]!]!]!.vectors, rowOf[top[place]!]!, paperVector);
        for (let d = 0; d < vector.length; d++) expanded[d]! += (feedbackWeight * paperVector[d]!) / used;
      }
      let norm = 0;
      for (let d = 0; d < vector.length; d++) norm += expanded[d]! * expanded[d]!;
      for (let d = 0; d < vector.length; d++) expanded[d]! /= Math.sqrt(norm) || 1;
      scoreShards(expanded, shards, excluded, ranking);
      rankingScores = ranking;
    }
    const shortlisted = topPositions(rankingScores, candidates, Math.max(count, shortlist), top);
    const reranked = Array.from(top.subarray(0, shortlisted), (position) => {
      const shard = shards[shardOf[position]!]!;
      const index = rowOf[position]!;
      const paper = paperRow(shard, index);
      const score = (1 - exactWeight) * rankingScores[position]! + exactWeight * sparseDot(row, paper) + topicWeight * topicScores[shard.topicIndex]!;
      return { shard, index, paper, score };
    });
    reranked.sort((a, b) => b.score - a.score || compareCodeUnits(a.shard.header.slugs[a.index]!, b.shard.header.slugs[b.index]!));
    const papers: SimilarPaper[] = reranked.slice(0, count).map(({ shard, index, paper, score }) => ({
      slug: shard.header.slugs[index]!,
      title: shard.header.titles[index]!,
      similarity: Math.max(0, Math.min(1, score / (1 + topicWeight))),
      shared: sharedTerms(row, paper, termOfColumn),
      topicSlug: topics[shard.topicIndex]!.slug,
      topicLabel: topics[shard.topicIndex]!.label,
    }));
    const shownTopics: SimilarTopic[] = topicOrder.slice(0, SHOWN_TOPICS).map((index) => ({
      slug: topics[index]!.slug,
      label: topics[index]!.label,
      parentLabel: topics[index]!.parentLabel,
      similarity: Math.max(0, Math.min(1, topicScores[index]!)),
    }));
    return { status: 'ok' as const, papers, topics: shownTopics };
  }

  /** The scratch arrays, grown (to a power of two) when a question has more candidates than any before. */
  private scratchFor(candidates: number, selected: number): Scratch {
    const current = this.scratch;
    if (current && current.lsa.length >= candidates && current.top.length >= selected) return current;
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(1024, candidates)));
    this.scratch = {
      lsa: new Float64Array(capacity),
      ranking: new Float64Array(capacity),
      shardOf: new Int32Array(capacity),
      rowOf: new Int32Array(capacity),
      top: new Int32Array(Math.max(selected, current?.top.length ?? 0)),
      paperVector: new Float32Array(this.manifest.dimensions),
    };
    return this.scratch;
  }

  private shardOfKey(key: string): number {
    return fnv1a(shardWordOf(key)) % this.manifest.termShardCount;
  }

  private async termShardsOf(shardIds: number[]): Promise<Map<number, TermShard>> {
    const loaded = await Promise.all(shardIds.map((shard) => this.termShard(shard)));
    return new Map(shardIds.map((shard, index) => [shard, loaded[index]!]));
  }

  private termShard(shard: number): Promise<TermShard> {
    let pending = this.termShards.get(shard);
    if (!pending) {
      pending = this.load(vectorFilePath({ kind: 'terms', shard })).then((bytes) => {
        const { header, sections } = decodePack<TermShardHeader>(bytes);
        return {
          header,
          df: intSection(sections.df),
          basis: { codes: sections.codes as Int8Array, scales: sections.scales as Float32Array, dimensions: this.manifest.dimensions },
          indexOfKey: new Map(header.keys.map((key, index) => [key, index])),
        };
      });
      pending.catch(() => this.termShards.delete(shard));
      this.termShards.set(shard, pending);
    }
    return pending;
  }

  private paperShard(topic: number): Promise<PaperShard> {
    let pending = this.paperShards.get(topic);
    if (!pending) {
      pending = this.load(vectorFilePath({ kind: 'papers', topic })).then((bytes) => {
        const { header, sections } = decodePack<PaperShardHeader>(bytes);
        return {
          topic,
          topicIndex: this.topicIndexOfId.get(topic)!,
          header,
          vectors: { codes: sections.codes as Int8Array, scales: sections.scales as Float32Array, dimensions: this.manifest.dimensions },
          rowStart: intSection(sections.rowStart),
          terms: intSection(sections.terms),
          weights: Float32Array.from(sections.weights as Uint8Array, (weight) => weight / 255),
          ...(sections.nearStart
            ? { near: { start: intSection(sections.nearStart), topic: intSection(sections.nearTopic), index: intSection(sections.nearIndex), similarity: sections.nearSimilarity as Float32Array } }
            : {}),
        };
      });
      pending.catch(() => this.paperShards.delete(topic));
      this.paperShards.set(topic, pending);
    }
    return pending;
  }
}

/** Every paper of the shards scored against the query into `out`, shard after shard, the excluded row of each left out; returns the count. */
function scoreShards(query: Float32Array, shards: readonly PaperShard[], excluded: readonly number[], out: Float64Array): number {
  let written = 0;
  shards.forEach((shard, shardIndex) => {
    const size = shard.header.slugs.length;
    dotQuantisedRows(query, shard.vectors, out, written);
    const skip = excluded[shardIndex]!;
    if (skip >= 0) out.copyWithin(written + skip, written + skip + 1, written + size);
    written += skip >= 0 ? size - 1 : size;
  });
  return written;
}

function paperRow(shard: PaperShard, index: number): SparseRow {
  const start = shard.rowStart[index]!;
  const end = shard.rowStart[index + 1]!;
  return { columns: shard.terms.subarray(start, end), weights: shard.weights.subarray(start, end) };
}
