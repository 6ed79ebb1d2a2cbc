/**
 * Bounds and clean-up every record gets before it becomes a paper, whatever format read it: one place, so a
 * hostile file cannot make a page millions of pixels wide, an invisible link, a 100 MB page or thousands of author
 * pages per row. Every cut is a warning naming the record's line (strict mode fails on it); nothing is cut silently.
 */
import type { PaperFields, SourceProblem } from './format.ts';
import { cleanAuthorName } from './author-names.ts';

/** Longest title kept, in characters; longer titles are cut at a word boundary with `…`. */
export const MAX_TITLE_CHARS = 1000;
/** Longest abstract kept, in characters (arXiv allows 1,920; journals rarely pass 5,000). */
export const MAX_ABSTRACT_CHARS = 20000;
/** Most authors kept per paper (the largest physics collaborations sign about 3,000; past this, the list is cut). */
export const MAX_AUTHORS = 1000;
/** Longest author name kept, in characters. */
export const MAX_AUTHOR_NAME_CHARS = 200;
/** Most categories and most tags kept per paper. */
export const MAX_LABELS = 50;
/** Longest category or tag kept, in characters. */
export const MAX_LABEL_CHARS = 100;
/** Longest venue kept, in characters. */
export const MAX_VENUE_CHARS = 500;
/** Longest identifier (source id, DOI, arXiv id) kept; a longer one is dropped, not cut, since a cut id is wrong. */
export const MAX_ID_CHARS = 300;
/** Longest URL kept; a longer one is dropped. */
export const MAX_URL_CHARS = 2000;
/** Combining marks kept after one base character; real scripts need at most 3 or 4 (Vietnamese, Hebrew points). */
export const MAX_MARKS_PER_CHAR = 4;

/**
 * Format characters that show nothing but can hide or reorder text: zero-width space, word joiner, BOM, soft
 * hyphen, bidi marks, embeddings, overrides and isolates. ZWJ and ZWNJ (U+200C, U+200D) stay, since emoji
 * sequences and Persian or Indic words need them.
 */
const INVISIBLE = /[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Control characters no text field may hold (line breaks included: fields are one line once collapsed). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Every control character, line breaks included: identifiers are one line. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** More combining marks in a row than any script puts on one character. */
const MARK_FLOOD = /\p{M}{5,}/gu;
/** Something a reader can see: a letter, digit, symbol or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/**
 * Text with invisible format characters and control characters removed and runs of combining marks cut to
 * `MAX_MARKS_PER_CHAR` per base character (a "Zalgo" flood paints over the lines above and below).
 * @example cleanDisplayText('Deep\u200b Nets\u202e') // => 'Deep Nets'
 * @example cleanDisplayText('a' + '\u0301'.repeat(50)) // => 'á\u0301\u0301\u0301' (4 marks kept)
 */
export function cleanDisplayText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(MARK_FLOOD, (run) => [...run].slice(0, MAX_MARKS_PER_CHAR).join(''));
}

/** How many invisible format characters and control characters (other than line breaks and tabs) the text holds. */
function countHidden(text: string): number {
  return (text.match(INVISIBLE)?.length ?? 0) + (text.match(CONTROL)?.length ?? 0);
}

