import { processTerm, wordSpans } from './options.ts';

/** A half-open character range `[start, end)` to highlight. */
export type HighlightRange = [start: number, end: number];

/**
 * Ranges of the words (or parts of compound words) of `text` whose processed form is one of `terms`.
 * @example highlightRanges('TÜLU 3: Post-Training', new Set(['tulu', 'training'])) // => [[0, 4], [13, 21]]
 */
export function highlightRanges(text: string, terms: ReadonlySet<string>): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const word of wordSpans(text)) {
    const whole = processTerm(word.text);
    if (whole !== null && terms.has(whole)) {
      ranges.push([word.start, word.end]);
      continue;
    }
    for (const part of word.parts) {
      const processed = processTerm(part.text);
      const last = ranges[ranges.length - 1];
      if (processed === null || !terms.has(processed)) continue;
      if (last && part.start < last[1]) continue;
      ranges.push([part.start, part.end]);
    }
  }
  return ranges;
}

/** A snippet of text with the ranges to highlight inside it. */
export interface Snippet {
  text: string;
  ranges: HighlightRange[];
}

/**
 * A window of at most `maxChars` characters of `text`, starting a little before the first highlighted word,
 * cut at word boundaries with ellipses, and the highlight ranges within it.
 * @example makeSnippet('We study tulu models.', new Set(['tulu']), 80) // => { text: 'We study tulu models.', ranges: [[9, 13]] }
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, maxChars: number): Snippet {
  const all = highlightRanges(text, terms);
  if (text.length <= maxChars) return { text, ranges: all };
  const lead = Math.min(60, Math.floor(maxChars / 3));
  let start = all.length > 0 ? Math.max(0, all[0]![0] - lead) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < (all[0]?.[0] ?? text.length) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const ranges = all
    .filter(([rangeStart, rangeEnd]) => rangeStart >= start && rangeEnd <= end)
    .map(([rangeStart, rangeEnd]): HighlightRange => [rangeStart + shift, rangeEnd + shift]);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, ranges };
}
