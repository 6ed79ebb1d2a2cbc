/**
 * Naming and ordering the draft topics: keywords and labels per level (label.ts does the scoring), then the display
 * order that gives topics their ids.
 */
import type { DraftTopic } from './hierarchy.ts';
import { labelTopics, topicKeywords } from './label.ts';
import type { FeatureCorpus } from './phrases.ts';
import type { TfidfModel } from './tfidf.ts';
import { compareCodeUnits } from '../text/compare.ts';

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

/**
 * Keywords and labels: broad themes against each other, then subtopics against all subtopics. Keywords are plain
 * c-TF-IDF (they describe the topic, shared terms included); labels are drawn from c-TF-IDF with the shared-term
 * penalty, so that they tell topics apart. Fills each draft's `keywords`, `keywordTerms` and `label` in place.
 * @example labelDrafts(drafts, tfidf, features, canonical, paperCount); drafts[0].label // => 'continual learning · catastrophic forgetting'
 */
export function labelDrafts(drafts: DraftTopic[], tfidf: TfidfModel, features: FeatureCorpus, canonical: Int32Array, paperCount: number): void {
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
      bySize.map((index) => {
        const parent = drafts[index]!.parentDraft;
        return parent === null ? undefined : drafts[parent]!.label;
      }),
    );
    bySize.forEach((draftIndex, position) => (drafts[draftIndex]!.label = labels[position]!));
  }
}

/**
 * Display order: broad themes largest first (ties by label in code-unit order), then each theme's subtopics in the
 * same order. `ordered[id]` is the draft that gets topic id `id`; `idOfDraft` is the inverse.
 * @example orderTopics([smallTheme, largeTheme]).ordered // => [1, 0]
 */
export function orderTopics(drafts: readonly DraftTopic[]): { ordered: number[]; idOfDraft: Int32Array } {
  const bySizeThenLabel = (a: number, b: number): number =>
    drafts[b]!.members.length - drafts[a]!.members.length || compareCodeUnits(drafts[a]!.label, drafts[b]!.label) || a - b;
  const parents = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === 0).sort(bySizeThenLabel);
  const ordered = [...parents];
  for (const parent of parents) {
    ordered.push(...drafts.map((_, index) => index).filter((index) => drafts[index]!.parentDraft === parent).sort(bySizeThenLabel));
  }
  const idOfDraft = new Int32Array(drafts.length);
  ordered.forEach((draftIndex, id) => (idOfDraft[draftIndex] = id));
  return { ordered, idOfDraft };
}
