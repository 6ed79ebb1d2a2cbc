/**
 * The clustering policy of the topic step: papers → broad themes → subtopics (one level below TWO_LEVEL_THRESHOLD
 * papers), as draft topics that the later stages label (topic-order.ts), order, and lay out (layout.ts); and each
 * paper's fit to its topic (similarity to the centroid, outliers marked weak).
 */
import { dotRows, meanDirection, normalizeRows, sphericalKMeans } from './cluster.ts';
import { inducedSubgraph, louvain, type WeightedGraph } from './graph-cluster.ts';
import type { NeighbourGraph } from './knn.ts';
import type { RandomSource } from './random.ts';
import type { TfidfModel } from './tfidf.ts';
import { refineByWordMixture } from './word-mixture.ts';

/** A topic while it is being built, before ids are given in display order. */
export interface DraftTopic {
  level: 0 | 1;
  /** Index (in the draft list) of the broad theme a subtopic belongs to; null for a theme. */
  parentDraft: number | null;
  /** Rows of the papers, ascending within a theme built from subtopics. */
  members: Int32Array;
  /** Unit-length mean of the members' LSA vectors. */
  centroid: Float32Array;
  keywords: string[];
  keywordTerms: number[];
  label: string;
}

/** Papers below this count get one level of topics; above, broad themes with subtopics. */
const TWO_LEVEL_THRESHOLD = 300;
/** Neighbours averaged into each paper's vector before the k-means refinement of subtopics. */
const SMOOTHING_NEIGHBOURS = 10;

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
 * @example clusterPapers(vectors, 100, 10000, neighbourGraph, graph, tfidf, createRandom(1), () => {}).filter((draft) => draft.level === 1).length // => 107 on arXiv-cs 10k
 */
export function clusterPapers(
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

/**
 * Each paper's similarity to its finest topic's centroid, and whether it is an outlier: below its topic's mean by
 * more than two standard deviations, or below 0.1 (barely related to the topic at all). Recomputes each draft's
 * centroid from its members first.
 * @example measureFit(Float32Array.of(1, 0, 0, 1), 2, [draftOfRows0And1], Int32Array.of(0, 0)).similarity // => Float32Array [0.7071…, 0.7071…]
 */
export function measureFit(
  vectors: Float32Array,
  dimensions: number,
  drafts: DraftTopic[],
  fineDraftOfPaper: Int32Array,
): { similarity: Float32Array; weak: Uint8Array } {
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
