/**
 * The topic step: papers → terms → TF-IDF (BM25) → LSA (or the sources' embeddings) → k-nearest-neighbour graph → topics (graph communities, one
 * or two levels) → labels → map (topic discs refined by UMAP-style optimisation on the graph) → related papers.
 * This file only chains the stages; each lives in its own module and is tested alone:
 *
 *   tokenize.ts     text → term ids (topicText in atlas-schema.ts says which text of a paper is read)
 *   phrases.ts      terms → features (words and collocations)
 *   tfidf.ts        features → BM25-weighted sparse matrix
 *   svd.ts          matrix → LSA paper vectors and term basis (latentSemanticSpace)
 *   knn.ts          vectors → nearest-neighbour graph; graph-cluster.ts weighs it
 *   hierarchy.ts    clustering policy (themes, subtopics, word-mixture regrouping) and each paper's fit (measureFit)
 *   topic-order.ts  keywords and labels per level (label.ts, abbreviations.ts), display order → topic ids
 *   layout.ts       disc layout (layoutPapers), UMAP-style refinement, unit square
 *   related.ts      related papers and the keywords they share
 *   atlas-json.ts   the published bytes (serializeAtlas, round)
 *
 * A new stage must also be handled on the fold-in path (fold-in.ts), which places added papers into a fitted model
 * without running this chain: either the stage's output is stored with the model (model-store.ts keeps the atlas,
 * vectors and term basis) and fold-in reuses it, or fold-in computes it for the new papers from the fitted state.
 * fold-in.ts imports stage modules, never this file.
 */
import type { AtlasData, AtlasPaper, AtlasTopic, TopicInput } from './atlas-schema.ts';
import { topicText } from './atlas-schema.ts';
import { round } from './atlas-json.ts';
import type { TokenizedCorpus } from './tokenize.ts';
import { buildFeatures, type FeatureCorpus } from './phrases.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';
import { handOnCorpusTerms, tokenizeTexts } from './corpus-terms.ts';
import { latentSemanticSpace } from './svd.ts';
import { slugifyLabels } from './label.ts';
import { canonicalTerms, findAbbreviations } from './abbreviations.ts';
import { fitToUnitSquare, layoutPapers, refineLayout } from './layout.ts';
import { RELATED_COUNT, relatedPapers, sharedKeywords } from './related.ts';
import { nearestNeighbourGraph, rerankNeighbours } from './knn.ts';
import { reduceDimensions } from './pca.ts';
import { similarityGraph } from './graph-cluster.ts';
import { createRandom, type RandomSource } from './random.ts';
import { clusterPapers, measureFit } from './hierarchy.ts';
import { labelDrafts, orderTopics } from './topic-order.ts';

export interface BuildAtlasOptions {
  /** Called as long stages advance: stage name, units done, units in total. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Receives one line per stage with its counts and time. */
  log?: (line: string) => void;
  /** Seed of every random choice (sampling, k-means++ seeds, SVD test matrix, jitter). Default 1. */
  seed?: number;
  /**
   * Vectors the sources brought, one unit row per paper (src/lib/vectors/embedding.ts `embeddingRule`): when given,
   * they replace the LSA vectors for neighbours, clusters, layout and related papers; labels still come from the text.
   */
  embeddings?: { vectors: Float32Array; dimensions: number };
}

/** Everything the pipeline computed, for evaluation and benchmarks; `atlas` is what the site publishes. */
export interface TopicModel {
  atlas: AtlasData;
  /** Unit-length LSA vectors of the papers, row-major (the text vectors, also when embeddings placed the papers). */
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
  /** The space papers were placed in (neighbours, clusters, layout): LSA's dimensions, or the embeddings' reduced (pca.ts). */
  placement: { source: 'text' | 'embeddings'; dimensions: number; varianceKept: number };
  /** Seconds spent in each stage, in order. */
  stageSeconds: Array<{ stage: string; seconds: number }>;
}

/** LSA dimensions, and those embeddings are reduced to: enough to separate a hundred topics, few enough for k-means over 100k papers (200 and 300 measured no better). */
const MAX_DIMENSIONS = 100;
/** Neighbours per paper in the similarity graph (PhenoGraph and UMAP use 15–30). */
const NEIGHBOUR_COUNT = 15;
/**
 * Candidates per neighbour searched in reduced embeddings before the full vectors re-rank them: ×3 gave back 86 % of
 * the exact 256-dimension neighbours on isotropic synthetic clusters (the hardest case: noise in every direction),
 * against 50 % without re-ranking.
 */
