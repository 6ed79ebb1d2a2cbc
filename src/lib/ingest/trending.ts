import { cleanAbstract, cleanTitle } from './clean-text.ts';
import type { ParsedRecord, ParseResult, SourceFormat } from './format.ts';

/**
 * The "trending papers" text format: a page of a trending-papers site copied as text. After some page
 * boilerplate ("Get trending papers in your email inbox!"), non-blank lines alternate title / abstract.
 * The copy often glues a button label onto the first title ("SubscribeImpatient Users…").
 */

/** Whole lines that are page furniture, compared after lower-casing and dropping punctuation. */
const NAVIGATION_LINES = new Set([
  'subscribe',
  'subscribed',
  'unsubscribe',
  'sign in',
  'sign up',
  'sign out',
  'log in',
  'login',
  'log out',
  'logout',
  'register',
  'home',
  'menu',
  'search',
  'trending',
  'trending papers',
  'newsletter',
  'share',
  'follow',
  'next',
  'previous',
  'prev',
  'more',
  'load more',
  'show more',
  'see more',
  'read more',
  'view all',
  'see all',
  'back',
  'back to top',
  'skip to content',
  'skip to main content',
  'accept',
  'accept all',
  'cookies',
  'privacy policy',
  'terms',
  'about',
  'contact',
]);

/** Lines longer than this are never treated as boilerplate: a call to action is one short sentence. */
const MAX_BOILERPLATE_LENGTH = 100;

/** Phrases only a call to action uses ("…in your email inbox", "subscribe to…", "we use cookies"); a bare topic word such as "newsletter" is not enough, titles use those. */
const CALL_TO_ACTION_PHRASE =
  /\b(?:in your (?:e-?mail )?inbox|our newsletter|subscribe (?:to|now|for)|sign (?:in|up) (?:to|for|with)|log in to|we use cookies|accept (?:all )?cookies)\b/i;

/** An imperative shout ("Join our Discord!", "Get trending papers!"): a button or banner, not a title. */
const IMPERATIVE_SHOUT = /^(?:get|join|subscribe|sign|follow|download|register)\b[^:]*!$/i;

/** Button labels a copy can glue onto the next line without a space ("SubscribeImpatient Users…"). */
const GLUED_BUTTON_LABEL = /^(?:Subscribe|Sign in|Sign up|Log in|Login)(?=[^\p{Ll}\s])/u;

/** Lines this long look like abstracts: titles are rarely over 250 characters (1 in 100,000 arXiv cs titles). */
const MIN_CERTAIN_ABSTRACT_LENGTH = 250;

/** No title is longer than this; a longer line where a title is expected is an abstract that lost its title. */
const MAX_TITLE_LENGTH = 500;

/** How many leading content lines `detect` inspects. */
const DETECT_SAMPLE_LINES = 40;

function isBoilerplate(line: string): boolean {
  // Every navigation line and call to action is short; checking length first keeps long abstracts cheap.
  if (line.length > MAX_BOILERPLATE_LENGTH) return false;
  const words = line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return NAVIGATION_LINES.has(words) || CALL_TO_ACTION_PHRASE.test(line) || IMPERATIVE_SHOUT.test(line);
}

/** Share of words that start with a capital letter: titles are mostly Title Case, abstracts mostly not. */
function capitalisedShare(line: string): number {
  const words = line.split(/\s+/).filter((word) => /^\P{L}*\p{L}/u.test(word));
  if (words.length === 0) return 0;
  return words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length / words.length;
}

/**
 * True when a line reads like a sentence rather than a title: at least four words, mostly not capitalised, and
 * ending with a full stop. A question mark inside is no evidence: titles say "What's in a crowd? Analysis of…".
 */
