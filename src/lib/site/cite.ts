import { texToPlain } from '../tex/plain.ts';
import { splitMath } from '../tex/split-math.ts';
import { texTextToPlain } from '../tex/text-commands.ts';
import { foldText } from '../text/fold.ts';
import { formatPlainCitation, plainCitationUrl } from './plain-citation.ts';

export interface CitablePaper {
  slug: string;
  title: string;
  authors: readonly string[];
  date?: string | undefined;
  venue?: string | undefined;
  doi?: string | undefined;
  arxivId?: string | undefined;
  url?: string | undefined;
}

/**
 * A BibTeX entry for a paper. arXiv papers become `@misc` with `eprint`; the key is the first author's
 * family name, the year and the first title word (falling back to the slug), ASCII only.
 * Every field is escaped, as HTML is for a page: TeX specials in text fields (`{` `}` `\\` `%` `&` `$` `#` `_` `~` `^`, and `@` as `{@}`)
 * become their escaped forms, a name holding the word "and" is braced so it stays one author, and in the verbatim
 * fields (`doi`, `url`, `eprint`) braces, backslashes, `%`, spaces and control characters are percent-encoded. So no value can close
 * its field and start another (`},author={…}`) or run a command (`\\input{…}`).
 * The title's math stays TeX when its braces balance and it calls no command that reads, writes or redefines.
 * @example toBibtex({ slug: 'a-b', title: 'Deep Nets', authors: ['Ada Lovelace'], date: '2024-05-01' }, 'https://x.org/papers/a-b/')
 * // => '@misc{lovelace2024deep,\n  title = {Deep Nets},\n  author = {Lovelace, Ada},\n  year = {2024},\n  url = {https://x.org/papers/a-b/}\n}'
 */
