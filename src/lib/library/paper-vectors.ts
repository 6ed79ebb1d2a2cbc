/**
 * The recommender's view of the vector files the atlas publishes for "papers like this text" (`/vectors/`,
 * src/lib/vectors/format.ts, read with that module's own decoders): the unit LSA vectors of the papers in the
 * library's topics and the topics nearest them (paper shards are one per finest topic, so a large atlas is never
 * fetched whole: about 500 bytes per paper), for `rankRecommendations`, and each paper's TF-IDF terms with their
 * display text for the "why" line (`sharedWords`), loading only the term shards the shown papers need.
 */
import { decodePack, intSection } from '../vectors/pack-file.ts';
import { dequantiseRows } from '../vectors/quantise.ts';
import { inflatingLoader, VECTOR_FORMAT, vectorFilePath, type PaperShardHeader, type TermShardHeader, type TopicsHeader, type VectorManifest } from '../vectors/format.ts';
import type { VectorLoader } from '../vectors/query.ts';
import type { PaperVectors } from './recommend.ts';

export interface LibraryVectors extends PaperVectors {
  titles: readonly string[];
  /** A paper's TF-IDF entries as display term → weight (loads the term shards it needs). */
  termsOf(slugs: readonly string[]): Promise<Map<string, Map<string, number>>>;
}

/** The opened vector files: topic centroids, and the paper shards of chosen topics. */
export interface LibraryVectorIndex {
  topics: TopicsHeader['topics'];
  /** The papers of these topics (finest topic ids), one shard each, with their terms for the "why" line. */
  papersOf(topicIds: readonly number[]): Promise<LibraryVectors>;
  /** Finest topics to rank from: the library's own, then the nearest by centroid until `minPapers` are covered. */
  candidateTopics(libraryTopicSlugs: readonly string[], minPapers: number): number[];
}

/**
 * Open the vector files for recommendations: the manifest and topic centroids only; paper shards on demand.
 * @example const index = await openLibraryVectors((path) => fetch(`/vectors/${path}`).then(async (r) => new Uint8Array(await r.arrayBuffer())))
 */
export async function openLibraryVectors(published: VectorLoader): Promise<LibraryVectorIndex> {
  const load = inflatingLoader(published);
  const manifest = JSON.parse(new TextDecoder().decode(await load(vectorFilePath({ kind: 'manifest' })))) as VectorManifest;
  if (manifest.format !== VECTOR_FORMAT) throw new Error(`vector files of format ${manifest.format}; this page reads format ${VECTOR_FORMAT}`);
  const topicPack = decodePack<TopicsHeader>(await load(vectorFilePath({ kind: 'topics' })));
  const topics = topicPack.header.topics;
  const { dimensions } = manifest;
  const centroids = dequantiseRows({ codes: topicPack.sections.codes as Int8Array, scales: topicPack.sections.scales as Float32Array, dimensions });
  return {
    topics,
    papersOf: (topicIds) => loadPapers(load, manifest, topicIds),
    candidateTopics(libraryTopicSlugs, minPapers) {
      const own = new Set(topics.flatMap((topic, index) => (libraryTopicSlugs.includes(topic.slug) ? [index] : [])));
      if (own.size === 0) return topics.map((topic) => topic.id);
      const centre = new Float32Array(dimensions);
      for (const index of own) for (let d = 0; d < dimensions; d += 1) centre[d] = (centre[d] ?? 0) + (centroids[index * dimensions + d] ?? 0);
      const order = topics
        .map((topic, index) => {
          let dot = 0;
          for (let d = 0; d < dimensions; d += 1) dot += (centre[d] ?? 0) * (centroids[index * dimensions + d] ?? 0);
          return { index, score: own.has(index) ? Infinity : dot };
        })
        .sort((a, b) => b.score - a.score || a.index - b.index);
      const chosen: number[] = [];
      let covered = 0;
      for (const { index, score } of order) {
        if (covered >= minPapers && score !== Infinity) break;
        chosen.push(topics[index]?.id ?? 0);
        covered += topics[index]?.size ?? 0;
      }
      return chosen;
    },
  };
}

/** The papers of some topics' shards, with unit vectors and their terms. */
async function loadPapers(load: VectorLoader, manifest: VectorManifest, topicIds: readonly number[]): Promise<LibraryVectors> {
  const shards = await Promise.all(topicIds.map(async (topic) => decodePack<PaperShardHeader>(await load(vectorFilePath({ kind: 'papers', topic })))));
  const { dimensions } = manifest;
  const total = shards.reduce((sum, shard) => sum + shard.header.slugs.length, 0);
  const vectors = new Float32Array(total * dimensions);
  const ids: string[] = [];
  const titles: string[] = [];
  const sparseOf = new Map<string, { columns: Int32Array; weights: Uint8Array }>();
  for (const shard of shards) {
    const { slugs } = shard.header;
    const rows = dequantiseRows({ codes: shard.sections.codes as Int8Array, scales: shard.sections.scales as Float32Array, dimensions });
    vectors.set(rows, ids.length * dimensions);
    const rowStart = intSection(shard.sections.rowStart);
    const terms = intSection(shard.sections.terms);
    const weights = shard.sections.weights as Uint8Array;
    slugs.forEach((slug, row) => {
      const from = rowStart[row] ?? 0;
      const to = rowStart[row + 1] ?? from;
      sparseOf.set(slug, { columns: terms.subarray(from, to), weights: weights.subarray(from, to) });
    });
    ids.push(...slugs);
    titles.push(...shard.header.titles);
  }
  // Dequantised rows are off unit length by the rounding; rescale so every score is a cosine.
  for (let row = 0; row < ids.length; row += 1) {
    let norm = 0;
    for (let d = 0; d < dimensions; d += 1) norm += (vectors[row * dimensions + d] ?? 0) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimensions; d += 1) vectors[row * dimensions + d] = (vectors[row * dimensions + d] ?? 0) * scale;
  }

  const termShards = new Map<number, Promise<TermShardHeader>>();
  const shardOfColumn = (column: number) => {
    let low = 0;
    let high = manifest.termShardStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((manifest.termShardStarts[middle] ?? 0) <= column) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const termShard = (shard: number) => {
    let pending = termShards.get(shard);
    if (!pending) {
      pending = load(vectorFilePath({ kind: 'terms', shard })).then((bytes) => decodePack<TermShardHeader>(bytes).header);
      termShards.set(shard, pending);
    }
    return pending;
  };

  return {
    ids,
    titles,
    dimensions,
    vectors,
    async termsOf(slugs) {
      const wanted = slugs.map((slug) => [slug, sparseOf.get(slug)] as const);
      const shardIds = new Set(wanted.flatMap(([, row]) => (row ? [...row.columns].map(shardOfColumn) : [])));
      const headers = new Map(await Promise.all([...shardIds].map(async (shard) => [shard, await termShard(shard)] as const)));
      const out = new Map<string, Map<string, number>>();
      for (const [slug, row] of wanted) {
        const terms = new Map<string, number>();
        row?.columns.forEach((column, index) => {
          const header = headers.get(shardOfColumn(column));
          const display = header?.display[column - header.firstColumn];
          if (display) terms.set(display, (row.weights[index] ?? 0) / 255);
        });
        out.set(slug, terms);
      }
      return out;
    },
  };
}
