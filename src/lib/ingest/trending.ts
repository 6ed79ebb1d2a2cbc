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

/** Phrases only a call to action uses ("…in your email inbox", "subscribe to…", "we use cookies"). */
const CALL_TO_ACTION_PHRASE =
  /\b(?:in your (?:e-?mail )?inbox|newsletter|unsubscribe|subscribe (?:to|now|for)|sign (?:in|up) (?:to|for|with)|log in to|we use cookies|accept (?:all )?cookies)\b/i;

/** An imperative shout ("Join our Discord!", "Get trending papers!"): a button or banner, not a title. */
const IMPERATIVE_SHOUT = /^(?:get|join|subscribe|sign|follow|download|register|try|sign up)\b[^:]*!$/i;

/** Button labels a copy can glue onto the next line without a space ("SubscribeImpatient Users…"). */
const GLUED_BUTTON_LABEL = /^(?:Subscribe|Sign in|Sign up|Log in|Login)(?=[\p{Lu}\d])/u;

/** Lines this long are abstracts whatever they look like: the longest titles are about 250 characters. */
const MIN_CERTAIN_ABSTRACT_LENGTH = 250;

/** How many leading content lines `detect` inspects. */
const DETECT_SAMPLE_LINES = 40;

function isBoilerplate(line: string): boolean {
  const words = line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (NAVIGATION_LINES.has(words)) return true;
  if (line.length > MAX_BOILERPLATE_LENGTH) return false;
  return CALL_TO_ACTION_PHRASE.test(line) || IMPERATIVE_SHOUT.test(line);
}

/**
 * True when a line reads as abstract prose rather than a title: long, or several sentences, or one
 * sentence ending in a full stop. Titles are short and rarely end with a period.
 */
function isProse(line: string): boolean {
  if (line.length >= MIN_CERTAIN_ABSTRACT_LENGTH) return true;
  const wordCount = line.split(/\s+/).length;
  // "…models. We show…": a lower-case word, a stop, then a capitalised word. "vs. Human" is too short a word to count.
  const hasSentenceBreak = /\p{Ll}{3,}[.!?]["')\]]?\s+\p{Lu}\p{Ll}/u.test(line);
  if (hasSentenceBreak && line.length >= 120) return true;
  return wordCount >= 8 && /\p{Ll}{2,}[.]["')\]]?$/u.test(line);
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

/** Pair titles with abstracts. A title followed by another title, or by the end of the file, has no abstract. */
function pairRecords(contentLines: readonly ContentLine[]): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let pendingTitle: ContentLine | undefined;
  for (const line of contentLines) {
    const prose = isProse(line.text);
    if (pendingTitle === undefined) {
      if (prose) records.push({ line: line.lineNumber, rejected: 'abstract with no title (expected a title line before it)' });
      else pendingTitle = line;
      continue;
    }
    if (prose) {
      records.push({
        line: pendingTitle.lineNumber,
        fields: { title: cleanTitle(pendingTitle.text), abstract: cleanAbstract(line.text), hasAbstract: true },
      });
      pendingTitle = undefined;
    } else {
      records.push({ line: pendingTitle.lineNumber, rejected: 'title with no abstract' });
      pendingTitle = line;
    }
  }
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
 * True for `.txt` text whose first lines alternate title / abstract (after any boilerplate): at least one pair,
 * and at least three quarters of the sampled lines belong to a pair.
 * @example detectTrending('Title One\nWe propose a method for things. It is good.\n', 'a.txt') // => true
 * @example detectTrending('just some notes', 'notes.txt') // => false
 */
export function detectTrending(text: string, path: string): boolean {
  if (!path.toLowerCase().endsWith('.txt')) return false;
  const sample = contentLinesOf(text).slice(0, DETECT_SAMPLE_LINES);
  const pairedLines = pairRecords(sample).filter((record) => 'fields' in record).length * 2;
  return pairedLines >= 2 && pairedLines >= 0.75 * sample.length;
}

/** The trending-papers text format (`.txt`). */
export const trendingFormat: SourceFormat = {
  id: 'trending',
  extensions: ['.txt'],
  detect: detectTrending,
  parse: parseTrending,
};