export function toBibtex(paper: CitablePaper, pageUrl: string, options: BibtexOptions = {}): string {
  const year = paper.date?.slice(0, 4);
  const fields: [string, string][] = [['title', titleToBibtex(oneLine(paper.title))]];
  if (paper.authors.length > 0) fields.push(['author', paper.authors.map((name) => authorToBibtex(oneLine(name))).join(' and ')]);
  if (year && /^\d{4}$/.test(year)) fields.push(['year', year]);
  if (paper.venue && !paper.arxivId) fields.push(['howpublished', escapeBibtex(oneLine(paper.venue))]);
  if (paper.arxivId) {
    fields.push(['eprint', escapeVerbatim(paper.arxivId)], ['archiveprefix', 'arXiv']);
  }
  if (paper.doi) fields.push(['doi', escapeVerbatim(paper.doi)]);
  fields.push(['url', escapeVerbatim(paper.url ?? pageUrl)]);
  // Notes may span lines (`annote`): line breaks kept, every other control character a space.
  for (const [name, value] of options.extraFields ?? []) fields.push([name, escapeBibtex(value, true)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${options.key ?? bibtexKey(paper)},\n${body}\n}`;
}

/** Options of `toBibtex`. */
export interface BibtexOptions {
  /** The citation key to use instead of the generated one (e.g. to keep keys unique in a file). */
  key?: string;
  /** More fields after the paper's own (`annote`, `keywords`…), values escaped like the title. */
  extraFields?: readonly (readonly [string, string])[];
}

/**
 * A plain-text reference: "Authors (Year). Title. Venue. arXiv:id. URL", the title in plain text, the URL its DOI's,
 * else the paper's own, else its arXiv page, else its page in the atlas. The paper page's script writes the same text
 * from the page's JSON-LD (`plainCitationFieldsFromJsonLd`).
 * @example toPlainCitation({ slug: 'a', title: 'Deep Nets', authors: ['Ada Lovelace', 'Alan Turing'], date: '2024' }, 'https://x.org/p/')
 * // => 'Ada Lovelace and Alan Turing (2024). Deep Nets. https://x.org/p/'
 */
export function toPlainCitation(paper: CitablePaper, pageUrl: string): string {
  return formatPlainCitation({
    title: texToPlain(paper.title),
    authors: paper.authors,
    year: paper.date?.slice(0, 4),
    venue: paper.venue,
    arxivId: paper.arxivId,
    url: plainCitationUrl(paper, pageUrl),
  });
}

function authorToBibtex(name: string): string {
  // BibTeX splits author lists on the word "and" at brace level 0: a name holding it is kept whole in braces.
  if (/\band\b/i.test(name)) return `{${escapeBibtex(name)}}`;
  if (name.includes(',')) return escapeBibtex(name);
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return escapeBibtex(name);
  const family = words.at(-1) ?? '';
  return escapeBibtex(`${family}, ${words.slice(0, -1).join(' ')}`);
}

/**
 * The citation key `toBibtex` gives a paper: first author's family name, year and first title word, ASCII only.
 * @example bibtexKey({ slug: 'a-b', title: 'Deep Nets', authors: ['Ada Lovelace'], date: '2024' }) // => 'lovelace2024deep'
 */
export function bibtexKey(paper: CitablePaper): string {
  const ascii = (text: string) =>
    foldText(text).replace(/[^a-z0-9]/g, '');
  const first = paper.authors[0] ?? '';
  const family = ascii(first.includes(',') ? (first.split(',')[0] ?? '') : (first.trim().split(/\s+/).at(-1) ?? ''));
  const year = paper.date?.slice(0, 4) ?? '';
  const word = ascii(texToPlain(paper.title).split(/\s+/).find((w) => ascii(w).length > 2) ?? '');
  const key = `${family}${year}${word}`;
  return key.length >= 4 ? key : ascii(paper.slug) || 'paper';
}

/** The title for BibTeX: math kept as the author wrote it (BibTeX passes `$\ell_1$` to LaTeX), text escaped. */
function titleToBibtex(title: string): string {
  return splitMath(title)
    .map((segment) => (segment.kind === 'math' && hasBalancedBraces(segment.source) && !UNSAFE_TEX_COMMAND.test(segment.source) && !/[%@]/.test(segment.source) ? segment.source : escapeBibtex(segment.kind === 'math' ? segment.source : texTextToPlain(segment.text))))
    .join('');
}

/** TeX primitives and macros that read or write files, run shell commands or redefine things: math holding one is escaped. */
const UNSAFE_TEX_COMMAND = /\\(?:input|include|InputIfFileExists|openin|openout|read|write|immediate|special|catcode|def|edef|gdef|xdef|let|csname|newcommand|renewcommand|providecommand|usepackage|RequirePackage|directlua|ShellEscape|jobname)(?![A-Za-z])/;

function hasBalancedBraces(tex: string): boolean {
  let depth = 0;
  for (let index = 0; index < tex.length; index += 1) {
    if (tex[index] === '\\') index += 1;
    else if (tex[index] === '{') depth += 1;
    else if (tex[index] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** TeX's escaped form of each special character; one pass, so the braces of `\\textbackslash{}` stay as written. */
const TEX_ESCAPE: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // A line that starts with `@` opens an entry for line-based readers; `{@}` prints the same.
  '@': '{@}',
};

/** Line breaks and other control characters as spaces, for one-line fields. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Text for a braced BibTeX field: TeX specials escaped; control characters spaces (line breaks kept if asked). */
function escapeBibtex(text: string, keepLineBreaks = false): string {
  const controls = keepLineBreaks ? /[\u0000-\u0009\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(controls, ' ')
    .replace(/[\\{}%&$#_~^@]/g, (char) => TEX_ESCAPE[char] ?? char);
}

/**
 * A `doi`, `url` or `eprint` value (read verbatim by BibLaTeX): characters that could end the field or start a TeX
 * comment (`{`, `}`, `\\`, `%`, whitespace, control characters) percent-encoded, so a URL still points at the same place.
 */
function escapeVerbatim(text: string): string {
  return text.replace(/[{}\\%\s\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char));
}
