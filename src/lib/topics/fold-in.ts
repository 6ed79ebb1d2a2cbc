/**
 * Incremental topic step: fold a few added, changed or removed papers into a fitted topic model instead of fitting
 * again. Every other paper keeps its topic, position and (unless a new paper is closer) its related list; topic ids,
 * labels and keywords stay as fitted. New papers are projected into the fitted LSA space through the stored term
 * basis (a TF-IDF row times V, the "fold-in" of Deerwester et al. 1990), join the topic their nearest fitted
 * neighbours vote for, and sit among those neighbours on the map, as UMAP's `transform` places new points.
 *
 * A fold is always computed from the full fit, never from an earlier fold, so the result depends only on the
 * fitted corpus and the current one. It is a different atlas from a fresh fit of the current papers, which is why
 * the build only folds when asked to (`ATLAS_INCREMENTAL`, see src/data/atlas.ts).
 */
import { createHash } from 'node:crypto';
import type { AtlasData, AtlasPaper, AtlasRelated, AtlasTopic, TopicInput } from './atlas-schema.ts';
import { topicText } from './atlas-schema.ts';
import { corpusTermsOf, handOnCorpusTerms } from './corpus-terms.ts';
import { round } from './atlas-json.ts';
import { RELATED_COUNT, sharedKeywords } from './related.ts';
import { dotRows, normalizeRows } from './cluster.ts';

/** What a full fit leaves behind for later folds (see model-store.ts for how it is kept on disk). */
export interface FittedTopicModel {
  /** The atlas of the fitted papers, exactly as the fit published it. */
  atlas: AtlasData;
  /** `paperDigest` of each fitted paper, parallel to atlas.papers. */
  paperDigests: string[];
  /** Unit-length LSA vectors of the fitted papers, parallel to atlas.papers, `dimensions` numbers each. */
  vectors: Float32Array;
  dimensions: number;
  /** Identity of each TF-IDF column of the fit (pipeline TopicModel.termKeys). */
  termKeys: string[];
  /** LSA basis, termKeys.length × dimensions (pipeline TopicModel.termBasis). */
  termBasis: Float32Array;
}

export interface FoldOptions {
  /** Fitted corpora smaller than this are fitted again (a fit takes well under a second there). Default 1,000. */
  minFittedPapers?: number;
  /** Largest share of the fitted corpus that may be added, changed or removed. Default 0.05. */
  maxChangeRatio?: number;
}

export type FoldResult =
  | { folded: true; atlas: AtlasData; added: number; removed: number; kept: number }
  | { folded: false; reason: string };

/** Neighbours that vote on a new paper's topic. */
const VOTING_NEIGHBOURS = 15;
/** Fitted neighbours of the same topic a new paper is placed among. */
const PLACING_NEIGHBOURS = 5;
/** Distance of a new point from its neighbours' weighted centre, so it is never drawn on top of one of them. */
const PLACEMENT_OFFSET = 0.004;

/**
 * Identity of a paper's topic-step input (a SHA-256 of everything its atlas record is computed from).
 * @example paperDigest({ slug: 'a', title: 'T', abstract: 'A' }) // => '5d0c…' (32 hex digits)
 */
