/**
 * The library as BibTeX: the writer is the site's own citation (src/lib/site/cite.ts `toBibtex`) plus the reader's
 * fields (`annote` = note, `keywords` = tags, `x-atlas-*` = read state, save date and atlas slug); the reader takes
 * a .bib from Zotero, Better BibTeX, JabRef or this site.
 *
 * The reader is hand-written, not `@retorquere/bibtex-parser` (used by the build's ingest): in the browser that
 * library costs about a megabyte of script (LaTeX grammar and Unicode tables) and 0.6 s for a 169-entry Zotero
 * export in Node, while an import needs ten fields and only the TeX that titles and names use (accents, escapes,
 * braces), which `cleanTexEscapes` (src/lib/ingest/clean-text.ts) already turns into Unicode.
 */
import { bibtexKey, toBibtex } from '../site/cite.ts';
import { cleanTexEscapes, collapseWhitespace } from '../ingest/clean-text.ts';
import { lineLocator } from '../ingest/record-fields.ts';
import { completeIds, type BibRecord, type ExportItem, type ReadResult } from './record.ts';
import { normaliseTags, type PaperSnapshot } from './store.ts';

/**
 * A .bib file of the items, one `@misc` entry each, keys made unique with a, b, c… suffixes.
 * @example exportBibtex([{ entry: { id: 'a', savedAt: '2026-01-01T00:00:00.000Z', read: true, note: 'Key idea', tags: ['gnn'], paper: { title: 'A', authors: [] } }, pageUrl: 'https://x.org/papers/a/' }])
 * // => '@misc{a,\n  title = {A},\n  url = {https://x.org/papers/a/},\n  annote = {Key idea},\n  keywords = {gnn},\n  x-atlas-id = {a},\n  x-atlas-read = {true},\n  x-atlas-saved = {2026-01-01T00:00:00.000Z}\n}\n'
 */
export function exportBibtex(items: readonly ExportItem[]): string {
  const used = new Map<string, number>();
  return items
    .map(({ entry, pageUrl }) => {
      const citable = { slug: entry.id, ...entry.paper };
      const base = bibtexKey(citable);
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      const key = count === 0 ? base : `${base}${suffix(count)}`;
      const extraFields: [string, string][] = [];
      if (entry.note !== '') extraFields.push(['annote', entry.note]);
      if (entry.tags.length > 0) extraFields.push(['keywords', entry.tags.join(', ')]);
      extraFields.push(['x-atlas-id', entry.id], ['x-atlas-read', String(entry.read)], ['x-atlas-saved', entry.savedAt]);
      return `${toBibtex(citable, pageUrl, { key, extraFields })}\n`;
    })
    .join('\n');
}

