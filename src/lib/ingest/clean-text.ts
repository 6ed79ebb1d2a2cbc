/**
 * Text clean-up shared by the input formats: whitespace, and the TeX escapes that arXiv-style
 * abstracts carry (`42.9\%`, `T\"ULU`, `{\it word}`). Math between `$…$` is left alone, and nothing
 * here interprets HTML: markup stays literal text.
 */
import { splitMath } from '../tex/split-math.ts';

/** Combining marks for TeX's accent commands (`\"u` → u + U+0308 → ü after NFC). */
const COMBINING_MARK_BY_TEX_ACCENT: Readonly<Record<string, string>> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030C',
  H: '\u030B',
  u: '\u0306',
  k: '\u0328',
  r: '\u030A',
};

/** TeX's special letters, written as control words (`Stra\ss e`). */
const LETTER_BY_TEX_WORD: Readonly<Record<string, string>> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  // Dotless i/j only exist in TeX so an accent can sit on them; with the accent applied they are plain i/j.
  i: 'i',
  j: 'j',
};

// `\$` stays as written: it tells the math renderer (src/lib/tex/) that this dollar is not a delimiter.
const ESCAPED_SYMBOL = /\\([%&_#])/g;
// `\"u`, `\"{u}`, `\'{\i}`: symbol accents cannot start a longer command, so the only risk is escaped quotes
// (`\"hello\"`); the letters each accent takes in real TeX keep most of those as written.
const SYMBOL_ACCENT = /\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
// `{\"u}`: BibTeX-style protection around one accented letter.
const BRACED_SYMBOL_ACCENT = /\{\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))\}/g;
/** Letters each symbol accent is used with in real text; other pairs are left as written. */
const LETTERS_BY_SYMBOL_ACCENT: Readonly<Record<string, string>> = {
  '"': 'aeiouyAEIOUY',
  "'": 'aeiouyAEIOUYcgklmnprswzCGKLMNPRSWZ',
  '`': 'aeiouAEIOUnN',
  '^': 'aeiouAEIOUcghjswyCGHJSWY',
  '~': 'aonuiAONUI',
  '=': 'aeiouAEIOU',
  '.': 'zZcCeEgGI',
};
// Letter accents need braces (`\v{s}`), so `\u` in `C:\users` or `\cite` is never read as an accent.
const LETTER_ACCENT = /\\([cvHukr])\{\s*(\\?[A-Za-z])\s*\}/g;
const SPECIAL_LETTER = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}| (?=[A-Za-z]))?/g;
const OLD_FONT_GROUP = /\{\\(?:it|bf|em|sc|rm|tt|sl|sf)\s+([^{}]*)\}/g;
const FONT_COMMAND = /\\(?:textit|textbf|textsc|textrm|texttt|textsf|textsl|emph|underline|mbox|text)\{([^{}]*)\}/g;

/** Resolve `\"u`, `\i` and friends inside one accent match to a single letter. */
function accentLetter(accent: string, letter: string): string {
  const base = letter.startsWith('\\') ? (LETTER_BY_TEX_WORD[letter.slice(1)] ?? letter.slice(1)) : letter;
  return `${base}${COMBINING_MARK_BY_TEX_ACCENT[accent] ?? ''}`.normalize('NFC');
}

/** Replacer for the two symbol-accent patterns; a pair no language uses is kept exactly as matched. */
function replaceSymbolAccent(match: string, accent: string, braced?: string, bare?: string): string {
  const letter = braced ?? bare ?? '';
  const allowed = LETTERS_BY_SYMBOL_ACCENT[accent] ?? '';
  if (!letter.startsWith('\\') && !allowed.includes(letter)) return match;
  return accentLetter(accent, letter);
}

/** Apply `replace` to the parts of `text` outside math (the renderer's delimiter rules), so math stays as written. */
function outsideMath(text: string, replace: (prose: string) => string): string {
  return splitMath(text)
    .map((segment) => (segment.kind === 'math' ? segment.source : replace(segment.text)))
    .join('');
}

/**
 * Turn TeX text escapes into the characters they stand for: `\%` `\&` `\_` `\#` (`\$` is kept for the math renderer), accents
 * (`T\"ULU` → `TÜLU`, `\v{s}` → `š`), special letters (`\ss` → `ß`) and font groups (`{\it word}`, `\emph{word}`).
 * Text between `$…$` is math and is left unchanged; anything else with a backslash is kept as written.
 * @example cleanTexEscapes('a 42.9\\% gain for T\\"ULU \\& {\\it friends}') // => 'a 42.9% gain for TÜLU & friends'
 * @example cleanTexEscapes('$x_\\%$ and C:\\users') // => '$x_\\%$ and C:\\users'
 */
export function cleanTexEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return outsideMath(text, (prose) =>
    prose
      .replace(BRACED_SYMBOL_ACCENT, replaceSymbolAccent)
      .replace(SYMBOL_ACCENT, replaceSymbolAccent)
      .replace(LETTER_ACCENT, (_match, accent: string, letter: string) => accentLetter(accent, letter))
      .replace(SPECIAL_LETTER, (_match, word: string) => LETTER_BY_TEX_WORD[word] ?? word)
      .replace(OLD_FONT_GROUP, '$1')
      .replace(FONT_COMMAND, '$1')
      .replace(ESCAPED_SYMBOL, '$1'),
  );
}

/**
 * Collapse every run of whitespace (spaces, tabs, line breaks, no-break spaces) to one space and trim the ends.
 * @example collapseWhitespace('  Deep\n\tLearning  ') // => 'Deep Learning'
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Clean a title: TeX escapes resolved, Unicode NFC, whitespace collapsed.
 * @example cleanTitle('  T\\"ULU 3:\n Pushing   Frontiers ') // => 'TÜLU 3: Pushing Frontiers'
 */
export function cleanTitle(text: string): string {
  return collapseWhitespace(cleanTexEscapes(text).normalize('NFC'));
}

/**
 * Clean an abstract: TeX escapes resolved, Unicode NFC, whitespace collapsed inside each paragraph,
 * paragraphs (separated by blank lines) joined by one blank line. Markup stays literal text.
 * @example cleanAbstract('We gain 5\\%\nover\r\n\r\n\r\nthe <b>baseline</b>.') // => 'We gain 5% over\n\nthe <b>baseline</b>.'
 */
export function cleanAbstract(text: string): string {
  return cleanTexEscapes(text)
    .normalize('NFC')
    .split(/\r?\n[ \t]*(?:\r?\n\s*)+/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
