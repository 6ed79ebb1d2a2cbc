/**
 * The words that are new in a topic's recent papers: time-specific c-TF-IDF. BERTopic's `topics_over_time` computes
 * c-TF-IDF per topic and time slice; here the two slices of one topic (its recent papers, its earlier papers) are
 * compared directly, so a term scores by how much of the recent slice it makes up (the c-TF-IDF term frequency)
 * times how over-represented it is there: ln of its share of recent papers over its share of earlier papers. A term
 * common in both slices ("neural network" in a neural-network topic) scores near zero, one that appeared lately
 * scores high.
 */
import { tokenizeCorpus } from '../topics/tokenize.ts';
import { buildFeatures } from '../topics/phrases.ts';
import { isGenericTerm } from '../topics/generic-terms.ts';

/** One paper of a topic: its text and whether it falls in the recent window. */
export interface DatedText {
  /** Index of the topic among those asked about (0 .. groupCount-1). */
  group: number;
  text: string;
  recent: boolean;
}

/** Terms returned per topic. */
export const NEW_TERM_COUNT = 5;
/** A new term must appear in at least this many recent papers of the topic: one paper's pet word is not a trend. */
export const MIN_TERM_PAPERS = 2;
/** …and in a share of the recent papers at least this many times its share of the earlier ones. */
export const MIN_TERM_RATIO = 2;

const numericOnly = /^[\d\s.,\-]+$/;

/**
 * For each topic (group), up to `NEW_TERM_COUNT` terms over-represented in its recent papers against its earlier
 * ones, best first; phrases (found over all the texts given, as the topic step finds them) replace the single words
 * they contain. A topic with no earlier papers gets no terms: nothing is new against nothing.
 * @example newTermsByGroup([{ group: 0, text: 'Kernel methods for regression', recent: false }, …, { group: 0, text: 'Deep convolutional networks for images', recent: true }, …], 1) // => [['convolutional networks', 'deep', …]]
 */
export function newTermsByGroup(papers: readonly DatedText[], groupCount: number): string[][] {
  const corpus = tokenizeCorpus(papers.map((paper) => paper.text));
  const features = buildFeatures(corpus);
  const featureCount = features.featureDisplay.length;
  const terms: string[][] = [];
  for (let group = 0; group < groupCount; group++) {
    const occurrences = new Float64Array(featureCount);
    const recentDocs = new Int32Array(featureCount);
    const earlierDocs = new Int32Array(featureCount);
    const lastDoc = new Int32Array(featureCount).fill(-1);
    let recentWords = 0;
    let recentPapers = 0;
    let earlierPapers = 0;
    papers.forEach((paper, doc) => {
      if (paper.group !== group) return;
      if (paper.recent) recentPapers++;
      else earlierPapers++;
      for (let entry = features.docOffsets[doc]!; entry < features.docOffsets[doc + 1]!; entry++) {
        const feature = features.featureIds[entry]!;
        if (paper.recent) {
          occurrences[feature]!++;
          recentWords++;
        }
        if (lastDoc[feature] === doc) continue;
        lastDoc[feature] = doc;
        if (paper.recent) recentDocs[feature]!++;
        else earlierDocs[feature]!++;
      }
    });
    if (recentPapers === 0 || earlierPapers === 0) {
      terms.push([]);
      continue;
    }
    const scored: Array<[number, number]> = [];
    for (let feature = 0; feature < featureCount; feature++) {
      if (recentDocs[feature]! < MIN_TERM_PAPERS) continue;
      const ratio = ((recentDocs[feature]! + 0.5) / (recentPapers + 1)) / ((earlierDocs[feature]! + 0.5) / (earlierPapers + 1));
      if (ratio < MIN_TERM_RATIO) continue;
      scored.push([feature, (occurrences[feature]! / recentWords) * Math.log(ratio)]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    terms.push(pickTerms(scored.map(([feature]) => feature), features.featureDisplay, features.featureParts));
  }
  return terms;
}

/** Best first; a phrase replaces a chosen word it contains, a word inside a chosen phrase is skipped. */
function pickTerms(candidates: readonly number[], display: readonly string[], parts: readonly Int32Array[]): string[] {
  const chosen: number[] = [];
  for (const feature of candidates) {
    if (chosen.length >= NEW_TERM_COUNT) break;
    const text = display[feature]!;
    if (numericOnly.test(text) || isGenericTerm(text)) continue;
    const own = parts[feature]!;
    if (chosen.some((other) => contains(parts[other]!, own))) continue;
    const replaced = chosen.findIndex((other) => contains(own, parts[other]!));
    if (replaced < 0) {
      chosen.push(feature);
      continue;
    }
    chosen[replaced] = feature;
    for (let index = chosen.length - 1; index > replaced; index--) if (contains(own, parts[chosen[index]!]!)) chosen.splice(index, 1);
  }
  return chosen.map((feature) => display[feature]!);
}

/** True when the unigram ids of `inner` appear as a contiguous run of `outer`. */
function contains(outer: Int32Array, inner: Int32Array): boolean {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((id, offset) => outer[start + offset] === id)) return true;
  }
  return false;
}
