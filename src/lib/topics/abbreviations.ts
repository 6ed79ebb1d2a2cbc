/**
 * Abbreviations a corpus defines in the pattern "long form (SHORT)", found by the algorithm of Schwartz & Hearst
 * (2003, "A simple algorithm for identifying abbreviation definitions in biomedical text"): the short form's
 * characters must appear in order in the long form, the first one at the start of a word, and the long form has at
 * most min(|S| + 5, 2|S|) words. Nothing is hard-coded: "large language models (LLMs)" in the abstracts is what
 * makes "LLMs" and "large language models" one keyword.
 */
import type { FeatureCorpus } from './phrases.ts';
import type { TfidfModel } from './tfidf.ts';
import { normalizeText, termKey, tokenize } from './tokenize.ts';

export interface AbbreviationDefinition {
  /** The short form as written, e.g. `LLMs`. */
  short: string;
  /** The long form as written most often, e.g. `large language models`. */
  long: string;
  /** How many times the corpus defines it. */
  count: number;
}

const definitionPattern = /([\p{L}\p{N}][\p{L}\p{N}'’\-\s]{2,160}?)\s*\(\s*([\p{L}\p{N}][\p{L}\p{N}\-]{0,9})\s*\)/gu;
/** The "(SHORT)" part of definitionPattern alone. */
const shortFormPattern = /\(\s*[\p{L}\p{N}][\p{L}\p{N}\-]{0,9}\s*\)/gu;
/** A character the long form and the space before "(" may hold (definitionPattern's first group). */
const longFormCharacter = /[\p{L}\p{N}'’\-\s]/u;
const wordPattern = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const alphanumeric = /[\p{L}\p{N}]/u;

/**
 * The long form a short form abbreviates, taken from the words before it, or null when the letters do not match.
 * @example matchLongForm('LLMs', 'we study large language models') // => 'large language models'
 * @example matchLongForm('RL', 'tasks in reinforcement learning') // => 'reinforcement learning'
 * @example matchLongForm('GPU', 'a new method') // => null
 */
export function matchLongForm(short: string, before: string): string | null {
  const letters = short.replace(/s$/, '');
  if (letters.length < 2 || !/\p{Lu}/u.test(letters) || !/^[\p{L}]/u.test(letters)) return null;
  const words = [...before.matchAll(wordPattern)].map((match) => match[0]);
  const limit = Math.min(letters.length + 5, letters.length * 2);
  const candidate = words.slice(-limit).join(' ');
  const lower = candidate.toLowerCase();
  const shortLower = letters.toLowerCase();
  let shortIndex = shortLower.length - 1;
  let longIndex = lower.length - 1;
  while (shortIndex >= 0) {
    const character = shortLower[shortIndex]!;
    if (!alphanumeric.test(character)) {
      shortIndex--;
      continue;
    }
    while (
      (longIndex >= 0 && lower[longIndex] !== character) ||
      (shortIndex === 0 && longIndex > 0 && alphanumeric.test(lower[longIndex - 1]!))
    ) {
      longIndex--;
    }
    if (longIndex < 0) return null;
    longIndex--;
    shortIndex--;
  }
  const start = lower.lastIndexOf(' ', longIndex) + 1;
  const long = candidate.slice(start);
  const longWords = long.split(' ');
  // A long form must be more than the short form spelled out again, and start at a word with the first letter.
  if (longWords.length < 2 || long.toLowerCase() === letters.toLowerCase()) return null;
  if (longWords[0]!.toLowerCase()[0] !== shortLower[0]) return null;
  return long;
}

/**
 * The matches of definitionPattern in `text`, found by trying it only on the run of long-form characters right before
 * each "(SHORT)": a match cannot reach across any other character (both its parts before "(" are made of them), so
 * these are exactly the matches of a scan of the whole text, which tries the lazy long-form group from every letter
 * of every abstract (1 s of a 10k build). A surrogate half counts as a long-form character here (an astral letter);
 * it never hides a "(", so a run holds one definition at most, as in the whole-text scan.
 */
function* definitionMatches(text: string): Generator<RegExpExecArray> {
  for (const shortForm of text.matchAll(shortFormPattern)) {
    const open = shortForm.index;
    let runStart = open;
    while (runStart > 0) {
      const code = text.charCodeAt(runStart - 1);
      if (!((code >= 0xd800 && code <= 0xdfff) || longFormCharacter.test(text[runStart - 1]!))) break;
      runStart--;
    }
    definitionPattern.lastIndex = 0;
    const match = definitionPattern.exec(text.slice(runStart, open + shortForm[0].length));
    if (match) yield match;
  }
}

/**
 * Every "long form (SHORT)" definition in the texts, merged by short form (case kept, plural "s" kept as written),
 * most frequent long form wins; sorted by short form.
 * @example findAbbreviations(['Large language models (LLMs) reason.', 'We tune large language models (LLMs).']) // => [{ short: 'LLMs', long: 'large language models', count: 2 }]
 */
export function findAbbreviations(texts: readonly string[]): AbbreviationDefinition[] {
  const longCounts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    if (!text.includes('(')) continue;
    for (const match of definitionMatches(normalizeText(text))) {
      const short = match[2]!;
      const long = matchLongForm(short, match[1]!);
      if (long === null) continue;
      const counts = longCounts.get(short) ?? new Map<string, number>();
      const key = long.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      longCounts.set(short, counts);
    }
  }
  const definitions: AbbreviationDefinition[] = [];
  for (const [short, counts] of longCounts) {
    let best = '';
    let bestCount = 0;
    let total = 0;
    for (const [long, count] of counts) {
      total += count;
      if (count > bestCount || (count === bestCount && long < best)) {
        best = long;
        bestCount = count;
      }
    }
    definitions.push({ short, long: best, count: total });
  }
  return definitions.sort((a, b) => (a.short < b.short ? -1 : a.short > b.short ? 1 : 0));
}

/** A long form longer than this is shown as its short form ("MLLMs" rather than a four-word phrase). */
const LONGEST_SHOWN_LONG_FORM = 24;

/**
 * Matrix terms that are one concept: for every defined abbreviation whose short form and long form are both terms
 * of the TF-IDF matrix, both map to one canonical term, the long form unless it is longer than 24 characters. Phrases
 * built on the short form merge with the same phrase built on the long form ("LDPC codes" and "low-density
 * parity-check codes"), even when the long form alone is no matrix term, and show the same form as the abbreviation
 * does, so a label never holds both.
 * @returns canonical term of every matrix term (itself when it has no alias)
 * @example canonicalTerms(findAbbreviations(texts), features, tfidf)[termOf('LLMs')] === termOf('large language models') // => true
 */
export function canonicalTerms(definitions: readonly AbbreviationDefinition[], features: FeatureCorpus, model: TfidfModel): Int32Array {
  const termCount = model.termFeature.length;
  const canonical = Int32Array.from({ length: termCount }, (_, term) => term);
  const termOfFeature = new Map<number, number>();
  model.termFeature.forEach((feature, term) => termOfFeature.set(feature, term));
  const unigramOfKey = new Map<string, number>();
  for (let unigram = 0; unigram < features.unigramCount; unigram++) {
    const key = termKey(features.featureDisplay[unigram]!.toLowerCase());
    if (!unigramOfKey.has(key)) unigramOfKey.set(key, unigram);
  }
  const featureOfParts = new Map<string, number>();
  const phrasesWithUnigram = new Map<number, number[]>();
  features.featureParts.forEach((parts, feature) => {
    if (parts.length < 2) return;
    featureOfParts.set(parts.join(' '), feature);
    for (const part of new Set(parts)) {
      const list = phrasesWithUnigram.get(part) ?? [];
      list.push(feature);
      phrasesWithUnigram.set(part, list);
    }
  });
  const termOfParts = (parts: readonly number[]): number | undefined => {
    const feature = parts.length === 1 ? parts[0]! : featureOfParts.get(parts.join(' '));
    return feature === undefined ? undefined : termOfFeature.get(feature);
  };
  const merge = (shortTerm: number | undefined, longTerm: number | undefined, isLongShown: boolean): void => {
    if (shortTerm === undefined || longTerm === undefined || shortTerm === longTerm) return;
    if (canonical[shortTerm] !== shortTerm || canonical[longTerm] !== longTerm) return;
    if (isLongShown) canonical[shortTerm] = longTerm;
    else canonical[longTerm] = shortTerm;
  };
  for (const definition of definitions) {
    const shortUnigram = unigramOfKey.get(termKey(definition.short.toLowerCase()));
    const longWords = tokenize(definition.long);
    if (shortUnigram === undefined || longWords.length !== definition.long.split(' ').length) continue;
    const longParts = longWords.map((word) => unigramOfKey.get(termKey(word)));
    if (longParts.some((part) => part === undefined)) continue;
    const longUnigrams = longParts as number[];
    const isLongShown = definition.long.length <= LONGEST_SHOWN_LONG_FORM;
    if (longUnigrams.length > 1) merge(termOfParts([shortUnigram]), termOfParts(longUnigrams), isLongShown);
    for (const phrase of phrasesWithUnigram.get(shortUnigram) ?? []) {
      const parts = [...features.featureParts[phrase]!];
      const expanded = parts.flatMap((part) => (part === shortUnigram ? longUnigrams : [part]));
      merge(termOfParts(parts), termOfParts(expanded), isLongShown);
    }
  }
  return canonical;
}