function readsAsSentence(line: string): boolean {
  if (line.split(/\s+/).length < 4 || capitalisedShare(line) >= 0.5) return false;
  return /\p{L}{2,}[.]["')\]]?$/u.test(line);
}

/** Any evidence that a line is an abstract: its length, or its sentences. */
function looksLikeAbstract(line: string | undefined): boolean {
  if (line === undefined) return false;
  return line.length >= MIN_CERTAIN_ABSTRACT_LENGTH || readsAsSentence(line);
}

interface ContentLine {
  lineNumber: number;
  text: string;
}

/** Non-blank, non-boilerplate lines with their 1-based line numbers; a glued button label is cut off the line after boilerplate. */
function contentLinesOf(text: string): ContentLine[] {
  const contentLines: ContentLine[] = [];
  let previousWasBoilerplate = true;
  text.split(/\r\n|\n|\r/).forEach((rawLine, index) => {
    const trimmed = rawLine.trim();
    if (trimmed === '') return;
    if (isBoilerplate(trimmed)) {
      previousWasBoilerplate = true;
      return;
    }
    const unglued = previousWasBoilerplate ? trimmed.replace(GLUED_BUTTON_LABEL, '') : trimmed;
    previousWasBoilerplate = false;
    contentLines.push({ lineNumber: index + 1, text: unglued });
  });
  return contentLines;
}

/**
 * Pair titles with abstracts. The lines alternate, so the expected role decides unless the text clearly says
 * otherwise: a line expected to be a title is an abstract with no title when it is too long for any title, or
 * looks like an abstract while the line after it does not; a line expected to be an abstract is the next title
 * (leaving the pending title with no abstract) when it reads as a title and the line after it as an abstract.
 * A title at the end of the file has no abstract.
 */
function pairRecords(contentLines: readonly ContentLine[]): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let pendingTitle: ContentLine | undefined;
  contentLines.forEach((line, index) => {
    const nextText = contentLines[index + 1]?.text;
    if (pendingTitle === undefined) {
      const isOrphanAbstract =
        line.text.length > MAX_TITLE_LENGTH || (looksLikeAbstract(line.text) && !looksLikeAbstract(nextText));
      if (isOrphanAbstract) records.push({ line: line.lineNumber, rejected: 'abstract with no title (expected a title line before it)' });
      else pendingTitle = line;
      return;
    }
    if (!looksLikeAbstract(line.text) && looksLikeAbstract(nextText)) {
      records.push({ line: pendingTitle.lineNumber, rejected: 'title with no abstract' });
      pendingTitle = line;
      return;
    }
    records.push({
      line: pendingTitle.lineNumber,
      fields: { title: cleanTitle(pendingTitle.text), abstract: cleanAbstract(line.text), hasAbstract: true },
    });
    pendingTitle = undefined;
  });
  if (pendingTitle !== undefined) records.push({ line: pendingTitle.lineNumber, rejected: 'title with no abstract' });
  return records;
}

/**
 * Parse a trending-papers text file into one record per title/abstract pair. Boilerplate lines are skipped;
 * a title with no abstract and an abstract with no title are rejected records naming their line.
 * @example parseTrending('Get trending papers in your email inbox!\nSubscribeA Title\nWe study things. It works well.\n', 't.txt')
 * // => { records: [{ line: 2, fields: { title: 'A Title', abstract: 'We study things. It works well.', hasAbstract: true } }], problems: [] }
 */
export function parseTrending(text: string, _path: string): ParseResult {
  return { records: pairRecords(contentLinesOf(text)), problems: [] };
}

/**
 * True for `.txt` text whose first lines alternate title / abstract (after any boilerplate): at least one pair
 * whose abstract reads as prose, and at least three quarters of the sampled lines in such pairs.
 * @example detectTrending('Title One\nWe propose a method for things. It is good.\n', 'a.txt') // => true
 * @example detectTrending('just some notes', 'notes.txt') // => false
 */
export function detectTrending(text: string, path: string): boolean {
  if (!path.toLowerCase().endsWith('.txt')) return false;
  const sample = contentLinesOf(text).slice(0, DETECT_SAMPLE_LINES);
  // Alternation alone pairs any two lines; count only pairs whose second line really reads as an abstract.
  const pairedLines = pairRecords(sample).filter((record) => 'fields' in record && looksLikeAbstract(record.fields.abstract)).length * 2;
  return pairedLines >= 2 && pairedLines >= 0.75 * sample.length;
}

/** The trending-papers text format (`.txt`). */
export const trendingFormat: SourceFormat = {
  id: 'trending',
  extensions: ['.txt'],
  detect: detectTrending,
  parse: parseTrending,
};
