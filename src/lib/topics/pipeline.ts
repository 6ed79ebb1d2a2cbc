/**
 * The topic step: papers → terms → TF-IDF (BM25) → LSA → k-nearest-neighbour graph → topics (graph communities, one
 * or two levels) → labels → map (topic discs refined by UMAP-style optimisation on the graph) → related papers.
 * This is the only file that chains the steps; each step lives in its own module and is tested alone.
 */
import type { AtlasData, AtlasPaper, AtlasTopic, TopicInput } from './atlas-schema.ts';
import { tokenizeCorpus, type TokenizedCorpus } from './tokenize.ts';
import { buildFeatures, type FeatureCorpus } from './phrases.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';
import { randomizedSvd } from './svd.ts';
import { dotRows, normalizeRows, sphericalKMeans } from './cluster.ts';
import { labelTopics, slugifyLabels, topicKeywords } from './label.ts';
import { canonicalTerms, findAbbreviations } from './abbreviations.ts';
import { fitToUnitSquare, placeDiscs, placeMembers, refineLayout, type Disc } from './layout.ts';
import { sharedTerms } from './related.ts';
import { nearestNeighbourGraph, type NeighbourGraph } from './knn.ts';
import { inducedSubgraph, louvain, similarityGraph, type WeightedGraph } from './graph-cluster.ts';
import { createRandom, type RandomSource } from './random.ts';
import { refineByWordMixture } from './word-mixture.ts';

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
  /** Identity of each TF-IDF column (its words' term keys joined by spaces), stable across corpora. */
  termKeys: string[];
  /** The LSA basis V: row t (`dimensions` numbers) maps TF-IDF column t into the vector space. */
  termBasis: Float32Array;
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
/** LSA dimensions: enough to separate a hundred topics, few enough for k-means over 100k papers (200 and 300 measured no better). */
const MAX_DIMENSIONS = 100;
/** Neighbours per paper in the similarity graph (PhenoGraph and UMAP use 15–30). */
const NEIGHBOUR_COUNT = 15;
/** Neighbours averaged into each paper's vector before the k-means refinement of subtopics. */
const SMOOTHING_NEIGHBOURS = 10;
/**
 * Shared-term penalty of label candidates (see topicKeywords' distinctness). On arXiv-cs 10k, 0.5 keeps sibling
 * labels apart as well as 1 did while naming topics by terms that co-occur in their papers.
 */
const LABEL_DISTINCTNESS = 0.5;
/**
 * Exclusivity of label candidates (see topicKeywords): a term most of whose papers lie in other topics does not name
 * this one. On the bundled ML papers it turns "neural networks · transformer" into "looped transformers · meta-training".
 */
const LABEL_EXCLUSIVITY = 1;
/** Related papers listed per paper. */
const RELATED_COUNT = 5;

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
  const corpus = tokenizeCorpus(papers.map(topicText));
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
  const termBasis = new Float32Array(tfidf.matrix.columnCount * dimensions);
  if (rank > 0) {
    const svd = randomizedSvd(tfidf.matrix, rank, stageRandom(1), { powerIterations: paperCount > 50000 ? 1 : 2 });
    for (let row = 0; row < paperCount; row++) {
      for (let k = 0; k < rank; k++) vectors[row * dimensions + k] = svd.left[row * rank + k]! * svd.singularValues[k]!;
    }
    // U·S = X·V: a later paper's vector is its TF-IDF row times V (see fold-in.ts).
    for (let term = 0; term < tfidf.matrix.columnCount; term++) {
      for (let k = 0; k < rank; k++) termBasis[term * dimensions + k] = svd.right[term * rank + k]!;
    }
  }
  normalizeRows(vectors, dimensions);
  progress('svd', 1, 1);
  finishStage('svd', `${paperCount} docs → ${dimensions} dimensions`);

  progress('neighbours', 0, 1);
  const neighbourGraph = nearestNeighbourGraph(vectors, dimensions, NEIGHBOUR_COUNT, stageRandom(4));
  progress('neighbours', 1, 1);
  finishStage('neighbours', `${paperCount} papers × ${neighbourGraph.neighbourCount} neighbours`);

  const graph = similarityGraph(neighbourGraph);
  const drafts = clusterPapers(vectors, dimensions, paperCount, neighbourGraph, graph, tfidf, stageRandom(2), progress);
  const levels: 1 | 2 = drafts.some((draft) => draft.level === 1) ? 2 : 1;
  finishStage(
    'cluster',
    `${drafts.filter((draft) => draft.level === 0).length} broad themes, ${drafts.filter((draft) => draft.level === 1).length} subtopics`,
  );

  const abbreviations = findAbbreviations(papers.map((paper) => `${paper.title}. ${paper.abstract}`));
  const canonical = canonicalTerms(abbreviations, features, tfidf);
  labelDrafts(drafts, tfidf, features, canonical, paperCount);
  finishStage('label', `${drafts.length} topics, ${abbreviations.length} abbreviations`);

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
  const layoutRandom = stageRandom(3);
  const start = layoutPapers(vectors, dimensions, drafts, similarity, layoutRandom);
  const positions = fitToUnitSquare(refineLayout(start, graph, layoutRandom));
  finishStage('layout', `${paperCount} points`);

  const neighbours = relatedPapers(neighbourGraph, RELATED_COUNT);
  progress('related', paperCount, paperCount);
  finishStage('related', `${paperCount} papers × ${RELATED_COUNT} related`);

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
    termKeys: termKeysOf(corpus, features, tfidf),
    termBasis,
    fineTopicOfPaper: Int32Array.from(fineDraftOfPaper, (draft) => idOfDraft[draft]!),
    broadTopicOfPaper: Int32Array.from(broadDraftOfPaper, (draft, row) => idOfDraft[draft >= 0 ? draft : fineDraftOfPaper[row]!]!),
    keywordTerms: ordered.map((draftIndex) => drafts[draftIndex]!.keywordTerms),
    stageSeconds,
  };
}