export function paperDigest(paper: TopicInput): string {
  return createHash('sha256')
    .update(JSON.stringify([paper.slug, paper.sourceId ?? null, paper.title, paper.abstract]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Fold the current papers into a fitted model, or say why a new fit is needed.
 * @example foldIntoModel(fittedOn10k, [...papers10k, onePaperMore]) // => { folded: true, added: 1, removed: 0, kept: 10000, atlas }
 */
export function foldIntoModel(model: FittedTopicModel, papers: readonly TopicInput[], options: FoldOptions = {}): FoldResult {
  const minFitted = options.minFittedPapers ?? 1000;
  const maxChangeRatio = options.maxChangeRatio ?? 0.05;
  const fitted = model.atlas.papers;
  if (fitted.length < minFitted) return { folded: false, reason: `the fitted corpus has ${fitted.length} papers (< ${minFitted})` };

  const fittedRowOfDigest = new Map<string, number>();
  model.paperDigests.forEach((digest, row) => fittedRowOfDigest.set(digest, row));
  /** Fitted row of each current paper, or -1 for a paper the fit has not seen (new or changed). */
  const fittedRowOf = papers.map((paper) => fittedRowOfDigest.get(paperDigest(paper)) ?? -1);
  const keptRows = new Set(fittedRowOf.filter((row) => row >= 0));
  const added = fittedRowOf.filter((row) => row < 0).length;
  const removed = fitted.length - keptRows.size;
  const changeLimit = Math.floor(maxChangeRatio * fitted.length);
  if (added + removed > changeLimit) {
    return { folded: false, reason: `${added} papers new or changed and ${removed} gone since the fit (more than ${changeLimit})` };
  }

  const { dimensions } = model;
  const vectors = currentVectors(model, papers, fittedRowOf);
  const { tfidf, features } = vectors.text;
  const topicOfFitted = Int32Array.from(fitted, (paper) => paper.topic);
  const fit = topicFit(model, keptRows, topicOfFitted);
  const keptSlugs = new Set(papers.filter((_, current) => fittedRowOf[current]! >= 0).map((paper) => paper.slug));
  const similarities = new Float32Array(papers.length);
  const similaritiesOf = (current: number): Float32Array => {
    for (let other = 0; other < papers.length; other++) {
      similarities[other] = other === current ? -Infinity : dotRows(vectors.values, current, vectors.values, other, dimensions);
    }
    return similarities;
  };
  const relatedOf = (current: number, similarity: Float32Array): AtlasRelated[] =>
    topRows(similarity, RELATED_COUNT).map((other) => relatedEntry(current, other, similarity[other]!));
  const relatedEntry = (current: number, other: number, similarity: number): AtlasRelated => ({
    slug: papers[other]!.slug,
    similarity: round(clamp01(similarity), 3),
    shared: sharedKeywords(tfidf, features, current, other),
  });

  // One pass over the corpus per new paper: its own record, and the kept papers it is now closer to than their
  // fifth related paper (their lists are updated below).
  const records: Array<AtlasPaper | undefined> = new Array(papers.length);
  const closerNewPapers = new Map<number, AtlasRelated[]>();
  papers.forEach((paper, current) => {
    if (fittedRowOf[current]! >= 0) return;
    const similarity = similaritiesOf(current);
    records[current] = newPaperRecord(paper, current, similarity);
    for (let other = 0; other < papers.length; other++) {
      const row = fittedRowOf[other]!;
      if (row < 0) continue;
      const related = fitted[row]!.related;
      const rounded = round(clamp01(similarity[other]!), 3);
      if (related.length >= RELATED_COUNT && rounded <= related[related.length - 1]!.similarity) continue;
      const list = closerNewPapers.get(other) ?? [];
      list.push(relatedEntry(other, current, similarity[other]!));
      closerNewPapers.set(other, list);
    }
  });
  papers.forEach((_, current) => {
    const row = fittedRowOf[current]!;
    if (row < 0) return;
    const related = fitted[row]!.related;
    const lost = related.some((entry) => !keptSlugs.has(entry.slug));
    records[current] = { ...fitted[row]!, related: lost ? relatedOf(current, similaritiesOf(current)) : mergeRelated(related, closerNewPapers.get(current) ?? []) };
  });

  function newPaperRecord(paper: TopicInput, current: number, similarity: Float32Array): AtlasPaper {
    const voters = topRows(similarity, VOTING_NEIGHBOURS, (other) => fittedRowOf[other]! >= 0);
    const topic = votedTopic(
      voters.map((other) => ({ topic: topicOfFitted[fittedRowOf[other]!]!, weight: Math.max(0, similarity[other]!) })),
      () => fit.nearestTopic(vectors.values, current),
    );
    const placing = voters.filter((other) => topicOfFitted[fittedRowOf[other]!] === topic).slice(0, PLACING_NEIGHBOURS);
    const [x, y] = placement(
      placing.map((other) => ({ x: fitted[fittedRowOf[other]!]!.x, y: fitted[fittedRowOf[other]!]!.y, weight: Math.max(1e-6, similarity[other]!) })),
      model.atlas.topics[topic]!.centroid,
      paper.slug,
    );
    const record: AtlasPaper = {
      slug: paper.slug,
      title: paper.title,
      topic,
      weak: fit.isWeak(vectors.values, current, topic),
      x,
      y,
      related: relatedOf(current, similarity),
    };
    if (paper.sourceId !== undefined) record.sourceId = paper.sourceId;
    return record;
  }

  const paperRecords = records as AtlasPaper[];
  const topics = recountTopics(model.atlas.topics, paperRecords);
  const empty = topics.find((topic) => topic.size === 0);
  if (empty) return { folded: false, reason: `topic "${empty.label}" would have no papers left` };
  return { folded: true, atlas: { version: 1, levels: model.atlas.levels, topics, papers: paperRecords }, added, removed, kept: keptRows.size };
}

/**
 * Vectors of the current papers: fitted papers keep their fitted vector; a paper the fit has not seen is its TF-IDF
 * row (weights from the current corpus) projected through the fitted basis, terms the fit did not know left out.
 */
function currentVectors(model: FittedTopicModel, papers: readonly TopicInput[], fittedRowOf: readonly number[]) {
  const { dimensions } = model;
  const texts = papers.map(topicText);
  const terms = corpusTermsOf(texts);
  const { corpus, features, tfidf } = terms;
  handOnCorpusTerms(texts, terms);
  const basisRowOfKey = new Map(model.termKeys.map((key, row) => [key, row]));
  const basisRowOfColumn = Int32Array.from(tfidf.termFeature, (feature) => {
    const key = Array.from(features.featureParts[feature]!, (unigram) => corpus.unigramKeys[unigram]!).join(' ');
    return basisRowOfKey.get(key) ?? -1;
  });
  const values = new Float32Array(papers.length * dimensions);
  const { rowStart, colIndex, values: weights } = tfidf.matrix;
  fittedRowOf.forEach((row, current) => {
    if (row >= 0) {
      values.set(model.vectors.subarray(row * dimensions, (row + 1) * dimensions), current * dimensions);
      return;
    }
    for (let entry = rowStart[current]!; entry < rowStart[current + 1]!; entry++) {
      const basisRow = basisRowOfColumn[colIndex[entry]!]!;
      if (basisRow < 0) continue;
      const weight = weights[entry]!;
      for (let d = 0; d < dimensions; d++) values[current * dimensions + d]! += weight * model.termBasis[basisRow * dimensions + d]!;
    }
    normalizeRows(values.subarray(current * dimensions, (current + 1) * dimensions), dimensions);
  });
  return { values, text: { tfidf, features } };
}

/**
 * Each finest topic's mean direction and outlier threshold over the fitted papers still present (the fit's rule:
 * below the topic's mean similarity by two standard deviations, or below 0.1).
 */
function topicFit(model: FittedTopicModel, keptRows: ReadonlySet<number>, topicOfFitted: Int32Array) {
  const { dimensions, vectors } = model;
  const topicCount = model.atlas.topics.length;
  const centroids = new Float32Array(topicCount * dimensions);
  for (const row of keptRows) {
    const topic = topicOfFitted[row]!;
    for (let d = 0; d < dimensions; d++) centroids[topic * dimensions + d]! += vectors[row * dimensions + d]!;
  }
  normalizeRows(centroids, dimensions);
  const sum = new Float64Array(topicCount);
  const sumOfSquares = new Float64Array(topicCount);
  const count = new Int32Array(topicCount);
  for (const row of keptRows) {
    const topic = topicOfFitted[row]!;
    const similarity = dotRows(vectors, row, centroids, topic, dimensions);
    sum[topic]! += similarity;
    sumOfSquares[topic]! += similarity * similarity;
    count[topic]!++;
  }
  const threshold = Float64Array.from(sum, (total, topic) => {
    const n = Math.max(1, count[topic]!);
    const mean = total / n;
    return Math.max(0.1, mean - 2 * Math.sqrt(Math.max(0, sumOfSquares[topic]! / n - mean * mean)));
  });
  const finest = model.atlas.topics.filter((topic) => model.atlas.levels === 1 || topic.level === 1 || !model.atlas.topics.some((child) => child.parent === topic.id));
  return {
    isWeak: (values: Float32Array, current: number, topic: number) => dotRows(values, current, centroids, topic, dimensions) < threshold[topic]!,
    nearestTopic: (values: Float32Array, current: number) => {
      let best = finest[0]!.id;
      let bestScore = -Infinity;
      for (const topic of finest) {
        const score = dotRows(values, current, centroids, topic.id, dimensions);
        if (score > bestScore) {
          bestScore = score;
          best = topic.id;
        }
      }
      return best;
    },
  };
}

/**
 * The topic with the largest summed weight among neighbours (ties: the lower topic id); `fallback` when none voted.
 * @example votedTopic([{ topic: 2, weight: 0.5 }, { topic: 1, weight: 0.3 }, { topic: 1, weight: 0.3 }], () => 0) // => 1
 */
export function votedTopic(votes: ReadonlyArray<{ topic: number; weight: number }>, fallback: () => number): number {
  const weightOf = new Map<number, number>();
  for (const vote of votes) weightOf.set(vote.topic, (weightOf.get(vote.topic) ?? 0) + vote.weight);
  let best = -1;
  let bestWeight = -Infinity;
  for (const [topic, weight] of weightOf) {
    if (weight > bestWeight || (weight === bestWeight && topic < best)) {
      best = topic;
      bestWeight = weight;
    }
  }
  return best >= 0 ? best : fallback();
}

/**
 * A new point: the weighted centre of its neighbours (or the topic's centre when it has none there), moved a small
 * fixed distance in a direction taken from its slug, so it does not hide a neighbour and is the same every build.
 * @example placement([{ x: 0.5, y: 0.5, weight: 1 }], [0, 0], 'a-paper') // => [0.5xxx, 0.5xxx], 0.004 from (0.5, 0.5)
 */
export function placement(neighbours: ReadonlyArray<{ x: number; y: number; weight: number }>, topicCentre: readonly [number, number], slug: string): [number, number] {
  let x = topicCentre[0];
  let y = topicCentre[1];
  const total = neighbours.reduce((sum, neighbour) => sum + neighbour.weight, 0);
  if (total > 0) {
    x = neighbours.reduce((sum, neighbour) => sum + neighbour.x * neighbour.weight, 0) / total;
    y = neighbours.reduce((sum, neighbour) => sum + neighbour.y * neighbour.weight, 0) / total;
  }
  const angle = (hashOf(slug) / 4294967296) * 2 * Math.PI;
  return [round(x + PLACEMENT_OFFSET * Math.cos(angle), 4), round(y + PLACEMENT_OFFSET * Math.sin(angle), 4)];
}

/** Topic sizes and map centres recounted from the papers; ids, labels, keywords and levels as fitted. */
function recountTopics(fittedTopics: readonly AtlasTopic[], papers: readonly AtlasPaper[]): AtlasTopic[] {
  const size = new Int32Array(fittedTopics.length);
  const sumX = new Float64Array(fittedTopics.length);
  const sumY = new Float64Array(fittedTopics.length);
  for (const paper of papers) {
    // A paper counts in its finest topic and in that topic's broad theme.
    for (let topic: number | null = paper.topic; topic !== null; topic = fittedTopics[topic]!.parent) {
      size[topic]!++;
      sumX[topic]! += paper.x;
      sumY[topic]! += paper.y;
    }
  }
  return fittedTopics.map((topic) => ({
    ...topic,
    size: size[topic.id]!,
    centroid: size[topic.id]! > 0 ? [round(sumX[topic.id]! / size[topic.id]!, 4), round(sumY[topic.id]! / size[topic.id]!, 4)] : topic.centroid,
  }));
}

/**
 * A related list with closer papers let in: most similar first, an existing entry ahead of a new one of equal
 * similarity, at most RELATED_COUNT.
 * @example mergeRelated([{ slug: 'a', similarity: 0.9, shared: [] }], [{ slug: 'b', similarity: 0.95, shared: [] }]).map((r) => r.slug) // => ['b', 'a']
 */
export function mergeRelated(related: readonly AtlasRelated[], closer: readonly AtlasRelated[]): AtlasRelated[] {
  const merged = [...related];
  for (const entry of closer) {
    const position = merged.findIndex((existing) => entry.similarity > existing.similarity);
    merged.splice(position < 0 ? merged.length : position, 0, entry);
  }
  return merged.slice(0, RELATED_COUNT);
}

/**
 * Indices of the `count` largest scores (ties: the lower index) among the rows `allowed` accepts; -Infinity never counts.
 * @example topRows(Float32Array.of(0.2, 0.9, -Infinity, 0.5), 2) // => [1, 3]
 */
export function topRows(score: Float32Array, count: number, allowed: (row: number) => boolean = () => true): number[] {
  const best: number[] = [];
  for (let row = 0; row < score.length; row++) {
    const value = score[row]!;
    if (value === -Infinity || (best.length === count && value <= score[best[count - 1]!]!) || !allowed(row)) continue;
    let position = best.length;
    while (position > 0 && value > score[best[position - 1]!]!) position--;
    best.splice(position, 0, row);
    if (best.length > count) best.pop();
  }
  return best;
}

/** FNV-1a of a string: a stable 32-bit number per slug. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

