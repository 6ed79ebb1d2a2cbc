/**
 * Frequent phrases ("reinforcement learning", "large language model") found by frequency and normalised PMI over
 * adjacent tokens, then every document turned into its list of features: unigrams plus the phrases it contains.
 */
import { BOUNDARY, type TokenizedCorpus } from './tokenize.ts';

export interface PhraseOptions {
  /** Least corpus count of a phrase. Default: 3 below 2,000 documents, then about one per 700 documents. */
  minCount?: number;
  /** Least normalised PMI (-1..1) between the phrase's parts. Default 0.3. */
  minNpmi?: number;
}

/** Documents as feature ids: unigram ids first (0 .. unigramCount-1), then phrase ids. */
export interface FeatureCorpus {
  /** Feature ids of document d: featureIds[docOffsets[d] .. docOffsets[d + 1]), one entry per occurrence. */
  featureIds: Int32Array;
  docOffsets: Int32Array;
  /** Display text of every feature. */
  featureDisplay: string[];
  /** Unigram ids making up each feature (one id for a unigram). */
  featureParts: Int32Array[];
  unigramCount: number;
}

/** Normalised pointwise mutual information of a pair seen `pairCount` times among `total` adjacent pairs. */
function npmi(pairCount: number, leftCount: number, rightCount: number, total: number): number {
  const pPair = pairCount / total;
  const pmi = Math.log(pPair / ((leftCount / total) * (rightCount / total)));
  return pmi / -Math.log(pPair);
}

/**
 * Find phrases and express each document as features (unigrams and phrases it contains, with repeats).
 * Bigrams need `minCount` occurrences and NPMI ≥ `minNpmi`; trigrams extend an accepted bigram by one token under the
 * same rule. A bigram seen mostly (≥ 80 %) inside one accepted trigram is dropped ("large language" in
 * "large language model").
 * @example buildFeatures(tokenizeCorpus(texts)).featureDisplay.includes('reinforcement learning') // => true (when frequent)
 */
