/**
 * The topic step: papers → terms → TF-IDF → LSA → topics (one or two levels) → labels → map → related papers.
 * This is the only file that chains the steps; each step lives in its own module and is tested alone.
 */
import type { AtlasData, AtlasPaper, AtlasTopic, TopicInput } from './atlas-schema.ts';
import { tokenizeCorpus } from './tokenize.ts';
import { buildFeatures, type FeatureCorpus } from './phrases.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';
import { randomizedSvd } from './svd.ts';
import { chooseClusterCount, normalizeRows, sphericalKMeans } from './cluster.ts';
import { labelTopics, slugifyLabels, topicKeywords } from './label.ts';
import { fitToUnitSquare, placeDiscs, placeMembers, type Disc } from './layout.ts';
import { nearestNeighbours, sharedTerms } from './related.ts';
import { createRandom, type RandomSource } from './random.ts';

export interface BuildAtlasOptions {
  /** Called as long stages advance: stage name, units done, units in total. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Receives one line per stage with its counts and time. */
  log?: (line: string) => void;
  /** Seed of every random choice (sampling, k-means++ seeds, SVD test matrix, jitter). Default 1. */
  seed?: number;
}

/** Everything the pipeline computed, for evaluation and benchmarks; `atlas` is what the site publishes. */
export interface TopicModel {
  atlas: AtlasData;
  /** Unit-length LSA vectors of the papers, row-major. */
  vectors: Float32Array;
  dimensions: number;
  tfidf: TfidfModel;
  features: FeatureCorpus;
  /** Atlas topic id of each paper at the finest level and at the broad level (the same when levels is 1). */
  fineTopicOfPaper: Int32Array;
  broadTopicOfPaper: Int32Array;
  /** Matrix term ids of each atlas topic's keywords (same order as atlas.topics[id].keywords). */
  keywordTerms: number[][];
  /** Seconds spent in each stage, in order. */
  stageSeconds: Array<{ stage: string; seconds: number }>;
}

/** A topic while it is being built, before ids are given in display order. */
interface DraftTopic {
  level: 0 | 1;
  parentDraft: number | null;
  members: Int32Array;
  centroid: Float32Array;
  keywords: string[];
  keywordTerms: number[];
  label: string;
}

/** Papers below this count get one level of topics; above, broad themes with subtopics. */
const TWO_LEVEL_THRESHOLD = 300;
/** LSA dimensions: enough to separate a hundred topics, few enough for k-means over 100k papers. */
const MAX_DIMENSIONS = 100;

/**
 * Build the atlas data for a set of papers.
 * @example buildAtlas([{ slug: 'a', title: 'Graph networks', abstract: 'Message passing on graphs.' }]).topics.length // => 1
 */
export function buildAtlas(papers: readonly TopicInput[], options: BuildAtlasOptions = {}): AtlasData {
  return buildTopicModel(papers, options).atlas;
}

/**
 * Run the whole topic step and keep the intermediate model (vectors, TF-IDF, partitions) for evaluation.
 * @example buildTopicModel(papers, { seed: 1 }).atlas.levels // => 1 for a hundred papers, 2 for ten thousand
 */
