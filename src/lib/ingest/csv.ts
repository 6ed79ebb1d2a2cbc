/**
 * CSV and TSV files with a header row: one paper per row, parsed by papaparse (quoted fields may hold
 * commas, tabs, doubled quotes and line breaks).
 *
 * Columns are found by name, case-insensitively, with spaces and hyphens read as `_`:
 * title (`title`, `paper_title`), abstract (`abstract`, `summary`, `abstract_text`, `description`),
 * authors (`authors`, `author`, …: split on `;`, else ` and `, else `,`), date (`date`, `published`,
 * `publication_date`, …, `year`), url (`url`, `link`, `site`), id (`id`, `paper_id`, `key`),
 * arXiv id (`arxiv_id`, `arxiv`, `eprint`), `doi`, venue (`venue`, `journal`, `booktitle`, `conference`),
 * categories (`categories`, `labels`, `label`, `keywords`, `subjects`: split on `;`, `|` or `,`) and `tags`.
 *
 * **Mapping other column names.** Comment lines at the very top of the file, before the header, may map
 * fields to columns: `# atlas: title=Paper Title, abstract=Summary, year=Pub Year`. Names on the right are
 * header names (case-insensitive); a name holding a comma is quoted: `# atlas: title="Title, full"`.
 * Fields that can be mapped: title, abstract, authors, date (or year), url, id, arxiv_id, doi, venue,
 * categories (or labels, keywords) and tags. A mapping wins over the built-in names. Other `#` lines at
 * the top are comments. The mapping lives in the file itself, so it travels with it and parsing stays a
 * function of the text alone.
 *
 * Every data row is a record on its physical file line (a quoted field with line breaks spans several
 * lines; the record's line is where it starts). A row with more or fewer fields than the header is
 * rejected with its line; blank lines are skipped.
 */
import Papa from 'papaparse';
import type { ParsedRecord, ParseResult, SourceFormat, SourceProblem } from './format.ts';
import {
  FIELD_ALIASES,
  MAPPABLE_FIELD_BY_NAME,
  lineLocator,
  normaliseFieldName,
  recordToFields,
  type RecordField,
} from './record-fields.ts';

/** A top-of-file line that maps fields to columns. */
const MAPPING_LINE = /^#\s*atlas\s*:(.*)$/i;

/** The `# atlas:` mapping of one file: field → normalised column name, plus complaints about it. */
interface ColumnMapping {
  columnByField: Map<RecordField, string>;
  problems: SourceProblem[];
}

/**
 * Read `field=Column` pairs from the text after `# atlas:`; pairs are separated by commas, and a column
 * name may be double-quoted to hold a comma.
 * @example parseMappingPairs(' title=Paper Title, abstract="Summary, short"') // => [['title', 'Paper Title'], ['abstract', 'Summary, short']]
 */
export function parseMappingPairs(text: string): [string, string][] {
  // A hand scanner, one pass: the regex it replaces (`\s*([^=,]+?)\s*=\s*…`) backtracked over whitespace and
  // took minutes on a long mapping line.
  const pairs: [string, string][] = [];
  let offset = 0;
  while (offset < text.length) {
    const equals = text.indexOf('=', offset);
    const comma = text.indexOf(',', offset);
    // A piece without `=` before its comma (or the end) ends the mapping, as a line of prose would.
    if (equals === -1 || (comma !== -1 && comma < equals)) break;
    const name = text.slice(offset, equals).trim();
    if (name === '') break;
    let valueStart = equals + 1;
    while (valueStart < text.length && /\s/.test(text[valueStart] ?? '')) valueStart += 1;
    let value: string;
    if (text[valueStart] === '"') {
      const close = text.indexOf('"', valueStart + 1);
      if (close === -1) break;
      value = text.slice(valueStart + 1, close);
      const next = text.indexOf(',', close);
      if (text.slice(close + 1, next === -1 ? text.length : next).trim() !== '') break;
      offset = next === -1 ? text.length : next + 1;
    } else {
      const next = text.indexOf(',', valueStart);
      value = text.slice(valueStart, next === -1 ? text.length : next);
      offset = next === -1 ? text.length : next + 1;
    }
    pairs.push([name, value.trim()]);
  }
  return pairs;
}

/** Split off the top-of-file `#` lines and read the mapping they hold. */
function readPreamble(text: string): { headerOffset: number; mapping: ColumnMapping } {
  const mapping: ColumnMapping = { columnByField: new Map(), problems: [] };
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const lineText = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    if (!lineText.startsWith('#') && lineText.trim() !== '') break;
    const body = MAPPING_LINE.exec(lineText)?.[1];
    if (body !== undefined) {
      for (const [name, column] of parseMappingPairs(body)) {
        const field = MAPPABLE_FIELD_BY_NAME[normaliseFieldName(name)];
        if (field === undefined) {
          mapping.problems.push({
            line,
            severity: 'warning',
            message: `unknown field '${name}' in '# atlas:' mapping; expected one of ${Object.keys(MAPPABLE_FIELD_BY_NAME).join(', ')}`,
          });
        } else if (column === '') {
          mapping.problems.push({ line, severity: 'warning', message: `no column named for '${name}' in '# atlas:' mapping` });
        } else {
          mapping.columnByField.set(field, normaliseFieldName(column));
        }
      }
    }
    if (end === -1) return { headerOffset: text.length, mapping };
    offset = end + 1;
    line += 1;
  }
  return { headerOffset: offset, mapping };
}

