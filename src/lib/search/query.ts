import { processTerm, wordSpans } from './options.ts';

/** One word of a query, processed like indexed text. */
export interface QueryWord {
  /** The processed word; null when the whole word is a stop word but its parts are not. */
  whole: string | null;
  /** Processed parts of a compound word (`tau-bench` → `tau`, `bench`), without duplicates of `whole`. */
  parts: string[];
  /** True for the word being typed (the last one, with no space after it): matched as a prefix. */
  isPrefix: boolean;
}

/**
 * Split a query into processed words. Stop words and one-letter words are dropped; the last word is a prefix
 * unless the query ends with a space or punctuation.
 * @example parseQuery('the Qwen2.5-Ma') // => [{ whole: 'qwen2.5-ma', parts: ['qwen2.5', 'ma', 'qwen2'], isPrefix: true }]
 * @example parseQuery('tulu ') // => [{ whole: 'tulu', parts: [], isPrefix: false }]
 */
export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  const spans = wordSpans(query);
  spans.forEach((span, i) => {
    const whole = processTerm(span.text);
    const parts: string[] = [];
    for (const part of span.parts) {
      const processed = processTerm(part.text);
      if (processed !== null && processed !== whole && !parts.includes(processed)) parts.push(processed);
    }
    if (whole === null && parts.length === 0) return;
    words.push({ whole, parts, isPrefix: i === spans.length - 1 && span.end === query.length });
  });
  return words;
}

/**
 * The terms to look up for one query word, each flagged as prefix or not: the whole word and every part, with
 * prefix matching only for the pieces that end the word being typed.
 * @example queryVariants({ whole: 'tau-be', parts: ['tau', 'be'], isPrefix: true }) // => [{ term: 'tau-be', isPrefix: true }, { term: 'tau', isPrefix: false }, { term: 'be', isPrefix: true }]
 */
export function queryVariants(word: QueryWord): { term: string; isPrefix: boolean }[] {
  const terms = word.whole === null ? word.parts : [word.whole, ...word.parts];
  const ending = word.whole ?? word.parts[word.parts.length - 1] ?? '';
  return terms.map((term) => ({ term, isPrefix: word.isPrefix && ending.endsWith(term) }));
}
