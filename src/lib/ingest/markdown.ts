import { parseDocument } from 'yaml';
import { collapseWhitespace } from './clean-text.ts';
import type { PaperFields, ParseResult, SourceFormat, SourceProblem } from './format.ts';

/**
 * One Markdown file per paper: YAML frontmatter between `---` lines holds the metadata (`title` required;
 * `authors`, `url`, `date`, `tags`, `doi`, `arxiv`, `venue`, `categories` optional) and the body is the
 * abstract, kept exactly as written: it is plain text to us, so `---`, `{{ }}` or HTML in it stay literal.
 */

const FRONTMATTER_FENCE = /^---[ \t]*$/;
/** YAML allows `...` to end a document, so a frontmatter block may close with it. */
const FRONTMATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

/** A value YAML gave us, reduced to text when it is a scalar; undefined for missing, null, lists and maps. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** A list field given as a YAML list or as one string ("A and B", "A, B", "A; B"). */
function textList(value: unknown, splitter: RegExp): string[] | undefined {
  if (Array.isArray(value)) {
    const items = value.map(scalarText).filter((item): item is string => item !== undefined);
    return items.map(collapseWhitespace);
  }
  const text = scalarText(value);
  if (text === undefined) return undefined;
  return text
    .split(splitter)
    .map(collapseWhitespace)
    .filter((item) => item !== '');
}

const AUTHOR_SEPARATOR = /\s*;\s*|\s*,\s*|\s+and\s+/i;
const TAG_SEPARATOR = /\s*[,;]\s*/;

/** `2024-05-01T10:00:00Z` → `2024-05-01`; other text is kept for the schema to judge. */
function normaliseDate(value: unknown): string | undefined {
  const text = scalarText(value);
  if (text === undefined) return undefined;
  const timestamp = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(text);
  return timestamp?.[1] ?? text;
}

/** `https://doi.org/10.1/x` and `doi:10.1/x` → `10.1/x`. */
function normaliseDoi(value: unknown): string | undefined {
  return scalarText(value)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** `arXiv:2411.15124v2` and `https://arxiv.org/abs/2411.15124` → `2411.15124`. */
function normaliseArxivId(value: unknown): string | undefined {
  return scalarText(value)
    ?.replace(/^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)/i, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/, '');
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
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { records: [{ line: 2, rejected: `invalid YAML frontmatter: ${(error as Error).message}` }], problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { records: [{ line: 2, rejected: `frontmatter must be a mapping of keys (title: …), found ${describeValue(data)}` }], problems };
  }
  const metadata = data as Record<string, unknown>;
  const title = scalarText(metadata.title);
  if (title === undefined) {
    const found = metadata.title === undefined ? 'no title' : describeValue(metadata.title);
    return { records: [{ line: keyLine(frontmatterLines, 'title'), rejected: `missing title (expected text in \`title:\`, found ${found})` }], problems };
  }
  const body = lines
    .slice(closingIndex + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  const abstract = body !== '' ? body : (scalarText(metadata.abstract) ?? '');
  const fields: PaperFields = {
    title: collapseWhitespace(title),
    abstract,
    hasAbstract: abstract !== '',
    authors: textList(metadata.authors ?? metadata.author, AUTHOR_SEPARATOR) ?? [],
    categories: textList(metadata.categories, TAG_SEPARATOR) ?? [],
    tags: textList(metadata.tags ?? metadata.keywords, TAG_SEPARATOR) ?? [],
  };
  const url = scalarText(metadata.url);
  const date = normaliseDate(metadata.date);
  const doi = normaliseDoi(metadata.doi);
  const arxivId = normaliseArxivId(metadata.arxiv ?? metadata.arxivId ?? metadata.arxiv_id);
  const venue = scalarText(metadata.venue);
  if (url !== undefined) fields.url = url;
  if (date !== undefined) fields.date = date;
  if (doi !== undefined) fields.doi = doi;
  if (arxivId !== undefined) fields.arxivId = arxivId;
  if (venue !== undefined) fields.venue = collapseWhitespace(venue);
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