/**
 * Topics from LSA vectors, the similarity graph and the word counts. Below TWO_LEVEL_THRESHOLD papers: one level, the
 * Louvain communities of the graph (topics under 3 papers dissolved into the nearest topic). Above: graph
 * communities, so the number of topics comes from the data (modularity), not from a fixed k. Broad themes are Louvain
 * communities (γ = 1) of the shared-nearest-neighbour graph; each theme's subtopics are the Louvain communities of the
 * theme's own subgraph (γ = 1 again, modularity measured inside the theme), then polished by spherical k-means on
 * neighbour-averaged vectors started from those communities (a consensus of the graph and the vector view). Last, a
 * smoothed word-mixture refinement (see regroupByWords) moves papers between subtopics by their word counts and
 * empties the subtopics too small to hold their own. Subtopics smaller than a least size join their most similar
 * sibling. On arXiv-cs 10k (seeds 1–3) this measured NMI 0.451–0.452 against the arXiv categories at 107–113
 * subtopics (0.437–0.441 at 176–193 before the word-mixture step; 0.40 for k-means chosen by silhouette).
 */
function clusterPapers(
  vectors: Float32Array,
  dimensions: number,
  paperCount: number,
  neighbourGraph: NeighbourGraph,
  graph: WeightedGraph,
  tfidf: TfidfModel,
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

  progress('cluster', 0, 1);
  if (paperCount < TWO_LEVEL_THRESHOLD) {
    const minTopicSize = Math.min(3, paperCount);
    const groups = mergeSmallGroups(vectors, dimensions, groupsOf(allRows, louvain(graph, 1, random)), minTopicSize);
    progress('cluster', 1, 1);
    return groups.map((members) => draftOf(0, null, members, meanDirection(vectors, dimensions, members)));
  }

  const smoothed = smoothVectors(vectors, dimensions, neighbourGraph, SMOOTHING_NEIGHBOURS);
  const broadOfRow = louvain(graph, 1, random);
  const broadGroups = groupsOf(allRows, broadOfRow);
  const minSubtopicSize = Math.max(5, Math.round(paperCount / 2000));
  const subtopicsOfTheme = broadGroups.map((members, themeIndex) => {
    progress('cluster', themeIndex, broadGroups.length);
    const children = splitTheme(graph, smoothed, dimensions, members, minSubtopicSize, random);
    return children.length > 0 ? children : [members];
  });
  const regrouped = regroupByWords(subtopicsOfTheme, tfidf, neighbourGraph, paperCount);
  const drafts: DraftTopic[] = [];
  const themes = regrouped
    .map((groups) => mergeSmallGroups(vectors, dimensions, groups, minSubtopicSize))
    .filter((groups) => groups.length > 0);
  themes.forEach((groups) => {
    const members = Int32Array.from(groups.flatMap((group) => [...group])).sort();
    drafts.push(draftOf(0, null, members, meanDirection(vectors, dimensions, members)));
  });
  themes.forEach((groups, parentIndex) => {
    if (groups.length < 2) return;
    for (const child of groups) drafts.push(draftOf(1, parentIndex, child, meanDirection(vectors, dimensions, child)));
  });
  progress('cluster', broadGroups.length, broadGroups.length);
  return drafts;
}

/**
 * The finest groups (each theme's subtopics, or the theme itself when it did not split) refined by the word-mixture
 * model over the neighbour graph (see refineByWordMixture): every group keeps its theme, a paper may move to a group
 * of another theme, and groups left empty disappear. LSA blurs the rare, specific terms that tell arXiv
 * subfields apart; the word counts keep them.
 */