export function buildTopicModel(papers: readonly TopicInput[], options: BuildAtlasOptions = {}): TopicModel {
  const log = options.log ?? (() => {});
  const progress = options.onProgress ?? (() => {});
  const seed = options.seed ?? 1;
  const stageSeconds: Array<{ stage: string; seconds: number }> = [];
  let stageStart = performance.now();
  const finishStage = (stage: string, detail: string): void => {
    const seconds = (performance.now() - stageStart) / 1000;
    stageSeconds.push({ stage, seconds });
    log(`topics: ${stage} ${detail} in ${seconds.toFixed(1)} s`);
    stageStart = performance.now();
  };
  const stageRandom = (stage: number): RandomSource => createRandom(seed * 7919 + stage * 104729);
  const paperCount = papers.length;

  progress('tokenize', 0, paperCount);
  const corpus = tokenizeCorpus(papers.map((paper) => `${paper.title}. ${paper.title}. ${paper.abstract}`));
  progress('tokenize', paperCount, paperCount);
  finishStage('tokenize', `${paperCount} docs, ${corpus.tokenIds.length} tokens, ${corpus.unigramCount} distinct terms`);

  const features = buildFeatures(corpus);
  finishStage('phrases', `${features.featureDisplay.length - features.unigramCount} phrases`);

  const tfidf = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length);
  finishStage('tfidf', `${paperCount} docs × ${tfidf.matrix.columnCount} terms, ${tfidf.matrix.values.length} non-zeros`);

  progress('svd', 0, 1);
  const rank = Math.max(0, Math.min(MAX_DIMENSIONS, paperCount - 1, tfidf.matrix.columnCount - 1));
  const dimensions = Math.max(1, rank);
  const vectors = new Float32Array(paperCount * dimensions);
  if (rank > 0) {
    const svd = randomizedSvd(tfidf.matrix, rank, stageRandom(1), { powerIterations: paperCount > 50000 ? 1 : 2 });
    for (let row = 0; row < paperCount; row++) {
      for (let k = 0; k < rank; k++) vectors[row * dimensions + k] = svd.left[row * rank + k]! * svd.singularValues[k]!;
    }
  }
  normalizeRows(vectors, dimensions);
  progress('svd', 1, 1);
  finishStage('svd', `${paperCount} docs → ${dimensions} dimensions`);

  const drafts = clusterPapers(vectors, dimensions, paperCount, stageRandom(2), progress);
  const levels: 1 | 2 = drafts.some((draft) => draft.level === 1) ? 2 : 1;
  finishStage(
    'cluster',
    `${drafts.filter((draft) => draft.level === 0).length} broad themes, ${drafts.filter((draft) => draft.level === 1).length} subtopics`,
  );

  labelDrafts(drafts, tfidf, features, paperCount);
  finishStage('label', `${drafts.length} topics`);

  const { ordered, idOfDraft } = orderTopics(drafts);
  const fineDraftOfPaper = new Int32Array(paperCount).fill(-1);
  const broadDraftOfPaper = new Int32Array(paperCount).fill(-1);
  drafts.forEach((draft, index) => {
    for (const row of draft.members) {
      if (draft.level === 0) broadDraftOfPaper[row] = index;
      if (draft.level === 1 || fineDraftOfPaper[row] === -1) fineDraftOfPaper[row] = index;
    }
  });

  const { similarity, weak } = measureFit(vectors, dimensions, drafts, fineDraftOfPaper);
  const positions = layoutPapers(vectors, dimensions, drafts, similarity, stageRandom(3));
  finishStage('layout', `${paperCount} points`);

  const fineCentroids = new Float32Array(drafts.length * dimensions);
  drafts.forEach((draft, index) => fineCentroids.set(draft.centroid, index * dimensions));
  const neighbours = nearestNeighbours(vectors, dimensions, fineDraftOfPaper, fineCentroids);
  progress('related', paperCount, paperCount);
  finishStage('related', `${paperCount} papers × 5 neighbours`);

  const atlasPapers: AtlasPaper[] = papers.map((paper, row) => {
    const record: AtlasPaper = {
      slug: paper.slug,
      title: paper.title,
      topic: idOfDraft[fineDraftOfPaper[row]!]!,
      weak: weak[row] === 1,
      x: round(positions[row * 2]!, 4),
      y: round(positions[row * 2 + 1]!, 4),
      related: neighbours[row]!.map((neighbour) => ({
        slug: papers[neighbour.row]!.slug,
        similarity: round(neighbour.similarity, 3),
        shared: sharedKeywords(tfidf, features, row, neighbour.row),
      })),
    };
    if (paper.sourceId !== undefined) record.sourceId = paper.sourceId;
    return record;
  });
  const atlasTopics: AtlasTopic[] = ordered.map((draftIndex, id) => {
    const draft = drafts[draftIndex]!;
    let sumX = 0;
    let sumY = 0;
    for (const row of draft.members) {
      sumX += positions[row * 2]!;
      sumY += positions[row * 2 + 1]!;
    }
    const size = Math.max(1, draft.members.length);
    return {
      id,
      slug: '',
      label: draft.label,
      keywords: draft.keywords,
      size: draft.members.length,
      centroid: [round(sumX / size, 4), round(sumY / size, 4)],
      parent: draft.parentDraft === null ? null : idOfDraft[draft.parentDraft]!,
      level: draft.level,
    };
  });
  const slugs = slugifyLabels(atlasTopics.map((topic) => topic.label));
  atlasTopics.forEach((topic, index) => (topic.slug = slugs[index]!));
  const atlas: AtlasData = { version: 1, levels, topics: atlasTopics, papers: atlasPapers };
  finishStage('assemble', `${atlasTopics.length} topics, ${atlasPapers.length} papers`);

  return {
    atlas,
    vectors,
    dimensions,
    tfidf,
    features,
    fineTopicOfPaper: Int32Array.from(fineDraftOfPaper, (draft) => idOfDraft[draft]!),
    broadTopicOfPaper: Int32Array.from(broadDraftOfPaper, (draft, row) => idOfDraft[draft >= 0 ? draft : fineDraftOfPaper[row]!]!),
    keywordTerms: ordered.map((draftIndex) => drafts[draftIndex]!.keywordTerms),
    stageSeconds,
  };
}