/** a, b, …, z, aa, ab… for the 1st, 2nd… repeat of a key. */
function suffix(count: number): string {
  let n = count;
  let out = '';
  do {
    out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  } while (n > 0);
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Placeholders for escaped characters while braces are dropped; no text holds them (control characters). */
const BACKSLASH = '\u0001';
const OPEN = '\u0002';
const CLOSE = '\u0003';
const TILDE = '\u0004';
/** Escaped `%`, `&`, `$`, `#`, `_`: kept apart so `\$x\_1\$` is not read as math. */
const ESCAPED = ['\u0005', '\u0006', '\u0007', '\u0008', '\u000e'];
const ESCAPABLE = '%&$#_';

/**
 * A field value as plain text: TeX escapes and accents resolved, grouping braces dropped, `~` as a space,
 * whitespace collapsed (unless `keepLines`).
 * @example bibtexValueText('{{FINN}}: {T}\\"{u}bingen \\{x\\} 5\\%') // => 'FINN: Tübingen {x} 5%'
 */
export function bibtexValueText(value: string, keepLines = false): string {
  const marked = value
    .replace(/[\u0001-\u0008\u000e]/g, '')
    .replace(/\\([%&$#_])/g, (_match, char: string) => ESCAPED[ESCAPABLE.indexOf(char)] ?? char)
    .replace(/\\textbackslash(?:\{\}|\s*)/g, BACKSLASH)
    .replace(/\\textasciitilde(?:\{\}|\s*)/g, TILDE)
    .replace(/\\textasciicircum(?:\{\}|\s*)/g, '^')
    .replace(/\\\{/g, OPEN)
    .replace(/\\\}/g, CLOSE);
  const text = cleanTexEscapes(marked)
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replaceAll(BACKSLASH, '\\')
    .replaceAll(OPEN, '{')
    .replaceAll(CLOSE, '}')
    .replaceAll(TILDE, '~')
    .replace(/[\u0005-\u0008\u000e]/g, (char) => ESCAPABLE[ESCAPED.indexOf(char)] ?? char)
    .normalize('NFC');
  return keepLines ? text.replace(/\r\n?/g, '\n') : collapseWhitespace(text);
}

/** "Family, Given" / "Given Family" names of a BibTeX name list as "Given Family". */
function bibtexNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (depth === 0 && /\s/.test(char ?? '') && /^\s+and\s/i.test(value.slice(index, index + 6))) {
      names.push(value.slice(start, index));
      index += /^\s+and/i.exec(value.slice(index))?.[0].length ?? 4;
      start = index;
    }
  }
  names.push(value.slice(start));
  return names
    .map((raw) => {
      const text = bibtexValueText(raw);
      const comma = raw.includes(',') ? text.split(',').map((part) => part.trim()) : undefined;
      return comma && comma.length >= 2 ? `${comma.slice(1).join(' ')} ${comma[0]}`.trim() : text;
    })
    .filter((name) => name !== '' && name.toLowerCase() !== 'others');
}

/** Reads one .bib text left to right; `@string` macros apply to the entries after them. */
class BibtexScanner {
  private position = 0;
  private readonly macros = new Map<string, string>(MONTHS.map((month, index) => [month, String(index + 1)]));
  readonly records: BibRecord[] = [];
  readonly problems: { line: number; message: string }[] = [];
  private readonly lineOf: (offset: number) => number;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.lineOf = lineLocator(text);
  }

  run(): void {
    const entryStart = /@[ \t]*([A-Za-z]+)[ \t]*([{(])/g;
    while (true) {
      entryStart.lastIndex = this.position;
      const match = entryStart.exec(this.text);
      if (!match) return;
      const start = match.index;
      const type = (match[1] ?? '').toLowerCase();
      this.position = start + match[0].length;
      const close = match[2] === '(' ? ')' : '}';
      try {
        if (type === 'comment' || type === 'preamble') this.skipGroup(close);
        else if (type === 'string') this.readStringMacro(close);
        else this.readEntry(start, type, close);
      } catch (error) {
        this.problems.push({ line: this.lineOf(start), message: `@${type}: ${(error as Error).message}` });
        // Resume at the next line that starts an entry, so one broken entry costs only itself.
        const next = /^[ \t]*@/m.exec(this.text.slice(start + 1));
        this.position = next ? start + 1 + next.index : this.text.length;
      }
    }
  }

  private skipGroup(close: string): void {
    let depth = 0;
    for (; this.position < this.text.length; this.position += 1) {
      const char = this.text[this.position];
      if (char === '{') depth += 1;
      else if (char === '}' && depth > 0) depth -= 1;
      else if (char === close && depth === 0) {
        this.position += 1;
        return;
      }
    }
    throw new Error('no closing brace');
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  private readName(): string {
    const match = /^[^\s=,{}()"#]+/.exec(this.text.slice(this.position, this.position + 200));
    if (!match) throw new Error(`expected a field name at line ${this.lineOf(this.position)}`);
    this.position += match[0].length;
    return match[0];
  }

  private readBraced(): string {
    const start = this.position + 1;
    let depth = 0;
    for (; this.position < this.text.length; this.position += 1) {
      const char = this.text[this.position];
      if (char === '\\') this.position += 1;
      else if (char === '{') depth += 1;
      else if (char === '}') {
        depth -= 1;
        if (depth === 0) {
          this.position += 1;
          return this.text.slice(start, this.position - 1);
        }
      }
    }
    throw new Error('missing closing brace');
  }

  private readQuoted(): string {
    const start = this.position + 1;
    let depth = 0;
    for (this.position += 1; this.position < this.text.length; this.position += 1) {
      const char = this.text[this.position];
      if (char === '\\') this.position += 1;
      else if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (char === '"' && depth === 0) {
        this.position += 1;
        return this.text.slice(start, this.position - 1);
      }
    }
    throw new Error('missing closing quote');
  }

  /** A value: pieces joined by `#`, each braced, quoted, a number or a macro. */
  private readValue(): string {
    let value = '';
    while (true) {
      this.skipSpace();
      const char = this.text[this.position];
      if (char === '{') value += this.readBraced();
      else if (char === '"') value += this.readQuoted();
      else {
        const name = this.readName();
        value += /^\d+$/.test(name) ? name : (this.macros.get(name.toLowerCase()) ?? name);
      }
      this.skipSpace();
      if (this.text[this.position] !== '#') return value;
      this.position += 1;
    }
  }

  private readStringMacro(close: string): void {
    this.skipSpace();
    const name = this.readName().toLowerCase();
    this.skipSpace();
    if (this.text[this.position] !== '=') throw new Error('expected = in @string');
    this.position += 1;
    this.macros.set(name, this.readValue());
    this.skipSpace();
    if (this.text[this.position] !== close) throw new Error('expected the end of @string');
    this.position += 1;
  }

  private readEntry(start: number, type: string, close: string): void {
    this.skipSpace();
    const key = /^[^\s,{}()]*/.exec(this.text.slice(this.position, this.position + 300))?.[0] ?? '';
    this.position += key.length;
    const fields = new Map<string, string>();
    while (true) {
      this.skipSpace();
      const char = this.text[this.position];
      if (char === close) {
        this.position += 1;
        break;
      }
      if (char === ',') {
        this.position += 1;
        continue;
      }
      if (char === undefined || char === '@') throw new Error(`missing closing brace in @${type}{${key}`);
      const name = this.readName().toLowerCase();
      this.skipSpace();
      if (this.text[this.position] !== '=') throw new Error(`expected = after ${name} at line ${this.lineOf(this.position)}`);
      this.position += 1;
      fields.set(name, this.readValue());
    }
    const line = this.lineOf(start);
    const record = bibtexFieldsToRecord(fields, line);
    if (record) this.records.push(record);
    else this.problems.push({ line, message: `@${type}{${key} has no title` });
  }
}

function bibtexFieldsToRecord(fields: ReadonlyMap<string, string>, line: number): BibRecord | undefined {
  const text = (name: string) => {
    const value = fields.get(name);
    return value === undefined ? undefined : bibtexValueText(value) || undefined;
  };
  const title = text('title');
  if (title === undefined) return undefined;
  const verbatim = (name: string) => {
    const value = fields.get(name)?.trim();
    return value ? value.replace(/%([0-9A-Fa-f]{2})/g, (match, hex: string) => ('{}\\% \t\n'.includes(String.fromCharCode(parseInt(hex, 16))) ? String.fromCharCode(parseInt(hex, 16)) : match)) : undefined;
  };
  const paper: PaperSnapshot = { title, authors: bibtexNames(fields.get('author') ?? fields.get('editor') ?? '') };
  const year = /\d{4}/.exec(fields.get('year') ?? fields.get('date') ?? '')?.[0];
  const month = Number(fields.get('month'));
  const date = /^\d{4}(-\d{2}(-\d{2})?)?$/.exec(fields.get('date')?.trim() ?? '')?.[0] ??
    (year && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year);
  if (date) paper.date = date;
  const venue = text('journal') ?? text('journaltitle') ?? text('booktitle') ?? text('howpublished');
  if (venue) paper.venue = venue;
  const archive = (fields.get('archiveprefix') ?? fields.get('eprinttype') ?? '').toLowerCase();
  const eprint = verbatim('eprint');
  if (eprint && (archive === '' || archive === 'arxiv')) paper.arxivId = eprint;
  const doi = verbatim('doi');
  if (doi) paper.doi = doi;
  const url = verbatim('url');
  if (url) paper.url = url;
  const record: BibRecord = { line, paper: completeIds(paper) };
  const atlasId = fields.get('x-atlas-id')?.trim();
  if (atlasId) record.atlasId = bibtexValueText(atlasId);
  const note = fields.get('annote') ?? fields.get('annotation');
  if (note !== undefined) record.note = bibtexValueText(note, true);
  const keywords = fields.get('keywords');
  if (keywords !== undefined) record.tags = normaliseTags(bibtexValueText(keywords).split(/[,;]/));
  const read = fields.get('x-atlas-read')?.trim();
  if (read === 'true' || read === 'false') record.read = read === 'true';
  const saved = fields.get('x-atlas-saved')?.trim();
  if (saved && !Number.isNaN(Date.parse(saved))) record.savedAt = saved;
  return record;
}

/**
 * The records of a .bib text; a broken entry is reported with its line and the others are still read.
 * @example readBibtex('@article{k, title = {Deep {{Nets}}}, author = {Lovelace, Ada}, year = 2024}').records[0].paper
 * // => { title: 'Deep Nets', authors: ['Ada Lovelace'], date: '2024' }
 */
export function readBibtex(text: string): ReadResult {
  const scanner = new BibtexScanner(text.replace(/^\uFEFF/, ''));
  scanner.run();
  return { records: scanner.records, problems: scanner.problems };
}