function regroupByWords(
  subtopicsOfTheme: readonly Int32Array[][],
  tfidf: TfidfModel,
  neighbourGraph: NeighbourGraph,
  paperCount: number,
): Int32Array[][] {
  const groupOfRow = new Int32Array(paperCount);
  const themeOfGroup: number[] = [];
  subtopicsOfTheme.forEach((groups, themeIndex) => {
    for (const group of groups) {
      for (const row of group) groupOfRow[row] = themeOfGroup.length;
      themeOfGroup.push(themeIndex);
    }
  });
  const refined = refineByWordMixture(
    tfidf.matrix,
    tfidf.counts,
    groupOfRow,
    themeOfGroup.length,
    neighbourGraph.indices,
    neighbourGraph.neighbourCount,
  );
  const rowsOfGroup: number[][] = themeOfGroup.map(() => []);
  for (let row = 0; row < paperCount; row++) rowsOfGroup[refined[row]!]!.push(row);
  const regrouped: Int32Array[][] = subtopicsOfTheme.map(() => []);
  rowsOfGroup.forEach((rows, group) => {
    if (rows.length > 0) regrouped[themeOfGroup[group]!]!.push(Int32Array.from(rows));
  });
  return regrouped;
}

/** A theme's subtopics (global row lists), or none when it does not split into two or more sizeable parts. */
function splitTheme(
  graph: WeightedGraph,
  smoothed: Float32Array,
  dimensions: number,
  members: Int32Array,
  minSubtopicSize: number,
  random: RandomSource,
): Int32Array[] {
  if (members.length < 2 * minSubtopicSize) return [];
  const local = louvain(inducedSubgraph(graph, members), 1, random);
  const sizes = new Int32Array(countOf(local));
  for (const community of local) sizes[community]!++;
  const kept = [...sizes.keys()].filter((community) => sizes[community]! >= minSubtopicSize);
  if (kept.length < 2) return [];
  const seeds = new Float32Array(kept.length * dimensions);
  kept.forEach((community, index) => {
    members.forEach((row, position) => {
      if (local[position] !== community) return;
      for (let d = 0; d < dimensions; d++) seeds[index * dimensions + d]! += smoothed[row * dimensions + d]!;
    });
  });
  normalizeRows(seeds, dimensions);
  const run = sphericalKMeans(smoothed, dimensions, members, kept.length, random, { initialCentroids: seeds });
  const groups = mergeSmallGroups(smoothed, dimensions, groupsOf(members, run.assignment, run.clusterCount), minSubtopicSize);
  return groups.length >= 2 ? groups : [];
}

/**
 * Groups below a least size dissolve: each of their rows joins the most similar centroid among the large groups
 * (all rows stay in one group when no group is large enough).
 */
function mergeSmallGroups(vectors: Float32Array, dimensions: number, groups: readonly Int32Array[], minSize: number): Int32Array[] {
  const large = groups.filter((group) => group.length >= minSize);
  if (large.length === groups.length) return [...groups];
  if (large.length === 0) return [Int32Array.from(groups.flatMap((group) => [...group])).sort()];
  const centroids = new Float32Array(large.length * dimensions);
  large.forEach((group, index) => centroids.set(meanDirection(vectors, dimensions, group), index * dimensions));
  const merged: number[][] = large.map((group) => [...group]);
  for (const group of groups) {
    if (group.length >= minSize) continue;
    for (const row of group) {
      let best = 0;
      let bestScore = -Infinity;
      for (let index = 0; index < large.length; index++) {
        const score = dotRows(vectors, row, centroids, index, dimensions);
        if (score > bestScore) {
          bestScore = score;
          best = index;
        }
      }
      merged[best]!.push(row);
    }
  }
  return merged.map((rows) => Int32Array.from(rows).sort());
}

/** Rows grouped by cluster id (row order kept within a group). */
function groupsOf(rows: Int32Array, clusterOfPosition: Int32Array, clusterCount = countOf(clusterOfPosition)): Int32Array[] {
  const groups: number[][] = Array.from({ length: clusterCount }, () => []);
  rows.forEach((row, position) => groups[clusterOfPosition[position]!]!.push(row));
  return groups.map((group) => Int32Array.from(group));
}

function countOf(labels: Int32Array): number {
  let largest = -1;
  for (const label of labels) if (label > largest) largest = label;
  return largest + 1;
}

/**
 * Each vector plus its nearest neighbours' vectors weighted by similarity, renormalised: one step of neighbour
 * averaging, which measured +0.013 NMI for k-means at 150 topics by pulling papers toward their local consensus.
 */
