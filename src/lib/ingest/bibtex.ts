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
 * library would return them unchanged. Everything else (names, macros, TeX) still goes through the library,
 * and an entry whose fields cannot be scanned goes to it whole.
 */
import { parse as parseBibtexEntries, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { ParsedRecord, ParseResult, PaperFields, SourceFormat, SourceProblem } from './format.ts';
import { cleanTexEscapes, collapseWhitespace } from './clean-text.ts';
import { arxivIdFromText, httpUrl, lineLocator, normaliseDate, normaliseDoi, uniqueInOrder } from './record-fields.ts';

/** Where an `@type{` or `@type(` starts: at the start of a line, after optional indentation. */
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*([{(])/gm;

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

/** One `@…` block cut out of the file. */
interface BibtexChunk {
  /** 1-based file line of the `@`. */
  line: number;
  /** Entry type, lower case (`article`, `string`, `comment`). */
  type: string;
  /** The entry's text from `@` to its closing delimiter, or why it has none. */
  body: { text: string; trailing: string } | { error: string };
  /** The citation key as written (best effort, for messages), e.g. `smith2020`. */
  key: string;
}

/** Cut the text into `@…` blocks and check that each block's braces close its entry. */
function chunkBibtex(text: string): BibtexChunk[] {
  const lineOf = lineLocator(text);
  const starts = [...text.matchAll(ENTRY_START)];
  return starts.map((start, index) => {
    const from = start.index;
    const to = starts[index + 1]?.index ?? text.length;
    const type = (start[1] ?? '').toLowerCase();
    const open = start[2] ?? '{';
    const openAt = from + start[0].length;
    const key = /^\s*([^,\s{}()]*)/.exec(text.slice(openAt, to))?.[1] ?? '';
    const line = lineOf(from);
    const label = `@${start[1] ?? type}${open}${key}`;
    let depth = 0;
    for (let offset = openAt; offset < to; offset += 1) {
      const char = text[offset];
      if (char === '\\') {
        offset += 1;
      } else if (char === '{') {
        depth += 1;
      } else if (char === '}') {
        if (depth === 0 && open === '{') {
          return { line, type, key, body: { text: text.slice(from, offset + 1), trailing: text.slice(offset + 1, to) } };
        }
        if (depth === 0) {
          return { line, type, key, body: { error: `unexpected closing brace at line ${lineOf(offset)} in ${label}` } };
        }
        depth -= 1;
      } else if (char === ')' && open === '(' && depth === 0) {
        return { line, type, key, body: { text: text.slice(from, offset + 1), trailing: text.slice(offset + 1, to) } };
      }
    }
    const where = index + 1 < starts.length ? `before the next entry at line ${lineOf(to)}` : 'at the end of the file';
    const braces = (count: number): string => `${count} more closing brace${count === 1 ? '' : 's'}`;
    const expected =
      open === '('
        ? depth === 0
          ? "')'"
          : `${braces(depth)} and ')'`
        : depth === 0
          ? "'}'"
          : braces(depth + 1);
    return { line, type, key, body: { error: `missing closing brace in ${label}: expected ${expected} ${where}` } };
  });
}

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

/** Entry types that are not records: macros, comments and the preamble. */
const NON_RECORD_TYPES = new Set(['string', 'comment', 'preamble']);

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

/** Fields `bibtexEntryToFields` reads; any other field is cut out before the library sees the entry. */
const READ_FIELDS = new Set([
  'title', 'abstract', 'author', 'editor', 'primaryclass', 'keywords', 'archiveprefix', 'eprinttype', 'eprint',
  'journal', 'journaltitle', 'doi', 'url', 'number', 'note', 'year', 'month', 'date', 'booktitle',
]);

/** BibTeX's month macros; the library turns `month = jun` (and `{June}`) into `'6'`. */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Fields whose plain value the library returns as written (not names, lists, months or verbatim fields). */
const PLAIN_TEXT_FIELDS = new Set(['title', 'abstract', 'journal', 'journaltitle', 'booktitle', 'note', 'number', 'eprint', 'doi', 'year', 'date', 'primaryclass', 'archiveprefix', 'eprinttype']);

/**
 * Text the library would change: TeX specials, TeX ligatures (`--`, ``` `` ```, `''`, `?``, `!``, `,,`, `<<`),
 * a quote (babel shorthands), control characters other than the angle-bracket stand-ins, or a paragraph break
 * in a field that is not rich text.
 */
const NOT_PLAIN = /[\\{}$~%#^&_"\u0000\u0003-\u0008\u000b\u000c\u000e-\u001f]|--|``|''|[?!]`|,,/;

/** Plain text with `{…}` case-protection groups (no nesting, nothing special inside), as Zotero writes titles. */
const PLAIN_WITH_GROUPS = /^(?:[^{}]|\{[^{}]*\})*$/;

/**
 * What the library would return for a `{…}` field value with no TeX in it, or undefined when the value needs the
 * library. Case-protection braces are dropped (the library drops them with `caseProtection: false`); keywords
 * are split on `,`/`;`, trimmed, de-duplicated and sorted case-insensitively, as the library does.
 */
function plainFieldValue(name: string, value: string): string | string[] | undefined {
  // The library reads `url` verbatim: only braces and backslashes mean anything in it.
  if (name === 'url') return /^[^\s{}\\]*$/.test(value) ? value : undefined;
  if (NOT_PLAIN.test(value.replace(/[{}]/g, '')) || !PLAIN_WITH_GROUPS.test(value)) return undefined;
  const text = value.replace(/[{}]/g, '');
  if (name === 'keywords') {
    if (text !== value) return undefined;
    const keywords = text.split(/\s*[,;]\s*/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
    return [...new Set(keywords)].sort((left, right) => left.toLowerCase().localeCompare(right.toLowerCase()));
  }
  if (!PLAIN_TEXT_FIELDS.has(name)) return undefined;
  // Only rich text (the abstract) keeps paragraph breaks; the library turns them into a space elsewhere.
  if (name !== 'abstract' && /\n\s*\n/.test(text)) return undefined;
  return text.trim();
}

/** One `name = value` of an entry, as offsets into the entry text. */
interface ScannedField {
  name: string;
  /** Offset where the field starts (just after the previous comma) and ends (just after its own comma, if any). */
  start: number;
  end: number;
  /** The text between the braces for a `{…}` value; undefined for quoted, bare or `#`-joined values. */
  bracedValue: string | undefined;
  /** The word of a bare value (`month = jun`), lower case; undefined otherwise. */
  bareValue: string | undefined;
}

/** Index just past the `}` matching the `{` at `open`, or -1. Backslash escapes skip a character, as in `chunkBibtex`. */
function skipBraces(text: string, open: number): number {
  let depth = 0;
  for (let offset = open; offset < text.length; offset += 1) {
    const char = text[offset];
    if (char === '\\') offset += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return offset + 1;
    }
  }
  return -1;
}

/**
 * The fields of one `@type{key, name = value, …}` entry, or undefined when the entry is not in the plain shape
 * this scanner knows (the library then reads it whole and reports what is wrong).
 */
function scanEntryFields(entryText: string): ScannedField[] | undefined {
  const head = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*\{[^,{}()\s]*[ \t]*,/.exec(entryText);
  if (head === null) return undefined;
  const fields: ScannedField[] = [];
  const close = entryText.length - 1;
  if (entryText[close] !== '}') return undefined;
  let offset = head[0].length;
  const nameAt = /\s*([A-Za-z][\w:+-]*)\s*=\s*/y;
  const separator = /\s*(,|(?=\}$))/y;
  while (true) {
    const rest = /\s*/y;
    rest.lastIndex = offset;
    rest.exec(entryText);
    if (rest.lastIndex >= close) return fields;
    nameAt.lastIndex = offset;
    const name = nameAt.exec(entryText);
    if (name === null) return undefined;
    const start = offset;
    let valueStart = nameAt.lastIndex;
    let bracedValue: string | undefined;
    let bareValue: string | undefined;
    let parts = 0;
    // A value is one or more parts joined by `#`: {braced}, "quoted", a number or a macro name.
    while (true) {
      const char = entryText[valueStart];
      let valueEnd: number;
      if (char === '{') {
        valueEnd = skipBraces(entryText, valueStart);
        if (valueEnd === -1) return undefined;
        bracedValue = entryText.slice(valueStart + 1, valueEnd - 1);
      } else if (char === '"') {
        const quoted = /"(?:[^"{}\\]|\\.|\{[^{}]*\})*"/y;
        quoted.lastIndex = valueStart;
        if (quoted.exec(entryText) === null) return undefined;
        valueEnd = quoted.lastIndex;
        bracedValue = undefined;
        bareValue = undefined;
      } else {
        const bare = /[\w.:+-]+/y;
        bare.lastIndex = valueStart;
        const word = bare.exec(entryText);
        if (word === null) return undefined;
        valueEnd = bare.lastIndex;
        bracedValue = undefined;
        bareValue = word[0].toLowerCase();
      }
      parts += 1;
      const join = /\s*#\s*/y;
      join.lastIndex = valueEnd;
      if (join.exec(entryText) === null) {
        separator.lastIndex = valueEnd;
        if (separator.exec(entryText) === null) return undefined;
        offset = separator.lastIndex;
        fields.push({ name: (name[1] ?? '').toLowerCase(), start, end: offset, bracedValue: parts === 1 ? bracedValue : undefined, bareValue: parts === 1 ? bareValue : undefined });
        break;
      }
      valueStart = join.lastIndex;
    }
  }
}

/**
 * The entry without the fields the library need not see: unread fields are cut, plain `{…}` text fields are
 * returned in `plainFields` (as the library would give them) and cut too. Undefined when the entry cannot be
 * scanned or names a field twice, so the library reads it whole.
 */
function setAsidePlainFields(
  entryText: string,
  strings: Readonly<Record<string, string>>,
): { entryText: string; plainFields: Record<string, string | string[]> } | undefined {
  const fields = scanEntryFields(entryText);
  if (fields === undefined) return undefined;
  const names = fields.map((field) => field.name);
  // The library merges `keywords+duplicate-1` into `keywords`; such entries go to it whole.
  if (new Set(names).size !== names.length || names.some((name) => name.startsWith('keywords') && name !== 'keywords')) return undefined;
  const plainFields: Record<string, string | string[]> = {};
  let cursor = 0;
  let text = '';
  for (const field of fields) {
    const monthNumber = field.name === 'month' && field.bareValue !== undefined && !Object.keys(strings).some((macro) => macro.toLowerCase() === field.bareValue) ? MONTH_MACROS.indexOf(field.bareValue) + 1 : 0;
    const plainValue =
      monthNumber > 0 ? String(monthNumber) : field.bracedValue === undefined ? undefined : plainFieldValue(field.name, field.bracedValue);
    if (READ_FIELDS.has(field.name) && plainValue === undefined) continue;
    if (plainValue !== undefined && plainValue.length > 0) plainFields[field.name] = plainValue;
    text += entryText.slice(cursor, field.start);
    cursor = field.end;
  }
  text += entryText.slice(cursor);
  return { entryText: text, plainFields };
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
  const strings: Record<string, string> = {};
  for (const chunk of chunkBibtex(text.replace(/[\u0001\u0002]/g, ''))) {
    const isRecord = !NON_RECORD_TYPES.has(chunk.type);
    if (chunk.type === 'comment') continue;
    if ('error' in chunk.body) {
      if (isRecord) records.push({ line: chunk.line, rejected: chunk.body.error });
      else problems.push({ line: chunk.line, severity: 'warning', message: chunk.body.error });
      continue;
    }
    if (chunk.type === 'preamble') continue;
    if (FIELD_ASSIGNMENT.test(chunk.body.trailing) && isRecord) {
      records.push({ line: chunk.line, rejected: `@${chunk.type}{${chunk.key} closes before its last fields (a '}' too many?)` });
      continue;
    }
    const source = chunk.body.text.replaceAll('<', LESS_THAN_STAND_IN).replaceAll('>', GREATER_THAN_STAND_IN);
    const split = isRecord && !options.libraryOnly ? setAsidePlainFields(source, strings) : undefined;
    const library = parseBibtexEntries(split?.entryText ?? source, { ...PARSER_OPTIONS, strings: { ...strings } });
    Object.assign(strings, library.strings);
    if (!isRecord) continue;
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
