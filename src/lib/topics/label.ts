/**
 * Topic keywords by class-based TF-IDF (c-TF-IDF, Grootendorst 2022, "BERTopic"): all papers of a topic are one
 * document, weight(t, c) = tf(t, c) / words(c) · ln(1 + mean words per class / frequency of t over all classes).
 * Labels are the best 2–3 keywords (phrases preferred), joined with " · ", distinct across topics.
 */
import type { TfidfModel } from './tfidf.ts';
import { isBoilerplateTerm, isGenericTerm } from './generic-terms.ts';
import { foldText } from '../text/fold.ts';

export interface FeatureText {
  /** Display text of every feature id. */
  featureDisplay: readonly string[];
  /** Unigram ids making up every feature id. */
  featureParts: readonly Int32Array[];
}

export interface TopicTerms {
  /** Matrix term ids, best first (at most `keywordCount`, no term contained in a better phrase). */
  termIds: number[];
  /** Display text of those terms. */
  keywords: string[];
}

const numericOnly = /^[\d\s.,\-]+$/;

export interface TopicKeywordOptions {
  /** Keywords per class. Default 10. */
  keywordCount?: number;
  /** Canonical matrix term of every term (see canonicalTerms): aliases count as, and show as, their canonical term. */
  canonical?: Int32Array;
  /**
   * How strongly a term is held back in classes where it is weaker than in its best class: the weight is multiplied
   * by (weight / best weight over classes) ^ distinctness. Default 0, plain c-TF-IDF: the keywords that describe a
   * topic best, shared or not (measured mean NPMI +0.06 on arXiv-cs 10k, against −0.01 at 0.5 and −0.06 at 1).
   * Labels use 0.5, so a term shared by many topics ("large language models") names the topic it is most typical
   * of, not all of them.
   */
  distinctness?: number;
  /**
   * How strongly a term is held back by the share of its papers that lie outside the class: the weight is multiplied
   * by (papers of the class with the term / papers with the term) ^ exclusivity. Default 0. Unlike distinctness, it
   * also holds back a term in its best class when most of its papers are elsewhere ("neural networks" in a corpus
   * of machine-learning papers).
   */
  exclusivity?: number;
}

/**
 * c-TF-IDF keywords for every class of a partition.
 * @param model the TF-IDF model (its raw counts are used)
 * @param text display text and parts of features
 * @param classOfDoc class of each document (0 .. classCount-1), or -1 to leave a document out
 * @param classCount number of classes
 * @example topicKeywords(model, text, Int32Array.of(0, 0, 1), 2)[0].keywords // => ['reinforcement learning', 'policy', …]
 */
export function topicKeywords(
  model: TfidfModel,
  text: FeatureText,
  classOfDoc: Int32Array,
  classCount: number,
  options: TopicKeywordOptions = {},
): TopicTerms[] {
  const keywordCount = options.keywordCount ?? 10;
  const distinctness = options.distinctness ?? 0;
  const exclusivity = options.exclusivity ?? 0;
  const canonical = options.canonical;
  const { rowStart, colIndex, columnCount } = model.matrix;
  const classTermCounts = Array.from({ length: classCount }, () => new Map<number, number>());
  const classWords = new Float64Array(classCount);
  const termTotals = new Float64Array(columnCount);
  const classTermDocs = Array.from({ length: classCount }, () => new Map<number, number>());
  const termDocs = new Int32Array(columnCount);
  const lastDocOfTerm = new Int32Array(columnCount).fill(-1);
  for (let doc = 0; doc < classOfDoc.length; doc++) {
    const cls = classOfDoc[doc]!;
    if (cls < 0) continue;
    const counts = classTermCounts[cls]!;
    const docs = classTermDocs[cls]!;
    for (let entry = rowStart[doc]!; entry < rowStart[doc + 1]!; entry++) {
      const term = canonical ? canonical[colIndex[entry]!]! : colIndex[entry]!;
      const count = model.counts[entry]!;
      counts.set(term, (counts.get(term) ?? 0) + count);
      if (lastDocOfTerm[term] !== doc) {
        lastDocOfTerm[term] = doc;
        termDocs[term]!++;
        docs.set(term, (docs.get(term) ?? 0) + 1);
      }
      classWords[cls]! += count;
      termTotals[term]! += count;
    }
  }
  let wordTotal = 0;
  for (let cls = 0; cls < classCount; cls++) wordTotal += classWords[cls]!;
  const meanWords = wordTotal / Math.max(1, classCount);
  const bestWeight = new Float64Array(columnCount);
  const weighted = classTermCounts.map((counts, cls) => {
    const scored: Array<[number, number]> = [];
    for (const [term, count] of counts) {
      if (count < 2 && counts.size > 40) continue;
      const weight = (count / Math.max(1, classWords[cls]!)) * Math.log(1 + meanWords / termTotals[term]!);
      scored.push([term, weight]);
      if (weight > bestWeight[term]!) bestWeight[term] = weight;
    }
    return scored;
  });
  return weighted.map((scored, cls) => {
    const docs = classTermDocs[cls]!;
    const adjusted = scored.map(([term, weight]): [number, number] => [
      term,
      weight * (weight / bestWeight[term]!) ** distinctness * (docs.get(term)! / termDocs[term]!) ** exclusivity,
    ]);
    adjusted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return pickKeywords(adjusted.slice(0, 60).map(([term]) => term), model, text, keywordCount);
  });
}