/** Integers from `from` to `to` in about `steps` even steps (always including both ends). */
function candidateRange(from: number, to: number, steps: number): number[] {
  if (to <= from) return [from];
  const stride = Math.max(1, Math.round((to - from) / steps));
  const values: number[] = [];
  for (let k = from; k < to; k += stride) values.push(k);
  values.push(to);
  return values;
}

/**
 * Topics from LSA vectors. Below TWO_LEVEL_THRESHOLD papers: one level, k in 2..N/6 (at most 12) by silhouette.
 * Above: broad themes with k in 4..√N/3 (at most 40) by silhouette, then each theme large enough is split into
 * 2..12 subtopics, again by silhouette, with a least subtopic size that grows with N.
 */
function clusterPapers(
  vectors: Float32Array,
  dimensions: number,
  paperCount: number,
  random: RandomSource,
  progress: (stage: string, done: number, total: number) => void,
): DraftTopic[] {
  const allRows = Int32Array.from({ length: paperCount }, (_, row) => row);
  if (paperCount === 0) return [];
  const draftOf = (level: 0 | 1, parentDraft: number | null, members: Int32Array, centroid: Float32Array): DraftTopic => ({
    level,
    parentDraft,
    members,
    centroid,
    keywords: [],
    keywordTerms: [],
    label: '',
  });
  const split = (rows: Int32Array, candidates: number[], sampleSize: number) => {
    const { clusterCount } = chooseClusterCount(vectors, dimensions, rows, candidates, random, sampleSize);
    const run = sphericalKMeans(vectors, dimensions, rows, clusterCount, random);
    const groups: number[][] = Array.from({ length: run.clusterCount }, () => []);
    rows.forEach((row, index) => groups[run.assignment[index]!]!.push(row));
    return groups
      .map((members, cluster) => ({ members: Int32Array.from(members), centroid: run.centroids.slice(cluster * dimensions, (cluster + 1) * dimensions) }))
      .filter((group) => group.members.length > 0);
  };

  progress('cluster', 0, 1);
  if (paperCount < TWO_LEVEL_THRESHOLD) {
    const upper = Math.min(12, Math.floor(paperCount / 6));
    const groups = upper >= 2 ? split(allRows, candidateRange(2, upper, 10), 2000) : [{ members: allRows, centroid: meanDirection(vectors, dimensions, allRows) }];
    progress('cluster', 1, 1);
    return groups.map((group) => draftOf(0, null, group.members, group.centroid));
  }
  const broadUpper = Math.max(4, Math.min(40, Math.round(Math.sqrt(paperCount) / 3)));
  const broad = split(allRows, candidateRange(4, broadUpper, 10), 2000);
  const drafts: DraftTopic[] = broad.map((group) => draftOf(0, null, group.members, group.centroid));
  const minSubtopicSize = Math.max(5, Math.round(paperCount / 2000));
  broad.forEach((group, parentIndex) => {
    progress('cluster', parentIndex, broad.length);
    const upper = Math.min(12, Math.floor(group.members.length / minSubtopicSize));
    if (upper < 2) return;
    for (const child of split(group.members, candidateRange(2, upper, 10), 1000)) {
      drafts.push(draftOf(1, parentIndex, child.members, child.centroid));
    }
  });
  progress('cluster', broad.length, broad.length);
  return drafts;
}