export function buildFeatures(corpus: TokenizedCorpus, options: PhraseOptions = {}): FeatureCorpus {
  const documentCount = corpus.docOffsets.length - 1;
  const minCount = options.minCount ?? Math.max(3, Math.round(documentCount / 700));
  const minNpmi = options.minNpmi ?? 0.3;
  const { tokenIds, unigramCount, unigramFrequency } = corpus;
  const width = unigramCount + 1;

  const bigramCounts = new Map<number, number>();
  let pairTotal = 0;
  for (let index = 0; index + 1 < tokenIds.length; index++) {
    const left = tokenIds[index]!;
    const right = tokenIds[index + 1]!;
    if (left === BOUNDARY || right === BOUNDARY) continue;
    pairTotal++;
    if (left === right || unigramFrequency[left]! < minCount || unigramFrequency[right]! < minCount) continue;
    const key = left * width + right;
    bigramCounts.set(key, (bigramCounts.get(key) ?? 0) + 1);
  }
  const tokenTotal = Math.max(1, pairTotal);

  const acceptedBigrams = new Map<number, number>();
  const bigramKeys = [...bigramCounts.keys()].sort((a, b) => a - b);
  let bigramIndex = 0;
  for (const key of bigramKeys) {
    const count = bigramCounts.get(key)!;
    if (count < minCount) continue;
    const left = Math.floor(key / width);
    const right = key - left * width;
    if (npmi(count, unigramFrequency[left]!, unigramFrequency[right]!, tokenTotal) < minNpmi) continue;
    acceptedBigrams.set(key, bigramIndex++);
  }
  const acceptedBigramKeys = [...acceptedBigrams.keys()];
  bigramCounts.clear();

  const trigramCounts = new Map<number, number>();
  const bigramCountById = new Int32Array(acceptedBigramKeys.length);
  for (let index = 0; index + 1 < tokenIds.length; index++) {
    const left = tokenIds[index]!;
    const middle = tokenIds[index + 1]!;
    if (left === BOUNDARY || middle === BOUNDARY) continue;
    const bigram = acceptedBigrams.get(left * width + middle);
    if (bigram === undefined) continue;
    bigramCountById[bigram]!++;
    const right = index + 2 < tokenIds.length ? tokenIds[index + 2]! : BOUNDARY;
    if (right === BOUNDARY || right === left || right === middle) continue;
    const key = bigram * width + right;
    trigramCounts.set(key, (trigramCounts.get(key) ?? 0) + 1);
  }
  const acceptedTrigrams = new Map<number, number>();
  const coveredByTrigram = new Int32Array(acceptedBigramKeys.length);
  const trigramKeys = [...trigramCounts.keys()].sort((a, b) => a - b);
  const trigramParts: Array<[number, number, number]> = [];
  for (const key of trigramKeys) {
    const count = trigramCounts.get(key)!;
    if (count < minCount) continue;
    const bigram = Math.floor(key / width);
    const right = key - bigram * width;
    if (npmi(count, bigramCountById[bigram]!, unigramFrequency[right]!, tokenTotal) < minNpmi) continue;
    const bigramKey = acceptedBigramKeys[bigram]!;
    const left = Math.floor(bigramKey / width);
    const middle = bigramKey - left * width;
    acceptedTrigrams.set(key, trigramParts.length);
    trigramParts.push([left, middle, right]);
    coveredByTrigram[bigram] = Math.max(coveredByTrigram[bigram]!, count);
    const suffix = acceptedBigrams.get(middle * width + right);
    if (suffix !== undefined) coveredByTrigram[suffix] = Math.max(coveredByTrigram[suffix]!, count);
  }
  trigramCounts.clear();

  const featureDisplay = [...corpus.unigramDisplay];
  const featureParts: Int32Array[] = Array.from({ length: unigramCount }, (_, id) => Int32Array.of(id));
  const bigramFeature = new Int32Array(acceptedBigramKeys.length).fill(-1);
  acceptedBigramKeys.forEach((key, bigram) => {
    if (coveredByTrigram[bigram]! >= 0.8 * bigramCountById[bigram]!) return;
    const left = Math.floor(key / width);
    const right = key - left * width;
    bigramFeature[bigram] = featureDisplay.length;
    featureDisplay.push(`${corpus.unigramDisplay[left]!} ${corpus.unigramDisplay[right]!}`);
    featureParts.push(Int32Array.of(left, right));
  });
  const trigramFeatureBase = featureDisplay.length;
  for (const [left, middle, right] of trigramParts) {
    featureDisplay.push(`${corpus.unigramDisplay[left]!} ${corpus.unigramDisplay[middle]!} ${corpus.unigramDisplay[right]!}`);
    featureParts.push(Int32Array.of(left, middle, right));
  }

  let featureIds = new Int32Array(Math.ceil(tokenIds.length * 1.6) + 16);
  let featureCount = 0;
  const push = (value: number): void => {
    if (featureCount === featureIds.length) {
      const grown = new Int32Array(featureIds.length * 2);
      grown.set(featureIds);
      featureIds = grown;
    }
    featureIds[featureCount++] = value;
  };
  const phraseVariantCounts = new Map<string, number>();
  const countVariant = (feature: number, from: number, length: number): void => {
    let key = `${feature}`;
    for (let offset = 0; offset < length; offset++) key += ` ${corpus.tokenVariants[from + offset]!}`;
    phraseVariantCounts.set(key, (phraseVariantCounts.get(key) ?? 0) + 1);
  };
  const docOffsets = new Int32Array(documentCount + 1);
  for (let doc = 0; doc < documentCount; doc++) {
    docOffsets[doc] = featureCount;
    const end = corpus.docOffsets[doc + 1]!;
    for (let index = corpus.docOffsets[doc]!; index < end; index++) {
      const token = tokenIds[index]!;
      if (token === BOUNDARY) continue;
      push(token);
      const next = index + 1 < end ? tokenIds[index + 1]! : BOUNDARY;
      if (next === BOUNDARY) continue;
      const bigram = acceptedBigrams.get(token * width + next);
      if (bigram === undefined) continue;
      if (bigramFeature[bigram]! >= 0) {
        push(bigramFeature[bigram]!);
        countVariant(bigramFeature[bigram]!, index, 2);
      }
      const after = index + 2 < end ? tokenIds[index + 2]! : BOUNDARY;
      if (after === BOUNDARY) continue;
      const trigram = acceptedTrigrams.get(bigram * width + after);
      if (trigram !== undefined) {
        push(trigramFeatureBase + trigram);
        countVariant(trigramFeatureBase + trigram, index, 3);
      }
    }
  }
  docOffsets[documentCount] = featureCount;
  setPhraseDisplays(featureDisplay, phraseVariantCounts, corpus.variantText);
  return { featureIds: featureIds.slice(0, featureCount), docOffsets, featureDisplay, featureParts, unigramCount };
}

/** Give every phrase its most frequent surface sequence ("features extraction" becomes "feature extraction"). */
function setPhraseDisplays(featureDisplay: string[], variantCounts: Map<string, number>, variantText: readonly string[]): void {
  const bestCount = new Map<number, number>();
  const sortedKeys = [...variantCounts.keys()].sort();
  for (const key of sortedKeys) {
    const count = variantCounts.get(key)!;
    const parts = key.split(' ').map(Number);
    const feature = parts[0]!;
    if (count <= (bestCount.get(feature) ?? 0)) continue;
    bestCount.set(feature, count);
    featureDisplay[feature] = parts.slice(1).map((variant) => variantText[variant]!).join(' ');
  }
}