/** Walk candidates best first; a phrase replaces an already chosen unigram it contains, a contained unigram is skipped. */
function pickKeywords(candidates: number[], model: TfidfModel, text: FeatureText, keywordCount: number): TopicTerms {
  const chosen: number[] = [];
  for (const term of candidates) {
    if (chosen.length >= keywordCount) break;
    const display = text.featureDisplay[model.termFeature[term]!]!;
    if (numericOnly.test(display) || isGenericTerm(display) || isBoilerplateTerm(display)) continue;
    const parts = text.featureParts[model.termFeature[term]!]!;
    if (chosen.some((other) => containsParts(partsOf(other, model, text), parts))) continue;
    const replaced = chosen.findIndex((other) => containsParts(parts, partsOf(other, model, text)));
    if (replaced >= 0) {
      chosen[replaced] = term;
      for (let index = chosen.length - 1; index > replaced; index--) {
        if (containsParts(parts, partsOf(chosen[index]!, model, text))) chosen.splice(index, 1);
      }
      continue;
    }
    chosen.push(term);
  }
  return { termIds: chosen, keywords: chosen.map((term) => text.featureDisplay[model.termFeature[term]!]!) };
}

function partsOf(term: number, model: TfidfModel, text: FeatureText): Int32Array {
  return text.featureParts[model.termFeature[term]!]!;
}