/** Unit-length mean of some rows. */
function meanDirection(vectors: Float32Array, dimensions: number, rows: Int32Array): Float32Array {
  const sum = new Float32Array(dimensions);
  for (const row of rows) for (let d = 0; d < dimensions; d++) sum[d]! += vectors[row * dimensions + d]!;
  return normalizeRows(sum, dimensions);
}

/** Keywords and labels: broad themes against each other, then subtopics against all subtopics. */
function labelDrafts(drafts: DraftTopic[], tfidf: TfidfModel, features: FeatureCorpus, paperCount: number): void {
  const taken = new Set<string>();
  for (const level of [0, 1] as const) {
    const indices = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === level);
    if (indices.length === 0) continue;
    const classOfDoc = new Int32Array(paperCount).fill(-1);
    indices.forEach((draftIndex, cls) => {
      for (const row of drafts[draftIndex]!.members) classOfDoc[row] = cls;
    });
    const terms = topicKeywords(tfidf, features, classOfDoc, indices.length);
    indices.forEach((draftIndex, cls) => {
      drafts[draftIndex]!.keywords = terms[cls]!.keywords;
      drafts[draftIndex]!.keywordTerms = terms[cls]!.termIds;
    });
    const bySize = [...indices].sort((a, b) => drafts[b]!.members.length - drafts[a]!.members.length || a - b);
    const labels = labelTopics(bySize.map((index) => drafts[index]!.keywords), taken);
    bySize.forEach((draftIndex, position) => (drafts[draftIndex]!.label = labels[position]!));
  }
}

/** Display order: broad themes largest first (ties by label), then each theme's subtopics in the same order. */
function orderTopics(drafts: readonly DraftTopic[]): { ordered: number[]; idOfDraft: Int32Array } {
  const bySizeThenLabel = (a: number, b: number): number =>
    drafts[b]!.members.length - drafts[a]!.members.length || (drafts[a]!.label < drafts[b]!.label ? -1 : drafts[a]!.label > drafts[b]!.label ? 1 : a - b);
  const parents = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === 0).sort(bySizeThenLabel);
  const ordered = [...parents];
  for (const parent of parents) {
    ordered.push(...drafts.map((_, index) => index).filter((index) => drafts[index]!.parentDraft === parent).sort(bySizeThenLabel));
  }
  const idOfDraft = new Int32Array(drafts.length);
  ordered.forEach((draftIndex, id) => (idOfDraft[draftIndex] = id));
  return { ordered, idOfDraft };
}

/**
 * Each paper's similarity to its finest topic's centroid, and whether it is an outlier: below its topic's mean by
 * more than two standard deviations, or below 0.1 (barely related to the topic at all).
 */
function measureFit(vectors: Float32Array, dimensions: number, drafts: DraftTopic[], fineDraftOfPaper: Int32Array) {
  const paperCount = fineDraftOfPaper.length;
  const similarity = new Float32Array(paperCount);
  for (const draft of drafts) draft.centroid = meanDirection(vectors, dimensions, draft.members);
  for (let row = 0; row < paperCount; row++) {
    const centroid = drafts[fineDraftOfPaper[row]!]!.centroid;
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += vectors[row * dimensions + d]! * centroid[d]!;
    similarity[row] = dot;
  }
  const weak = new Uint8Array(paperCount);
  drafts.forEach((draft, draftIndex) => {
    const members = draft.members.filter((row) => fineDraftOfPaper[row] === draftIndex);
    if (members.length === 0) return;
    let mean = 0;
    for (const row of members) mean += similarity[row]! / members.length;
    let variance = 0;
    for (const row of members) variance += (similarity[row]! - mean) ** 2 / members.length;
    const threshold = Math.max(0.1, mean - 2 * Math.sqrt(variance));
    for (const row of members) if (similarity[row]! < threshold) weak[row] = 1;
  });
  return { similarity, weak };
}