/** One row as papaparse read it, with the offset (in the parsed text) where it starts. */
interface Row {
  cells: string[];
  start: number;
  error: string | undefined;
}

function readRows(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      rows.push({ cells: result.data, start, error: result.errors[0]?.message });
      start = result.meta.cursor;
    },
  });
  return rows;
}

/** The column index of every field: the file's mapping first, then the built-in names in order. */
function columnIndexByField(header: readonly string[], mapping: ColumnMapping, headerLine: number): { indexByField: Map<RecordField, number>; problems: SourceProblem[] } {
  const names = header.map(normaliseFieldName);
  const indexByField = new Map<RecordField, number>();
  const problems: SourceProblem[] = [];
  for (const [field, column] of mapping.columnByField) {
    const index = names.indexOf(column);
    if (index === -1) {
      problems.push({ line: headerLine, severity: 'error', message: `'# atlas:' maps ${field} to column '${column}', but the header has no such column (columns: ${header.join(', ')})` });
    } else {
      indexByField.set(field, index);
    }
  }
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [RecordField, readonly string[]][]) {
    if (indexByField.has(field) || mapping.columnByField.has(field)) continue;
    const index = aliases.map((alias) => names.indexOf(alias)).find((found) => found !== -1);
    if (index !== undefined) indexByField.set(field, index);
  }
  return { indexByField, problems };
}

/**
 * Read delimited text with a header row (see the module comment for columns and the `# atlas:` mapping).
 * @example parseDelimited('title,abstract\r\n"Graphs, again","Line one\nline two"\r\nNo abstract,\r\n', ',').records.map((record) => record.line)
 * // => [2, 4]
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): ParseResult {
  const { headerOffset, mapping } = readPreamble(text);
  const lineOf = lineLocator(text);
  const problems: SourceProblem[] = [...mapping.problems];
  const rows = readRows(text.slice(headerOffset), delimiter);
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cell.trim() !== ''));
  const header = rows[headerIndex];
  if (header === undefined) {
    problems.push({ line: 1, severity: 'warning', message: 'no header row: the file is empty' });
    return { records: [], problems };
  }
  const headerLine = lineOf(headerOffset + header.start);
  const { indexByField, problems: columnProblems } = columnIndexByField(header.cells, mapping, headerLine);
  problems.push(...columnProblems);
  const titleIndex = indexByField.get('title');
  const noTitle =
    titleIndex === undefined
      ? `no title column (columns: ${header.cells.join(', ')}); name one 'title' or map it with a first line '# atlas: title=<column>'`
      : undefined;
  if (noTitle !== undefined) problems.push({ line: headerLine, severity: 'error', message: noTitle });
  if (!indexByField.has('abstract') && noTitle === undefined) {
    problems.push({ line: headerLine, severity: 'warning', message: `no abstract column (columns: ${header.cells.join(', ')}): every paper is marked "no abstract"` });
  }
  const records: ParsedRecord[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every((cell) => cell.trim() === '') && row.cells.length <= 1) continue;
    const line = lineOf(headerOffset + row.start);
    if (row.error !== undefined) {
      records.push({ line, rejected: `${row.error}${/unterminated/i.test(row.error) ? ' (the rest of the file was read into this row)' : ''}` });
    } else if (row.cells.length !== header.cells.length) {
      records.push({ line, rejected: `expected ${header.cells.length} fields (${header.cells.join(', ')}), found ${row.cells.length}` });
    } else if (noTitle !== undefined) {
      records.push({ line, rejected: noTitle });
    } else {
      const result = recordToFields((field) => {
        const index = indexByField.get(field);
        return index === undefined ? undefined : row.cells[index];
      });
      records.push('fields' in result ? { line, fields: result.fields } : { line, rejected: result.rejected });
    }
  }
  return { records, problems };
}

/** First line that is not a top-of-file `#` comment. */
function headerLineText(text: string): string {
  return text.slice(readPreamble(text).headerOffset).split('\n', 1)[0] ?? '';
}

/** CSV: comma-separated, header row. */
export const csvFormat: SourceFormat = {
  id: 'csv',
  extensions: ['.csv'],
  detect: (text) => /title/i.test(headerLineText(text)) && headerLineText(text).includes(','),
  parse: (text) => parseDelimited(text, ','),
};

/** TSV: tab-separated, header row. */
export const tsvFormat: SourceFormat = {
  id: 'tsv',
  extensions: ['.tsv', '.tab'],
  detect: (text) => /title/i.test(headerLineText(text)) && headerLineText(text).includes('\t'),
  parse: (text) => parseDelimited(text, '\t'),
};
