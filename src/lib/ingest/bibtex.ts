/**
 * BibTeX and BibLaTeX files as Zotero, Better BibTeX, JabRef and Google Scholar export them.
 *
 * The file is cut into entries at each line that starts with `@type{` (or `@type(`), and each entry's
 * braces are checked before it is parsed, so an unbalanced entry is rejected with its own line and the
 * entries before and after it still come through. Each entry is then parsed by `@retorquere/bibtex-parser`
 * (the parser behind Better BibTeX), which turns TeX into Unicode (`{\"u}` → ü, `--` → –, `~` → no-break
 * space, `{{Title}}` protection removed). Its HTML-ish markup (`<i>`, `<p>`, links) is turned back into
 * plain text here; `@string` macros apply to the entries after them.
 *
 * Speed: the library runs a full LaTeX parser over every field value (about 20 ms for an entry with a long
 * abstract, so a 5,000-entry export took minutes). Before an entry goes to the library, fields this module never
 * reads (`file`, `annote`, `urldate`…) are cut out, and `{…}`-delimited text fields with no TeX in them
 * (no backslash, brace, `$`, `~`, `%`, `--`, quote ligature…) are set aside and used as written, since the
 * library would return them unchanged (bibtex-plain-fields.ts). Everything else (names, macros, TeX) still goes
 * through the library, and an entry whose fields cannot be scanned goes to it whole.
 */