/** Discs for broad themes, subtopic discs inside them, papers inside their finest topic's disc; then the unit square. */
function layoutPapers(vectors: Float32Array, dimensions: number, drafts: DraftTopic[], similarity: Float32Array, random: RandomSource): Float64Array {
  const positions = new Float64Array(similarity.length * 2);
  const parents = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === 0);
  const parentDiscs = placeDiscs(parents.map((index) => ({ centroid: drafts[index]!.centroid, size: drafts[index]!.members.length })), dimensions);
  const discOfDraft = new Map<number, Disc>();
  parents.forEach((draftIndex, position) => {
    const disc = parentDiscs[position]!;
    discOfDraft.set(draftIndex, disc);
    const children = drafts.map((_, index) => index).filter((index) => drafts[index]!.parentDraft === draftIndex);
    if (children.length === 0) return;
    const childDiscs = placeDiscs(children.map((index) => ({ centroid: drafts[index]!.centroid, size: drafts[index]!.members.length })), dimensions);
    let meanX = 0;
    let meanY = 0;
    for (const child of childDiscs) {
      meanX += child.x / childDiscs.length;
      meanY += child.y / childDiscs.length;
    }
    let bound = 0;
    for (const child of childDiscs) bound = Math.max(bound, Math.hypot(child.x - meanX, child.y - meanY) + child.radius);
    const scale = bound > 0 ? disc.radius / bound : 1;
    children.forEach((childIndex, position) => {
      const child = childDiscs[position]!;
      discOfDraft.set(childIndex, { x: disc.x + (child.x - meanX) * scale, y: disc.y + (child.y - meanY) * scale, radius: child.radius * scale });
    });
  });
  const hasChildren = new Set(drafts.filter((draft) => draft.parentDraft !== null).map((draft) => draft.parentDraft!));
  drafts.forEach((draft, draftIndex) => {
    if (hasChildren.has(draftIndex)) return;
    const memberSimilarity = Float32Array.from(draft.members, (row) => similarity[row]!);
    const placed = placeMembers(vectors, dimensions, draft.members, memberSimilarity, draft.centroid, discOfDraft.get(draftIndex)!, random);
    draft.members.forEach((row, index) => {
      positions[row * 2] = placed[index * 2]!;
      positions[row * 2 + 1] = placed[index * 2 + 1]!;
    });
  });
  return fitToUnitSquare(positions);
}

/** Up to five keywords two papers share, strongest first, leaving out a word already inside a shared phrase. */
function sharedKeywords(tfidf: TfidfModel, features: FeatureCorpus, first: number, second: number): string[] {
  const chosen: number[] = [];
  for (const term of sharedTerms(tfidf.matrix, first, second, 15)) {
    if (chosen.length === 5) break;
    const parts = features.featureParts[tfidf.termFeature[term]!]!;
    const isInside = chosen.some((other) => {
      const otherParts = features.featureParts[tfidf.termFeature[other]!]!;
      return parts.every((part) => otherParts.includes(part)) || otherParts.every((part) => parts.includes(part));
    });
    if (!isInside) chosen.push(term);
  }
  return chosen.map((term) => features.featureDisplay[tfidf.termFeature[term]!]!);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * The atlas as JSON with a fixed key order and fixed precision (4 decimals for coordinates, 3 for similarities),
 * so the same papers and seed always give the same bytes.
 * @example serializeAtlas({ version: 1, levels: 1, topics: [], papers: [] }) // => '{"version":1,"levels":1,"topics":[],"papers":[]}'
 */
export function serializeAtlas(atlas: AtlasData): string {
  return JSON.stringify({
    version: atlas.version,
    levels: atlas.levels,
    topics: atlas.topics.map((topic) => ({
      id: topic.id,
      slug: topic.slug,
      label: topic.label,
      keywords: topic.keywords,
      size: topic.size,
      centroid: [round(topic.centroid[0], 4), round(topic.centroid[1], 4)],
      parent: topic.parent,
      level: topic.level,
    })),
    papers: atlas.papers.map((paper) => ({
      slug: paper.slug,
      ...(paper.sourceId === undefined ? {} : { sourceId: paper.sourceId }),
      title: paper.title,
      topic: paper.topic,
      weak: paper.weak,
      x: round(paper.x, 4),
      y: round(paper.y, 4),
      related: paper.related.map((related) => ({ slug: related.slug, similarity: round(related.similarity, 3), shared: related.shared })),
    })),
  });
}
