import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { ParseResult, SourceFormat, SourceProblem } from './format.ts';
import { FIELD_ALIASES, httpUrl, normaliseFieldName, recordToFields, type RecordField } from './record-fields.ts';

/**
 * One Markdown file per paper: YAML frontmatter between `---` lines holds the metadata (`title` required;
 * `authors`, `url`, `date`, `tags`, `doi`, `arxiv`, `venue`, `categories` optional, with the same key aliases
 * as the CSV/JSON formats, see `FIELD_ALIASES`) and the body is the abstract, kept exactly as written: it is
 * plain text to us, so `---`, `{{ }}` or HTML in it stay literal. With an empty body, an `abstract:` key is used.
 */

const FRONTMATTER_FENCE = /^---[ \t]*$/;
/** YAML allows `...` to end a document, so a frontmatter block may close with it. */
const FRONTMATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

/** A YAML value as text when it is a scalar; undefined for missing, null, empty, lists and maps. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** Keys whose values are identifiers: a plain `arxiv: 1901.02860` is the id as typed, not the number 1901.0286. */
const IDENTIFIER_KEYS = new Set([...FIELD_ALIASES.id, ...FIELD_ALIASES.arxivId, ...FIELD_ALIASES.doi].map(normaliseFieldName));

/** Give top-level identifier keys that YAML read as numbers back the text the author typed (trailing zeros kept). */
function keepIdentifiersAsTyped(document: Document): void {
  if (!isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'number') continue;
    if (typeof pair.value.source === 'string' && IDENTIFIER_KEYS.has(normaliseFieldName(String(pair.key.value)))) pair.value.value = pair.value.source;
  }
}

/** Frontmatter values by normalised key (`arXiv ID` and `arxiv_id` are the same key). */
function valuesByFieldName(metadata: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(metadata)) {
    const name = normaliseFieldName(key);
    if (!values.has(name)) values.set(name, value);
  }
  return values;
}

/** 1-based line in the file of a character offset inside the frontmatter text (which starts on line 2). */
function fileLineOfOffset(frontmatter: string, offset: number): number {
  return 2 + (frontmatter.slice(0, offset).match(/\n/g)?.length ?? 0);
}

/** The file line of a top-level `key:` in the frontmatter, or the opening fence's line when the key is absent. */
function keyLine(frontmatterLines: readonly string[], key: string): number {
  const index = frontmatterLines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index === -1 ? 1 : index + 2;
}

/**
 * Parse one Markdown paper. A file without frontmatter is not a paper (a warning, no records);
 * invalid YAML or a missing title is a rejected record naming the line.
 * @example parseMarkdown('---\ntitle: Deep Nets\nauthors: A. Lovelace and C. Babbage\n---\nWe study <b>nets</b>.\n', 'p.md')
 * // => { records: [{ line: 1, fields: { title: 'Deep Nets', abstract: 'We study <b>nets</b>.', hasAbstract: true,
 * //      authors: ['A. Lovelace', 'C. Babbage'], categories: [], tags: [] } }], problems: [] }
 */
export function parseMarkdown(text: string, _path: string): ParseResult {
  const lines = text.split(/\r\n|\n|\r/);
  if (!FRONTMATTER_FENCE.test(lines[0] ?? '')) {
    return {
      records: [],
      problems: [{ line: 1, severity: 'warning', message: 'not a paper: no frontmatter (a paper file starts with a --- line)' }],
    };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && FRONTMATTER_END.test(line));
  if (closingIndex === -1) {
    return { records: [{ line: 1, rejected: 'frontmatter is not closed (expected a --- line after the metadata)' }], problems: [] };
  }
  const frontmatterLines = lines.slice(1, closingIndex);
  const frontmatter = frontmatterLines.join('\n');
  const document = parseDocument(frontmatter, { prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    return {
      records: [{ line: fileLineOfOffset(frontmatter, firstError.pos[0]), rejected: `invalid YAML frontmatter: ${firstError.message}` }],
      problems: [],
    };
  }
  const problems: SourceProblem[] = document.warnings.map((warning) => ({
    line: fileLineOfOffset(frontmatter, warning.pos[0]),
    severity: 'warning',
    message: `YAML frontmatter: ${warning.message}`,
  }));
  let data: unknown;
  try {
    keepIdentifiersAsTyped(document);
    // toJS throws on alias bombs (more than 100 alias expansions) and unresolvable aliases.
    data = document.toJS();
  } catch (error) {
    return { records: [{ line: 2, rejected: `invalid YAML frontmatter: ${(error as Error).message}` }], problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { records: [{ line: 2, rejected: `frontmatter must be a mapping of keys (title: …), found ${describeValue(data)}` }], problems };
  }
  const values = valuesByFieldName(data as Record<string, unknown>);
  const valueOf = (field: RecordField): unknown => {
    const name = FIELD_ALIASES[field].find((alias) => values.has(alias));
    return name === undefined ? undefined : values.get(name);
  };
  const titleValue = valueOf('title');
  if (scalarText(titleValue) === undefined) {
    const found = titleValue === undefined ? 'no title key' : describeValue(titleValue);
    return {
      records: [{ line: keyLine(frontmatterLines, 'title'), rejected: `missing title (expected text in \`title:\`, found ${found})` }],
      problems,
    };
  }
  const body = lines
    .slice(closingIndex + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  const urlText = scalarText(valueOf('url'));
  if (urlText !== undefined && httpUrl(urlText) === undefined) {
    problems.push({
      line: keyLine(frontmatterLines, 'url'),
      severity: 'warning',
      message: `url ignored: only http(s) links are kept, found ${JSON.stringify(urlText.slice(0, 60))}`,
    });
  }
  const converted = recordToFields(valueOf);
  if ('rejected' in converted) return { records: [{ line: keyLine(frontmatterLines, 'title'), rejected: converted.rejected }], problems };
  const fields = converted.fields;
  // The body is the abstract exactly as written (line endings aside): it is shown as text, never parsed.
  if (body !== '') {
    fields.abstract = body;
    fields.hasAbstract = true;
  }
  return { records: [{ line: 1, fields }], problems };
}

/**
 * True when the text starts with a `---` frontmatter fence.
 * @example detectMarkdown('---\ntitle: X\n---\n', 'x.md') // => true
 * @example detectMarkdown('# README', 'README.md') // => false
 */
export function detectMarkdown(text: string, _path: string): boolean {
  return FRONTMATTER_FENCE.test(text.split(/\r\n|\n|\r/, 1)[0] ?? '');
}

/** Markdown papers (`.md`, `.markdown`): YAML frontmatter plus the abstract as the body. */
export const markdownFormat: SourceFormat = {
  id: 'markdown',
  extensions: ['.md', '.markdown'],
  detect: detectMarkdown,
  parse: parseMarkdown,
};