/**
 * True when the text holds at least one character a reader can see (not only spaces, marks or format characters).
 * @example hasVisibleText('\u200b\u200d \u0301') // => false
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * The text cut to at most `maxChars` characters, at a word boundary when one is near, with `…` added.
 * @example cutAtWord('one two three', 9) // => 'one two…'
 */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // Never cut a surrogate pair in half.
  let end = maxChars - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end -= 1;
  const head = text.slice(0, end);
  const space = head.lastIndexOf(' ');
  return `${(space > end * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Whether a calendar date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) exists: month 1–12, day within the month. */
function isRealDate(date: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  // Not ISO-shaped at all: the schema rejects it with its own message.
  if (match === null) return true;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= daysInMonth;
}

/** `"text…"` for a message: quoted as JSON (so controls are escaped) and cut to 60 characters. */
function excerpt(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * The record's fields bounded and cleaned for display, plus a warning (on `line`) for every change a reader
 * would notice: a cut title, abstract or author list, an impossible date, an over-long id or URL. Title,
 * authors, venue and labels lose invisible and control characters and mark floods; the abstract loses control
 * characters. A title with nothing visible left is returned as `''` (the caller rejects the record).
 * @example boundRecordFields({ title: 'T', abstract: 'A', date: '2024-02-31' }, 7).problems
 * // => [{ line: 7, severity: 'warning', message: 'date "2024-02-31" is not a real date (no such day): left out' }]
 */
export function boundRecordFields(fields: PaperFields, line: number): { fields: PaperFields; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const warn = (message: string): void => {
    problems.push({ line, severity: 'warning', message });
  };
  const bounded: PaperFields = { ...fields };
  const title = cleanDisplayText(fields.title);
  bounded.title = hasVisibleText(title) ? title : '';
  const hidden = countHidden(fields.title);
  if (hidden > 0 && bounded.title !== '') warn(`title: ${hidden} invisible or control character${hidden === 1 ? '' : 's'} removed`);
  if (bounded.title.length > MAX_TITLE_CHARS) {
    warn(`title of ${bounded.title.length} characters cut to ${MAX_TITLE_CHARS}`);
    bounded.title = cutAtWord(bounded.title, MAX_TITLE_CHARS);
  }
  MARK_FLOOD.lastIndex = 0;
  if (MARK_FLOOD.test(fields.title)) warn(`title has runs of more than ${MAX_MARKS_PER_CHAR} combining marks on one character: cut`);
  const abstract = fields.abstract.replace(CONTROL, '');
  if (abstract.length > MAX_ABSTRACT_CHARS) {
    warn(`abstract of ${abstract.length} characters cut to ${MAX_ABSTRACT_CHARS}`);
    bounded.abstract = cutAtWord(abstract, MAX_ABSTRACT_CHARS);
  } else {
    bounded.abstract = abstract;
  }
  if (fields.authors !== undefined) {
    // Footnote marks and "and others" go. Names are not merged within one record: two "Wei Wang" on one paper, or
    // "A. Smith" and "Alice Smith", are two people.
    let authors = fields.authors.map((raw) => cleanAuthorName(cleanDisplayText(raw))).filter(hasVisibleText);
    if (authors.length > MAX_AUTHORS) {
      warn(`${authors.length} authors: only the first ${MAX_AUTHORS} are kept`);
      authors = authors.slice(0, MAX_AUTHORS);
    }
    const longName = authors.find((name) => name.length > MAX_AUTHOR_NAME_CHARS);
    if (longName !== undefined) {
      warn(`author name of ${longName.length} characters cut to ${MAX_AUTHOR_NAME_CHARS}: ${excerpt(longName)}`);
      authors = authors.map((name) => cutAtWord(name, MAX_AUTHOR_NAME_CHARS));
    }
    bounded.authors = authors;
  }
  for (const key of ['categories', 'tags'] as const) {
    const labels = fields[key];
    if (labels === undefined) continue;
    let kept = labels.map(cleanDisplayText).filter(hasVisibleText);
    if (kept.length > MAX_LABELS) {
      warn(`${kept.length} ${key}: only the first ${MAX_LABELS} are kept`);
      kept = kept.slice(0, MAX_LABELS);
    }
    if (kept.some((label) => label.length > MAX_LABEL_CHARS)) {
      warn(`${key} longer than ${MAX_LABEL_CHARS} characters cut`);
      kept = kept.map((label) => cutAtWord(label, MAX_LABEL_CHARS));
    }
    bounded[key] = [...new Set(kept)];
  }
  if (fields.venue !== undefined) {
    const venue = cleanDisplayText(fields.venue);
    if (venue.length > MAX_VENUE_CHARS) warn(`venue of ${venue.length} characters cut to ${MAX_VENUE_CHARS}`);
    if (hasVisibleText(venue)) bounded.venue = cutAtWord(venue, MAX_VENUE_CHARS);
    else delete bounded.venue;
  }
  for (const key of ['sourceId', 'doi', 'arxivId'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    const clean = value.replace(INVISIBLE, '').replace(ANY_CONTROL, '');
    if (clean !== value) warn(`${key}: invisible or control characters removed`);
    if (clean.length > MAX_ID_CHARS || !hasVisibleText(clean)) {
      warn(`${key} ${clean.length > MAX_ID_CHARS ? `of ${clean.length} characters is over the ${MAX_ID_CHARS}-character limit` : 'holds nothing visible'}: left out`);
      delete bounded[key];
    } else {
      bounded[key] = clean;
    }
  }
  if (fields.url !== undefined && fields.url.length > MAX_URL_CHARS) {
    warn(`url of ${fields.url.length} characters is over the ${MAX_URL_CHARS}-character limit: left out`);
    delete bounded.url;
  }
  if (fields.date !== undefined && !isRealDate(fields.date)) {
    warn(`date ${excerpt(fields.date)} is not a real date (no such ${/^\d{4}-(0[1-9]|1[0-2])-/.test(fields.date) ? 'day' : 'month'}): left out`);
    delete bounded.date;
  }
  return { fields: bounded, problems };
}
