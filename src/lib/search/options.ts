import type { Options, SearchOptions } from 'minisearch';
import { eng as englishStopWords } from 'stopword';
import { foldText } from '../text/fold.ts';

/**
 * The one place that says how text becomes search terms and how terms are scored.
 * The build (`build-index.ts`) and the browser (`engine.ts`, loaded by `src/scripts/search/`) import this
 * module, because MiniSearch's `loadJSON` must be given the options the index was built with.
 *
 * The index has two stages (see `build-index.ts`): the head index answers at once from the short fields;
 * the body index holds abstract terms in shards fetched for the query's words.
 */

/** A paper as the search index sees it; `id` is the paper's position in the published doc store. */
export interface SearchDoc {
  id: number;
  title: string;
  /** Topic label and keywords, space-joined. */
  topic: string;
  /** Author names, space-joined (empty when the source has none). */
  authors: string;
  abstract: string;
}

/** Fields of the head index, answered before anything else loads. */
export const HEAD_FIELDS = ['title', 'topic', 'authors'] as const;
/** Fields of the body index, term-sharded. */
export const BODY_FIELDS = ['abstract'] as const;

/**
 * Field boosts. The title carries the paper's name; the topic field is shared by every paper of the topic so it
 * only breaks ties; an abstract hit counts for less than a title hit but still finds papers the head misses.
 */
export const FIELD_BOOSTS = { title: 3, topic: 0.6, authors: 1.5, abstract: 1 } as const;

/**
 * Words joined by `-`, `.`, `_` or a Unicode hyphen stay one token (`tau-bench`, `qwen2.5-math`), and the tokenizer
 * also emits their parts, so the whole name and each piece are searchable.
 */
const WORD_PATTERN = /[\p{L}\p{N}]+(?:[-._\u2010\u2011][\p{L}\p{N}]+)*/gu;
const HYPHEN_PATTERN = /[-_\u2010\u2011]/u;
const STOP_WORDS: ReadonlySet<string> = new Set(englishStopWords);

/** One word of a text with its character range; `parts` are the pieces of a compound (empty for a simple word). */
export interface WordSpan {
  text: string;
  start: number;
  end: number;
  parts: WordSpan[];
}

function splitParts(word: string, start: number, separator: RegExp): WordSpan[] {
  const parts: WordSpan[] = [];
  let offset = 0;
  for (const piece of word.split(separator)) {
    if (piece.length > 0 && piece.length < word.length) {
      parts.push({ text: piece, start: start + offset, end: start + offset + piece.length, parts: [] });
    }
    offset += piece.length + 1;
  }
  return parts;
}

/**
 * The words of a text with their offsets. A compound lists its hyphen-separated pieces, then the dot-separated
 * pieces of each (so `Qwen2.5-Math` gives `Qwen2.5`, `Math`, `Qwen2`, `5`).
 * @example wordSpans('CTF-Dojo!').map((w) => [w.text, w.parts.map((p) => p.text)]) // => [['CTF-Dojo', ['CTF', 'Dojo']]]
 */
export function wordSpans(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const word = match[0];
    const start = match.index;
    const hyphenParts = splitParts(word, start, HYPHEN_PATTERN);
    const pieces = hyphenParts.length > 0 ? hyphenParts : [{ text: word, start, end: start + word.length, parts: [] }];
    const dotParts = pieces.flatMap((piece) => splitParts(piece.text, piece.start, /\./u));
    words.push({ text: word, start, end: start + word.length, parts: [...hyphenParts, ...dotParts] });
  }
  return words;
}

/**
 * MiniSearch tokenizer: every word, then the parts of compound words (case kept, so `processTerm` can spot acronyms).
 * @example tokenize('tau-Bench for Qwen2.5-Math') // => ['tau-Bench', 'tau', 'Bench', 'for', 'Qwen2.5-Math', 'Qwen2.5', 'Math', 'Qwen2', '5']
 */
export function tokenize(text: string): string[] {
  return wordSpans(text).flatMap((word) => [word.text, ...word.parts.map((part) => part.text)]);
}

/**
 * MiniSearch term processor: fold case and diacritics; drop English stop words (unless written as an
 * upper-case acronym such as `IT` or `US`) and one-character terms. Returns null for a dropped term.
 * @example processTerm('TÜLU') // => 'tulu'
 * @example processTerm('the') // => null
 * @example processTerm('IT') // => 'it'
 */
export function processTerm(term: string): string | null {
  const folded = foldText(term);
  if (folded.length < 2) return null;
  const isAcronym = term.length >= 2 && term === term.toUpperCase() && term !== term.toLowerCase();
  if (!isAcronym && STOP_WORDS.has(folded)) return null;
  return folded;
}

/**
 * Maximum edit distance for a query term, scaled to its length: exact up to 3 characters, one typo up to 7, two beyond.
 * @example fuzzyDistance('rlhf') // => 1
 * @example fuzzyDistance('transformer') // => 2
 */
export function fuzzyDistance(term: string): number {
  if (term.length <= 3) return 0;
  return term.length <= 7 ? 1 : 2;
}

/** MiniSearch options of the head index (title, topic, authors); ids are doc-store positions, nothing stored. */
export const headIndexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: [...HEAD_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
};

/** MiniSearch options of the body index (abstract terms). */
export const bodyIndexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: [...BODY_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
};

/**
 * Search options for one already-processed query term against a loaded shard. The engine splits and
 * processes the query itself, so MiniSearch must not split it again.
 * @example termSearchOptions(true, false).prefix // => true
 */
export function termSearchOptions(isPrefix: boolean, isFuzzy: boolean): SearchOptions {
  return {
    prefix: isPrefix,
    fuzzy: isFuzzy ? (term) => fuzzyDistance(term) : false,
    maxFuzzy: 2,
    combineWith: 'OR',
    boost: { ...FIELD_BOOSTS },
    tokenize: (text) => [text],
    processTerm: (term) => term,
  };
}