function smoothVectors(vectors: Float32Array, dimensions: number, neighbourGraph: NeighbourGraph, neighbours: number): Float32Array {
  const { neighbourCount, indices, similarities, rowCount } = neighbourGraph;
  const used = Math.min(neighbours, neighbourCount);
  const smoothed = Float32Array.from(vectors);
  for (let row = 0; row < rowCount; row++) {
    for (let slot = 0; slot < used; slot++) {
      const other = indices[row * neighbourCount + slot]!;
      if (other < 0) continue;
      const weight = Math.max(0, similarities[row * neighbourCount + slot]!);
      for (let d = 0; d < dimensions; d++) smoothed[row * dimensions + d]! += weight * vectors[other * dimensions + d]!;
    }
  }
  return normalizeRows(smoothed, dimensions);
}

/** The first `count` graph neighbours of every paper as related papers (similarity clamped to [0, 1]). */
function relatedPapers(neighbourGraph: NeighbourGraph, count: number): Array<Array<{ row: number; similarity: number }>> {
  const { neighbourCount, indices, similarities, rowCount } = neighbourGraph;
  return Array.from({ length: rowCount }, (_, row) => {
    const list: Array<{ row: number; similarity: number }> = [];
    for (let slot = 0; slot < Math.min(count, neighbourCount); slot++) {
      const other = indices[row * neighbourCount + slot]!;
      if (other >= 0) list.push({ row: other, similarity: Math.max(0, Math.min(1, similarities[row * neighbourCount + slot]!)) });
    }
    return list;
  });
}

/** Unit-length mean of some rows. */
function meanDirection(vectors: Float32Array, dimensions: number, rows: Int32Array): Float32Array {
  const sum = new Float32Array(dimensions);
  for (const row of rows) for (let d = 0; d < dimensions; d++) sum[d]! += vectors[row * dimensions + d]!;
  return normalizeRows(sum, dimensions);
}

/**
 * Keywords and labels: broad themes against each other, then subtopics against all subtopics. Keywords are plain
 * c-TF-IDF (they describe the topic, shared terms included); labels are drawn from c-TF-IDF with the shared-term
 * penalty, so that they tell topics apart.
 */
function labelDrafts(drafts: DraftTopic[], tfidf: TfidfModel, features: FeatureCorpus, canonical: Int32Array, paperCount: number): void {
  const taken = new Set<string>();
  for (const level of [0, 1] as const) {
    const indices = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === level);
    if (indices.length === 0) continue;
    const classOfDoc = new Int32Array(paperCount).fill(-1);
    indices.forEach((draftIndex, cls) => {
      for (const row of drafts[draftIndex]!.members) classOfDoc[row] = cls;
    });
    const terms = topicKeywords(tfidf, features, classOfDoc, indices.length, { canonical });
    const labelTerms = topicKeywords(tfidf, features, classOfDoc, indices.length, { canonical, distinctness: LABEL_DISTINCTNESS, exclusivity: LABEL_EXCLUSIVITY });
    const labelKeywords = new Map<number, string[]>();
    indices.forEach((draftIndex, cls) => {
      drafts[draftIndex]!.keywords = terms[cls]!.keywords;
      drafts[draftIndex]!.keywordTerms = terms[cls]!.termIds;
      labelKeywords.set(draftIndex, labelTerms[cls]!.keywords);
    });
    const bySize = [...indices].sort((a, b) => drafts[b]!.members.length - drafts[a]!.members.length || a - b);
    const labels = labelTopics(
      bySize.map((index) => labelKeywords.get(index)!),
      taken,
      bySize.map((index) => drafts[index]!.parentDraft ?? -1),
    );
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

/**
 * The text the topic step reads of a paper: the title twice (a title word says more about the topic than an
 * abstract word) and the abstract.
 * @example topicText({ slug: 'a', title: 'Graph networks', abstract: 'Message passing.' }) // => 'Graph networks. Graph networks. Message passing.'
 */
export function topicText(paper: TopicInput): string {
  return `${paper.title}. ${paper.title}. ${paper.abstract}`;
}

/** Each TF-IDF column's identity: the term keys of its words, space-separated. */
function termKeysOf(corpus: TokenizedCorpus, features: FeatureCorpus, tfidf: TfidfModel): string[] {
  return Array.from(tfidf.termFeature, (feature) => Array.from(features.featureParts[feature]!, (unigram) => corpus.unigramKeys[unigram]!).join(' '));
}

/**
 * Up to five keywords two papers share, strongest first, leaving out a word already inside a shared phrase.
 * @example sharedKeywords(tfidf, features, 0, 1) // => ['catastrophic forgetting', 'replay']
 */
export function sharedKeywords(tfidf: TfidfModel, features: FeatureCorpus, first: number, second: number): string[] {
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

/**
 * A number rounded to `digits` decimals, never -0 (the atlas's fixed precision).
 * @example round(-0.00004, 4) // => 0
 */
export function round(value: number, digits: number): number {
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