/** True when `inner` appears as a contiguous run inside `outer` (and is shorter or equal). */
function containsParts(outer: Int32Array, inner: Int32Array): boolean {
  if (inner.length > outer.length) return false;
  for (let start = 0; start + inner.length <= outer.length; start++) {
    let matches = true;
    for (let offset = 0; offset < inner.length; offset++) {
      if (outer[start + offset] !== inner[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return true;
  }
  return false;
}

/** Phrases among this many best keywords lead the label, before better single words. */
const PHRASE_FIRST = 4;

/** A phrase or a hyphenated compound ("test-time", "post-training"): more telling than one plain word. */
function isCompound(keyword: string): boolean {
  return keyword.includes(' ') || keyword.includes('-');
}

/** Label heads considered per topic when the best one is already a sibling's head. */
const HEAD_CHOICES = 4;

/**
 * Short labels from keyword lists: 2–3 keywords, phrases first, single-word adjectives ("convolutional") last, no two sharing a word (or a five-letter word start,
 * so "generative models · generation" does not happen), distinct across topics (a label already taken moves on to
 * the next keywords), with a first term no sibling's first term contains or is contained in, when one of the
 * topic's first keywords allows it, and with keywords a sibling's label already shows tried last. Topics are labelled in the order given, so pass the largest first.
 * A subtopic's label says what sets it apart from its theme: keywords sharing a word (or a five-letter word start)
 * with the theme's label are tried only after all others, so the theme "sparse signal · compressed sensing" does not
 * get the subtopic "compressed sensing · sparse signal".
 * @param keywordLists keywords of each topic, best first
 * @param taken labels already used (updated)
 * @param siblingGroup group of each topic (topics of one group are siblings); default: all topics are siblings
 * @param parentLabels label of each topic's theme (undefined for a theme)
 * @example labelTopics([['reinforcement learning', 'policy', 'reward'], ['graph', 'graph neural networks']]) // => ['reinforcement learning · policy · reward', 'graph neural networks · graph']
 * @example labelTopics([['compressed sensing', 'sparse signal', 'recovery', 'sparsity']], new Set(), [0], ['sparse signal · compressed sensing']) // => ['recovery · compressed sensing']
 */
export function labelTopics(
  keywordLists: readonly (readonly string[])[],
  taken: Set<string> = new Set(),
  siblingGroup?: readonly number[],
  parentLabels?: readonly (string | undefined)[],
): string[] {
  const headsOfGroup = new Map<number, string[][]>();
  const itemsOfGroup = new Map<number, Set<string>>();
  return keywordLists.map((keywords, index) => {
    const group = siblingGroup?.[index] ?? 0;
    const usedHeads = headsOfGroup.get(group) ?? [];
    headsOfGroup.set(group, usedHeads);
    const ordered = [
      ...keywords.slice(0, PHRASE_FIRST).filter(isCompound),
      ...keywords.filter((word, position) => (position >= PHRASE_FIRST || !isCompound(word)) && !isAdjective(word)),
      ...keywords.filter((word) => !isCompound(word) && isAdjective(word)),
    ];
    const usedItems = itemsOfGroup.get(group) ?? new Set<string>();
    itemsOfGroup.set(group, usedItems);
    const parentLabel = parentLabels?.[index];
    const parentWords = new Set(parentLabel === undefined ? [] : parentLabel.split(' · ').flatMap(wordsOf));
    const echoesParent = (keyword: string): boolean => wordsOf(keyword).some((word) => isEcho(word, parentWords));
    const apart = [...ordered.filter((keyword) => !echoesParent(keyword)), ...ordered.filter(echoesParent)];
    const distinct = [...new Set(apart.length > 0 ? apart : ['misc'])];
    const unique = [...distinct.filter((keyword) => !usedItems.has(keyword)), ...distinct.filter((keyword) => usedItems.has(keyword))];
    const headIndex = unique.slice(0, HEAD_CHOICES).findIndex((head) => !usedHeads.some((used) => wordsNest(wordsOf(head), used)));
    const candidates = headIndex > 0 ? [unique[headIndex]!, ...unique.filter((_, position) => position !== headIndex)] : unique;
    usedHeads.push(wordsOf(candidates[0]!));
    for (let skip = 0; skip < candidates.length; skip++) {
      const label = composeLabel(candidates, skip);
      if (label && !taken.has(label)) {
        taken.add(label);
        for (const item of label.split(' · ')) usedItems.add(item);
        return label;
      }
    }
    let suffix = 2;
    const base = composeLabel(candidates, 0) || 'topic';
    while (taken.has(`${base} (${suffix})`)) suffix++;
    taken.add(`${base} (${suffix})`);
    return `${base} (${suffix})`;
  });
}

/** Single-word endings of adjectives ("convolutional", "latent" is missed, "robust" too: a cheap demotion, not a tagger). */
const adjectiveEnding = /(?:al|ive|ous|ic|ical|able|ible|ful|less|ary)$/;
/** Nouns with those endings that make good label terms on their own. */
const nounsLikeAdjectives = new Set([
  'signal', 'journal', 'protocol', 'interval', 'tutorial', 'proposal', 'retrieval', 'approval', 'manual', 'terminal', 'portal',
  'arrival', 'trial', 'capital', 'material', 'potential', 'objective', 'derivative', 'alternative', 'primitive', 'narrative',
  'incentive', 'logic', 'music', 'traffic', 'topic', 'metric', 'heuristic', 'arithmetic', 'epidemic', 'graphic', 'rhetoric',
  'library', 'dictionary', 'boundary', 'summary', 'vocabulary', 'adversary', 'mechanic', 'clinic', 'cable', 'table', 'variable',
  'animal', 'hospital', 'rival', 'mural', 'festival', 'survival', 'removal', 'disposal', 'referral', 'rehearsal', 'reversal',
]);

function isAdjective(keyword: string): boolean {
  const lower = keyword.toLowerCase();
  return !lower.includes(' ') && lower === keyword && adjectiveEnding.test(lower) && !nounsLikeAdjectives.has(lower);
}

function wordsOf(keyword: string): string[] {
  return keyword.toLowerCase().split(/[\s-]+/);
}

/** True when every word of one list is in the other ("language models" and "large language models"). */
function wordsNest(first: readonly string[], second: readonly string[]): boolean {
  return first.every((word) => second.includes(word)) || second.every((word) => first.includes(word));
}

/** Words this long or longer that start alike count as the same word in a label ("generative", "generation"). */
const SHARED_START = 5;

function isEcho(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  if (word.length < SHARED_START) return false;
  for (const other of words) if (other.length >= SHARED_START && other.slice(0, SHARED_START) === word.slice(0, SHARED_START)) return true;
  return false;
}

/** Join the first keyword with following ones that share no word with it, skipping `skip` of the followers. */
function composeLabel(candidates: readonly string[], skip: number): string {
  const head = candidates[0]!;
  const items = [head];
  const words = new Set(wordsOf(head));
  let skipped = 0;
  for (const candidate of candidates.slice(1)) {
    const candidateWords = wordsOf(candidate);
    if (candidateWords.some((word) => isEcho(word, words))) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    items.push(candidate);
    for (const word of candidateWords) words.add(word);
    const length = items.join(' · ').length;
    if (items.length === 3 || (items.length === 2 && length > 28)) break;
  }
  if (skipped < skip) return '';
  return items.join(' · ');
}

/**
 * URL slugs from labels: ASCII lower-case words joined by hyphens, at most 60 characters, made unique with -2, -3….
 * @example slugifyLabels(['graph neural networks · GNN', 'graph neural networks · GNN']) // => ['graph-neural-networks-gnn', 'graph-neural-networks-gnn-2']
 */
export function slugifyLabels(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base =
      foldText(label)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/g, '') || 'topic';
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix++) slug = `${base}-${suffix}`;
    used.add(slug);
    return slug;
  });
}