import { parse as parseBibtexEntries, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { ParsedRecord, ParseResult, PaperFields, SourceFormat, SourceProblem } from './format.ts';
import { cleanTexEscapes, collapseWhitespace } from './clean-text.ts';
import { chunkBibtex, createMacroTable, defineMacro, macrosUsedBy, NON_RECORD_TYPES } from './bibtex-structure.ts';
import { setAsidePlainFields } from './bibtex-plain-fields.ts';
import { arxivIdFromText, httpUrl, normaliseDate, normaliseDoi, uniqueInOrder } from './record-fields.ts';

// Sentence-casing and case protection are for rendering citations; we want the title exactly as written.
// Unknown commands (`\cite{x}`) keep their argument text instead of failing the entry.
const PARSER_OPTIONS = {
  english: false,
  sentenceCase: false,
  caseProtection: false,
  unsupported: 'ignore',
  // Rich text keeps paragraph breaks (`<p>`), which literal fields collapse to a space.
  fieldMode: { abstract: 'richtext' },
} as const;

// The parser reads `<` and `>` as TeX's OT1 glyphs (¡ ¿) and emits markup with the same brackets, so the
// brackets in the source are swapped for control characters that no text holds, and restored after.
const LESS_THAN_STAND_IN = '\u0001';
const GREATER_THAN_STAND_IN = '\u0002';

/** The parser's markup as plain text: paragraphs as blank lines, links as their label, other tags dropped. */
function markupToText(value: string): string {
  const text = value
    .replace(/<\/?p>/g, '\n\n')
    .replace(/<br\s*\/?>|<li>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replaceAll(LESS_THAN_STAND_IN, '<')
    .replaceAll(GREATER_THAN_STAND_IN, '>')
    // `{\"\i}`: the parser puts the accent on a dotless ı, which never composes; on a plain i it does (ï).
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j');
  // Zotero escapes the TeX inside arXiv abstracts (`{\textbackslash}emph\{x\}`), so after decoding the
  // abstract holds the TeX as arXiv wrote it; it gets the same clean-up as an abstract read from arXiv.
  return cleanTexEscapes(text).normalize('NFC');
}

/**
 * A field's value as plain text: markup removed, whitespace collapsed; paragraphs kept (blank line) when `keepParagraphs`.
 * @example bibtexFieldText('Line one.<p>Para <i>two</i> 5 \u0001 6', true) // => 'Line one.\n\nPara two 5 < 6'
 */
export function bibtexFieldText(value: string | undefined, keepParagraphs = false): string {
  if (value === undefined) return '';
  const text = markupToText(value);
  if (!keepParagraphs) return collapseWhitespace(text);
  return text
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** "Given Family" for one parsed creator; institutions (`{Google Research}`) come back as `name`. */
function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return bibtexFieldText(creator.name);
  const parts = [creator.firstName, creator.prefix, creator.lastName].filter((part): part is string => part !== undefined && part !== '');
  const name = bibtexFieldText(parts.join(' '));
  return creator.suffix ? `${name} ${bibtexFieldText(creator.suffix)}` : name;
}

/** A `journal` or `number` that only names an arXiv preprint, as Zotero writes it: `arXiv:1706.05125 [cs]`. */
const ARXIV_JOURNAL = /^arxiv(?:\s*preprint)?\s*:?\s*\S+(?:\s*\[[^\]]*\])?$/i;

/** Field value as a string (the parser types a few fields as lists). */
function stringField(entry: Entry, name: string): string | undefined {
  const value: unknown = (entry.fields as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return undefined;
}

/**
 * Paper fields from one parsed entry, or why it cannot be used (no title).
 * The date is BibLaTeX `date`, else `year` and `month`; the arXiv id comes from `eprint` (when the archive
 * is arXiv or unnamed), or an `arXiv:` journal/number/note, an arxiv.org URL or a 10.48550 DOI.
 * @example bibtexEntryToFields({ type: 'misc', key: 'k', fields: { title: 'T', year: '2016', month: '3', eprint: '1602.02830', archiveprefix: 'arXiv' }, mode: {}, input: '' })
 * // => { fields: { title: 'T', abstract: '', hasAbstract: false, authors: [], categories: [], sourceId: 'k', arxivId: '1602.02830',
 * //      url: 'https://arxiv.org/abs/1602.02830', date: '2016-03', venue: 'arXiv' } }
 */
export function bibtexEntryToFields(entry: Entry): { fields: PaperFields } | { rejected: string } {
  const title = bibtexFieldText(stringField(entry, 'title'));
  if (title === '') return { rejected: `@${entry.type}{${entry.key} has no title` };
  const abstract = bibtexFieldText(stringField(entry, 'abstract'), true);
  const creators = entry.fields.author ?? entry.fields.editor ?? [];
  // `primaryclass = {cs}` names only the archive; a category has a dot (`cs.LG`).
  const primaryClass = stringField(entry, 'primaryclass')?.includes('.') ? stringField(entry, 'primaryclass') : undefined;
  const keywords = entry.fields.keywords ?? [];
  const fields: PaperFields = {
    title,
    abstract,
    hasAbstract: abstract !== '',
    authors: creators.map(creatorName).filter((name) => name !== ''),
    categories: uniqueInOrder([primaryClass, ...keywords].map((label) => bibtexFieldText(label)).filter((label) => label !== '')),
  };
  if (entry.key !== '') fields.sourceId = entry.key;
  const archive = (stringField(entry, 'archiveprefix') ?? stringField(entry, 'eprinttype') ?? '').toLowerCase();
  const eprint = stringField(entry, 'eprint');
  const journal = stringField(entry, 'journal') ?? stringField(entry, 'journaltitle');
  const doi = normaliseDoi(stringField(entry, 'doi'));
  const urlText = stringField(entry, 'url');
  const arxivId =
    (archive === 'arxiv' || archive === '' ? arxivIdFromText(eprint) : undefined) ??
    [journal, stringField(entry, 'number'), stringField(entry, 'note')]
      .filter((text): text is string => text !== undefined && /arxiv/i.test(text))
      .map(arxivIdFromText)
      .find((id) => id !== undefined) ??
    (urlText !== undefined && /arxiv\.org\//i.test(urlText) ? arxivIdFromText(urlText) : undefined) ??
    (doi !== undefined && /^10\.48550\//.test(doi) ? arxivIdFromText(doi) : undefined);
  if (arxivId !== undefined) fields.arxivId = arxivId;
  if (doi !== undefined) fields.doi = doi;
  const url =
    httpUrl(urlText) ??
    (arxivId === undefined ? undefined : `https://arxiv.org/abs/${arxivId}`) ??
    (doi === undefined ? undefined : httpUrl(`https://doi.org/${doi}`));
  if (url !== undefined) fields.url = url;
  if (urlText !== undefined && urlText.trim() !== '' && httpUrl(urlText) === undefined) fields.ignoredUrl = urlText;
  const year = /\d{4}/.exec(stringField(entry, 'year') ?? '')?.[0];
  const month = Number(stringField(entry, 'month'));
  const date =
    normaliseDate(stringField(entry, 'date')) ??
    (year === undefined ? undefined : month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year);
  if (date !== undefined) fields.date = date;
  const venueText = journal !== undefined && ARXIV_JOURNAL.test(journal.trim()) ? 'arXiv' : journal ?? stringField(entry, 'booktitle');
  const venue = venueText === undefined ? (arxivId === undefined ? '' : 'arXiv') : bibtexFieldText(venueText);
  if (venue !== '') fields.venue = venue;
  return { fields };
}

/** Text after an entry's closing brace that looks like one of its fields: the entry was closed too early. */
const FIELD_ASSIGNMENT = /^[\s,]*[A-Za-z][\w-]*\s*=\s*[{"\w]/;

/** The parser's error with its line counted in the file, not in the entry. */
function fileLineError(message: string, entryLine: number): string {
  return message.replace(/at line (\d+)/, (_match, line: string) => `at line ${entryLine + Number(line) - 1}`);
}

/** Options for `parseBibtex`. */
export interface ParseBibtexOptions {
  /**
   * Send every field of every entry through the library, without the plain-field fast path. Slower; the
   * reference the fast path is tested against. Default false.
   */
  libraryOnly?: boolean;
}

/**
 * Read a BibTeX/BibLaTeX file: one record per entry (not `@string`, `@comment`, `@preamble`), on the line of its `@`.
 * Entries with unbalanced braces or that the parser cannot read are rejected with the reason.
 * @example parseBibtex('@article{k,\n  title = {{\\"U}ber {{Graphs}}},\n  year = 2020\n}\n').records
 * // => [{ line: 1, fields: { title: 'Über Graphs', abstract: '', hasAbstract: false, authors: [], categories: [], sourceId: 'k', date: '2020' } }]
 */
export function parseBibtex(text: string, options: ParseBibtexOptions = {}): ParseResult {
  const records: ParsedRecord[] = [];
  const problems: SourceProblem[] = [];
  const macros = createMacroTable();
  for (const chunk of chunkBibtex(text.replace(/[\u0001\u0002]/g, ''))) {
    const isRecord = !NON_RECORD_TYPES.has(chunk.type);
    if ('error' in chunk.body) {
      if (isRecord) records.push({ line: chunk.line, rejected: chunk.body.error });
      else problems.push({ line: chunk.line, severity: 'warning', message: chunk.body.error });
      continue;
    }
    // Comments and the preamble hold nothing to publish, even entry-shaped text.
    if (chunk.type === 'comment' || chunk.type === 'preamble') continue;
    if (chunk.type === 'string') {
      const problem = defineMacro(chunk.body.text, macros, chunk.line);
      if (problem !== undefined) problems.push(problem);
      continue;
    }
    if (FIELD_ASSIGNMENT.test(chunk.body.trailing)) {
      records.push({ line: chunk.line, rejected: `@${chunk.type}{${chunk.key} closes before its last fields (a '}' too many?)` });
      continue;
    }
    // Only the macros this entry uses go to the library: it re-parses every macro it is given, per entry.
    const used = macrosUsedBy(chunk.body.text, macros);
    if ('error' in used) {
      records.push({ line: chunk.line, rejected: `@${chunk.type}{${chunk.key}: ${used.error}` });
      continue;
    }
    const strings = used.strings;
    const source = chunk.body.text.replaceAll('<', LESS_THAN_STAND_IN).replaceAll('>', GREATER_THAN_STAND_IN);
    const split = !options.libraryOnly ? setAsidePlainFields(source, strings) : undefined;
    const library = parseBibtexEntries(split?.entryText ?? source, { ...PARSER_OPTIONS, strings });
    const [entry] = library.entries;
    if (entry !== undefined && split !== undefined) Object.assign(entry.fields, split.plainFields);
    const [error] = library.errors;
    if (error !== undefined || entry === undefined || library.entries.length !== 1) {
      const reason = error === undefined ? 'no entry found' : fileLineError(error.error, chunk.line);
      records.push({ line: chunk.line, rejected: `cannot read @${chunk.type}{${chunk.key}: ${reason}` });
      continue;
    }
    const result = bibtexEntryToFields(entry);
    records.push('fields' in result ? { line: chunk.line, fields: result.fields } : { line: chunk.line, rejected: result.rejected });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ line: 1, severity: 'warning', message: 'no BibTeX entries (a line starting with @type{key, …})' });
  }
  return { records, problems };
}

/** The BibTeX/BibLaTeX format. */
export const bibtexFormat: SourceFormat = {
  id: 'bibtex',
  extensions: ['.bib', '.bibtex', '.biblatex'],
  detect: (text) => /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][^,\s]*,/m.test(text.slice(0, 8000)),
  parse: (text) => parseBibtex(text),
};