const RERANK_FACTOR = 3;

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
  const texts = papers.map(topicText);
  // Texts whose scan a rebuild kept are not read again (corpus-terms.ts); the tokens are tokenizeCorpus's.
  const corpus = tokenizeTexts(texts);
  progress('tokenize', paperCount, paperCount);
  finishStage('tokenize', `${paperCount} docs, ${corpus.tokenIds.length} tokens, ${corpus.unigramCount} distinct terms`);

  const features = buildFeatures(corpus);
  finishStage('phrases', `${features.featureDisplay.length - features.unigramCount} phrases`);

  const tfidf = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length);
  // The same three steps as corpusTermsOf, timed one by one; the vector files take them over (corpus-terms.ts).
  handOnCorpusTerms(texts, { corpus, features, tfidf });
  finishStage('tfidf', `${paperCount} docs × ${tfidf.matrix.columnCount} terms, ${tfidf.matrix.values.length} non-zeros`);

  progress('svd', 0, 1);
  const { vectors, dimensions, termBasis } = latentSemanticSpace(tfidf.matrix, MAX_DIMENSIONS, stageRandom(1), {
    powerIterations: paperCount > 50000 ? 1 : 2,
  });
  progress('svd', 1, 1);
  finishStage('svd', `${paperCount} docs → ${dimensions} dimensions`);

  // The space papers are placed in: the sources' embeddings when the atlas has them (reduced to as many dimensions
  // as the text vectors, so neighbours, clusters and layout cost what they cost with text: pca.ts), else the LSA vectors.
  const embeddings = options.embeddings;
  if (embeddings && embeddings.vectors.length !== paperCount * embeddings.dimensions) {
    throw new Error(`embeddings: ${embeddings.vectors.length} numbers for ${paperCount} papers of ${embeddings.dimensions}`);
  }
  const space = embeddings ? reduceDimensions(embeddings.vectors, embeddings.dimensions, MAX_DIMENSIONS) : { vectors, dimensions, varianceKept: 1 };
  if (embeddings) {
    finishStage('reduce', `embeddings ${embeddings.dimensions} → ${space.dimensions} dimensions, ${(space.varianceKept * 100).toFixed(1)} % of their energy kept`);
  }
  progress('neighbours', 0, 1);
  // Reduced embeddings: three times the neighbours searched in the reduced space, re-ranked by the full vectors, so
  // the graph (and the related papers) are nearly the full embeddings' own at the reduced space's cost.
  const reduced = embeddings !== undefined && space.dimensions < embeddings.dimensions;
  const searched = nearestNeighbourGraph(space.vectors, space.dimensions, reduced ? NEIGHBOUR_COUNT * RERANK_FACTOR : NEIGHBOUR_COUNT, stageRandom(4));
  const neighbourGraph = reduced ? rerankNeighbours(searched, embeddings.vectors, embeddings.dimensions, NEIGHBOUR_COUNT) : searched;
  progress('neighbours', 1, 1);
  finishStage('neighbours', `${paperCount} papers × ${neighbourGraph.neighbourCount} neighbours${embeddings ? ` (embeddings, ${space.dimensions} dimensions)` : ''}`);

  const graph = similarityGraph(neighbourGraph);
  const drafts = clusterPapers(space.vectors, space.dimensions, paperCount, neighbourGraph, graph, tfidf, stageRandom(2), progress);
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

  const { similarity, weak } = measureFit(space.vectors, space.dimensions, drafts, fineDraftOfPaper);
  const layoutRandom = stageRandom(3);
  const start = layoutPapers(space.vectors, space.dimensions, drafts, similarity, layoutRandom);
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
    placement: { source: embeddings ? 'embeddings' : 'text', dimensions: space.dimensions, varianceKept: space.varianceKept },
    stageSeconds,
  };
}

/** Each TF-IDF column's identity: the term keys of its words, space-separated. */
function termKeysOf(corpus: TokenizedCorpus, features: FeatureCorpus, tfidf: TfidfModel): string[] {
  return Array.from(tfidf.termFeature, (feature) => Array.from(features.featureParts[feature]!, (unigram) => corpus.unigramKeys[unigram]!).join(' '));
}
